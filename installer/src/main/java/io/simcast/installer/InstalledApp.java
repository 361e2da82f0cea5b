package io.simcast.installer;

import io.simcast.app.cli.SimcastCommand;
import io.simcast.sim.UserFolders;
import java.io.IOException;

/**
 * The entry point of the installed app (the jpackage launcher's main class, desktop menu and terminal alike): makes
 * the user's folders on first start (settings, scenes, recovery, logs; see {@link UserFolders}), adds the log file
 * in the logs folder, then runs the {@code simcast} command line exactly as {@code ./simcast} does. Runs on
 * {@code main}. When the folders cannot be made (a read-only home), Simcast still runs and logs to the terminal.
 */
public final class InstalledApp {
    private InstalledApp() {}

    public static void main(String[] args) {
        UserFolders folders = UserFolders.forThisUser();
        try {
            LogFile.attach(folders.create().logs());
        } catch (IOException e) {
            System.err.println("simcast: could not create the folder " + e.getMessage()
                    + "; logging to the terminal only");
        }
        SimcastCommand.main(args);
    }
}
