package io.simcast.app.console;

/** The tabs beside the editor and the view, in the order they appear. */
public enum SidePanel {
    /** Presets and recent files. */
    SCENES(Texts.PANEL_SCENES),
    /** Who watches and how to share the link: filled by the embedded streaming host (second step of the console). */
    VIEWERS(Texts.PANEL_VIEWERS),
    /** Charts of the simulation's rates and energies: filled in the second step of the console. */
    STATISTICS(Texts.PANEL_STATISTICS),
    /** What happened to scenes and files. */
    LOG(Texts.PANEL_LOG);

    private final String title;

    SidePanel(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
