package io.simcast.mcp;

import io.simcast.streaming.Role;
import java.util.List;

/** Every sentence the MCP server says to an agent or a person: tool errors, refusals, descriptions of limits. */
public final class McpMessages {
    private McpMessages() {}

    static String roleTooLow(String what, Role role, Role required) {
        return what + " needs the " + required.wireName() + " role; this session has " + role.wireName()
                + " (an operator token or a controller link, as Authorization: Bearer)";
    }

    static String missing(String argument) {
        return "Missing argument '" + argument + "'";
    }

    static String wrongType(String argument, String expected) {
        return "Argument '" + argument + "' must be " + expected;
    }

    static String presetOrMjcf() {
        return "Give exactly one of 'preset' (a preset id, see list_presets) or 'mjcf' (MJCF XML text)";
    }

    static String noPreset(String id, List<String> ids) {
        return "No preset '" + id + "'; the presets are: " + String.join(", ", ids);
    }

    static String noSuch(String kind, String name, List<String> names) {
        return "No " + kind + " named '" + name + "' in this scene; "
                + (names.isEmpty() ? "it has none" : "its " + kind + "s: " + String.join(", ", shorten(names)));
    }

    static String wrongLength(String joint, int expected, int got) {
        return "Joint '" + joint + "' has " + expected + " position values (qpos), got " + got;
    }

    static String simulationBusy() {
        return "The simulation did not answer within 5 seconds; try again";
    }

    static String noRenderer(String reason) {
        return "Pictures are not available on this machine: " + reason;
    }

    static String pictureSize(int maxWidth, int maxHeight) {
        return "Pictures are 16 to " + maxWidth + " pixels wide and 16 to " + maxHeight + " high";
    }

    static String noPicture(long seconds) {
        return "The renderer sent no picture within " + seconds + " s; try again";
    }

    static String cameraChoice() {
        return "Give either 'camera' (a camera of the model) or a free camera ('lookat', 'distance', 'azimuth',"
                + " 'elevation'), not both";
    }

    static String noLinks() {
        return "Viewer links need a host: this MCP server runs without one (start it with 'simcast mcp --serve', or"
                + " use the running host's /mcp)";
    }

    static String noSandbox(String id) {
        return "No sandbox '" + id + "' in this session (sandboxes belong to the session that opened them, and close"
                + " when it ends or idles)";
    }

    static String sandboxesPerSession(int limit) {
        return "This session already has " + limit + " sandboxes open, the most one session may have; close one"
                + " with close_sandbox";
    }

    static String sandboxesPerHost(int limit) {
        return "This host already runs " + limit + " sandboxes, the most it allows; try again when one closes";
    }

    static String generationFailed(String reason) {
        return "No scene was generated: " + reason;
    }

    static String unexpected(String tool, String reason) {
        return "Tool " + tool + " failed: " + reason;
    }

    /** How the page's Watch list names a sandbox nobody named. */
    static String sandboxTitle(String id, String sceneTitle) {
        return "Agent sandbox " + id + ": " + sceneTitle;
    }

    /** The kind of session that runs sandboxes, as the Watch list shows it. */
    static String sandboxKind() {
        return "MCP session";
    }

    static String noRendererHere() {
        return "this machine cannot render (see host_info)";
    }

    static String rendererStarting() {
        return "starting (pictures wait for it)";
    }

    static String sandboxClosedIdle(String id) {
        return "sandbox " + id + " closed after being idle";
    }

    /** Long lists in error messages: the first 40 names. */
    private static List<String> shorten(List<String> names) {
        return names.size() <= 40 ? names : java.util.stream.Stream.concat(names.stream().limit(40),
                java.util.stream.Stream.of("... (" + (names.size() - 40) + " more)")).toList();
    }

    static String originRefused(String origin) {
        return "Refused: a page at " + origin + " may not use this host's MCP endpoint (its Origin is not this host)";
    }
}
