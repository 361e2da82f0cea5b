package io.simcast.app.console;

import io.simcast.app.console.kit.Texts;
/** The tabs beside the editor and the view, in the order they appear. */
public enum SidePanel {
    /** Presets and recent files. */
    SCENES(Texts.PANEL_SCENES),
    /** simulate's panels: info, a slider per actuator and per joint, keyframes. */
    SIMULATE(Texts.PANEL_SIMULATE),
    /** The address to share and who is watching, from the embedded streaming host. */
    VIEWERS(Texts.PANEL_VIEWERS),
    /** Charts of the real-time factor, frame rates, and each viewer's bitrate and latency. */
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
