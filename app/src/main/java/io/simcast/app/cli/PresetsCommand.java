package io.simcast.app.cli;

import io.simcast.sim.scene.Preset;
import io.simcast.sim.scene.PresetCatalog;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code simcast presets}: the scenes shipped with Simcast. */
@Command(name = "presets", mixinStandardHelpOptions = true, description = "List the built-in scenes.")
final class PresetsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        var presets = PresetCatalog.builtIn().presets();
        int idWidth = presets.stream().mapToInt(p -> p.id().length()).max().orElse(2);
        int titleWidth = presets.stream().mapToInt(p -> p.title().length()).max().orElse(5);
        for (Preset preset : presets) {
            out.printf("%-" + idWidth + "s  %-" + titleWidth + "s  %s%n", preset.id(), preset.title(),
                    preset.description());
        }
        out.flush();
        return 0;
    }
}
