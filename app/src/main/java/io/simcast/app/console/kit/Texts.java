package io.simcast.app.console.kit;

import io.simcast.sim.render.VisualFlag;
import io.simcast.sim.scene.Scene;
import io.simcast.streaming.Role;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Every text the console shows a person, in one place (tests assert these words). Any thread. */
public final class Texts {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private Texts() {}

    // ---- window, menus, panels --------------------------------------------------------------------------------
    public static final String APP = "Simcast";
    public static final String MENU_FILE = "File";
    public static final String MENU_EDIT = "Edit";
    public static final String MENU_SCENE = "Scene";
    public static final String MENU_HELP = "Help";
    public static final String OPEN = "Open…";
    public static final String OPEN_RECENT = "Open recent";
    public static final String SAVE = "Save";
    public static final String SAVE_AS = "Save as…";
    public static final String QUIT = "Quit";
    public static final String FIND = "Find…";
    public static final String REPLACE = "Replace…";
    public static final String APPLY = "Apply";
    public static final String HELP = "Keys and MJCF reference";
    public static final String PANEL_SCENES = "Scenes";
    public static final String PANEL_VIEWERS = "Sharing";
    public static final String PANEL_STATISTICS = "Statistics";
    public static final String PANEL_LOG = "Log";
    public static final String PANEL_SIMULATE = "Simulate";
    public static final String PANEL_INFO = "Info";
    public static final String PANEL_CONTROL = "Control";
    public static final String PANEL_JOINT = "Joint";
    public static final String PANEL_KEYFRAMES = "Keyframes";
    public static final String PANEL_CLEAR_CONTROLS = "Clear all";
    public static final String PANEL_LOAD_KEY = "Load";
    public static final String PANEL_COPY_KEY = "Copy state as <key>";
    public static final String PANEL_RENDERING = "Rendering";
    public static final String PANEL_SENSORS = "Sensors";
    public static final String PANEL_PROFILER = "Profiler";
    public static final String PROFILER_WAITING = "MuJoCo's timers start with the next steps.";
    public static final String VISUAL_FRAME = "Frame";
    public static final String VISUAL_LABEL = "Label";

    /** simulate's names of its visualisation and rendering switches. */
    public static String visualFlag(VisualFlag flag) {
        return switch (flag) {
            case CONTACT_POINTS -> "Contact points";
            case CONTACT_FORCES -> "Contact forces";
            case JOINTS -> "Joints";
            case ACTUATORS -> "Actuators";
            case CENTRE_OF_MASS -> "Centre of mass";
            case PERTURBATION -> "Perturbation";
            case TRANSPARENCY -> "Transparency";
            case INERTIA -> "Inertia";
            case CAMERAS -> "Cameras";
            case LIGHTS -> "Lights";
            case WIREFRAME -> "Wireframe";
            case SHADOWS -> "Shadows";
            case REFLECTIONS -> "Reflection";
            case SKYBOX -> "Skybox";
            case FOG -> "Fog";
        };
    }
    public static final String PRESETS = "Presets";
    public static final String RECENT_FILES = "Recent files";
    public static final String NO_RECENT_FILES = "Files you open or save appear here.";
    public static final String UNTITLED = "Untitled";

    // ---- live view --------------------------------------------------------------------------------------------
    public static final String NO_PICTURE_YET = "No picture to save yet: the live view has not shown a frame";

    /** What the view area says when nothing can render. */
    public static String noLiveView(String reason) {
        return "No live view: " + reason + ". Everything else works.";
    }

    /** The live view's corner when the person switches to a fixed camera (the free one is {@link #FREE_CAMERA}). */
    public static String camera(String name) {
        return "Camera: " + name;
    }

    /** The live view's corner while a body is selected. */
    public static String selectedBody(String name) {
        return "Selected: " + name;
    }

    public static String screenshotSaved(Path file) {
        return "Saved a picture of the view to " + file;
    }

    public static String cannotSaveScreenshot(Path file, String message) {
        return "Cannot save a picture of the view to " + file + ": " + message;
    }

    // ---- sharing ----------------------------------------------------------------------------------------------
    public static final String SHARING_OFF = "Sharing is off: this console was started with --no-share";

    public static String sharingAt(URI address) {
        return "Sharing at " + address;
    }

    public static final String ADDRESS_TO_SHARE = "Address to share";
    public static final String COPY = "Copy";
    public static final String COPIED = "Copied to the clipboard";
    public static final String WATCHING_NOW = "Watching now";
    public static final String NOBODY_WATCHING = "Nobody is watching. Make a share link, or copy your own page's link.";
    public static final String COPY_MY_PAGE = "Copy my page's link";
    public static final String MY_PAGE_COPIED = "Copied: it opens your page once, in a browser on any machine";
    public static final String NOBODY_CAN_WATCH = "Nobody can watch while sharing is off.";
    public static final String SHARE_ON_NETWORK = "Share on the network";
    public static final String TIP_SHARE_ON_NETWORK = "Listen on this machine's address, as serve --public does:"
            + " other people on the network can open the links (each needs its token)";
    public static final String LOCAL_ONLY = "Sharing is local-only: only this computer can open these links."
            + " Tick \"Share on the network\" so that other people on the network can open them.";

    public static final String SHARING_NOT_SWITCHABLE = "This console's host was started on a chosen address"
            + " (--public or --host): it stays there";

    /** Said under the switch at all times: what flipping it does to the pages watching. */
    public static final String SWITCH_RESTARTS = "Switching restarts sharing on the same port: pages watching on this"
            + " computer lose the picture for a few seconds and come back by themselves; pages on other machines lose"
            + " it until sharing is on the network again.";

    /** Said under the switch while the host moves. */
    public static String movingHost(boolean network) {
        return network ? "Moving the host onto this machine's network address; pages watching now come back by"
                + " themselves in a few seconds" : "Moving the host back to this computer only; pages on this computer"
                + " come back by themselves in a few seconds, pages on other machines lose the picture";
    }

    /** Said under the switch when the host could not move (it serves where it was). */
    public static String cannotMoveHost(boolean network, String reason) {
        return (network ? "Cannot share on the network: " : "Cannot go back to this computer only: ") + reason;
    }

    public static final String COLUMN_VIEWER = "Viewer";
    public static final String COLUMN_WATCHING = "Watching";
    public static final String COLUMN_CONNECTION = "Connection";
    public static final String COLUMN_FPS = "Frames/s";
    public static final String COLUMN_BITRATE = "Bitrate";
    public static final String COLUMN_ROUND_TRIP = "Round trip";
    public static final String COLUMN_SINCE = "Since";
    public static final String DISCONNECT = "Disconnect";
    public static final String SHARE_LINKS = "Share links";
    public static final String SHARE_LINKS_HINT = "Anyone with a link can watch (a controller link may also play,"
            + " pause, reset and move bodies) until you revoke it.";
    public static final String CREATE_LINK = "Create link";
    public static final String SHOW_LARGE = "Show large (projector)";
    public static final String LARGE_QR_TITLE = "Share link";
    public static final String REVOKE = "Revoke";
    public static final String NO_LINKS = "No links yet.";
    public static final String NEVER_EXPIRES = "never expires";
    public static final String EXPIRES_IN_AN_HOUR = "expires in 1 hour";
    public static final String EXPIRES_IN_A_DAY = "expires in 1 day";
    public static final String EXPIRES_IN_A_WEEK = "expires in 1 week";

    /** "viewer" or "controller", as the role is called everywhere (links, the page, docs/SECURITY.md). */
    public static String roleName(Role role) {
        return role.wireName();
    }

    /** A link in the list: "controller link Ab12Cd, until 18:40:05" or "viewer link Ab12Cd, no expiry". */
    public static String linkLabel(String role, String id, Instant expires) {
        return role + " link " + id + (expires == null ? ", no expiry" : ", until " + CLOCK.format(expires));
    }

    public static String linkMade(String role, String id) {
        return "Made the " + role + " link " + id;
    }

    public static String linkRevoked(String role, String id) {
        return "Revoked the " + role + " link " + id + "; its viewers were disconnected";
    }
    private static final String NOT_MEASURED = "–";

    /** The first six hex digits of a viewer's id: enough to tell viewers apart, short enough for a column. */
    public static String shortViewerId(String id) {
        return id.length() > 6 ? id.substring(0, 6) : id;
    }

    /** "own camera" or "host view", and the door when it is not the page's: "own camera (WHEP)". */
    public static String watching(String view, String door) {
        String what = "host".equals(view) ? "host view" : "own camera";
        return "whep".equals(door) ? what + " (WHEP)" : what;
    }

    public static String framesPerSecond(double fps) {
        return String.format(Locale.ROOT, "%.0f", fps);
    }

    /** "850 kb/s", "1.25 Mb/s". */
    public static String bitrate(double kbps) {
        return kbps < 1000 ? String.format(Locale.ROOT, "%.0f kb/s", kbps)
                : String.format(Locale.ROOT, "%.2f Mb/s", kbps / 1000);
    }

    /** "12 ms", or a dash before anything was measured (negative). */
    public static String milliseconds(double millis) {
        return millis < 0 ? NOT_MEASURED : String.format(Locale.ROOT, "%.0f ms", millis);
    }

    /** A viewer's admission time (ISO-8601) as a local clock time. */
    public static String since(String instant) {
        return CLOCK.format(Instant.parse(instant));
    }

    // ---- statistics -------------------------------------------------------------------------------------------
    public static final String CHART_REAL_TIME = "Real-time factor";
    public static final String CHART_FRAME_RATES = "Frames per second";
    public static final String CHART_BITRATES = "Bitrate to each viewer (kbit/s)";
    public static final String CHART_LATENCY = "Latency (ms)";
    public static final String SERIES_REAL_TIME = "simulation";
    public static final String SERIES_RENDERER = "renderer, all views";
    public static final String SERIES_LIVE_VIEW = "live view";

    public static String seriesViewer(String id) {
        return "viewer " + shortViewerId(id);
    }

    public static String seriesRoundTrip(String id) {
        return "viewer " + shortViewerId(id) + ", round trip";
    }

    public static String disconnected(String viewer) {
        return "Disconnected viewer " + viewer;
    }

    public static String cannotDisconnect(String viewer, String message) {
        return "Could not disconnect viewer " + viewer + ": " + message;
    }

    // ---- toolbar ----------------------------------------------------------------------------------------------
    public static final String PLAY = "Play";
    public static final String PAUSE = "Pause";
    public static final String STEP = "Step";
    public static final String RESET = "Reset";
    public static final String SLOWER = "Slower";
    public static final String FASTER = "Faster";
    public static final String TIP_PLAY_PAUSE = "Play or pause the simulation";
    public static final String TIP_STEP = "Advance one time step while paused";
    public static final String TIP_RESET = "Back to the initial state";
    public static final String TIP_SLOWER = "Half the speed";
    public static final String TIP_FASTER = "Double the speed";
    public static final String TIP_APPLY = "Compile the editor's text and load it into the simulation";
    public static final String PREVIOUS_CAMERA = "‹ Camera";
    public static final String NEXT_CAMERA = "Camera ›";
    public static final String FREE_CAMERA = "Free camera";
    public static final String PICTURE = "Picture";
    public static final String TIP_PREVIOUS_CAMERA = "The scene's previous fixed camera";
    public static final String TIP_NEXT_CAMERA = "The scene's next fixed camera";
    public static final String TIP_FREE_CAMERA = "Back to the free camera the mouse turns";
    public static final String TIP_PICTURE = "Save the live view's picture to a PNG file";
    public static final String TIP_RECORD = "Record the live view to an MP4 in the recordings folder, or stop";
    public static final String RECORD = "● Rec";
    public static final String STOP_RECORDING = "■ Stop";
    public static final String RECORDING_SOURCE = "console view";

    /** A tooltip with the key that does the same: "Play or pause the simulation (Space)". */
    public static String withKey(String tip, String key) {
        return tip + " (" + key + ")";
    }

    // ---- status bar -------------------------------------------------------------------------------------------
    public static final String RUNNING = "Running";
    public static final String PAUSED = "Paused";
    public static final String COMPILING = "Compiling the scene…";

    public static String simulationTime(double seconds) {
        return String.format(Locale.ROOT, "t = %.3f s", seconds);
    }

    /** Speed factors are powers of two: "1×", "4×", "1/8×". */
    public static String speed(double factor) {
        return factor >= 1 ? String.format(Locale.ROOT, "%.0f×", factor)
                : String.format(Locale.ROOT, "1/%.0f×", 1 / factor);
    }

    public static String realTime(double factor) {
        return String.format(Locale.ROOT, "real time %.0f%%", 100 * factor);
    }

    /** A preset by its title; anything else with its id too, which tells two versions of a text apart. */
    public static String scene(Scene scene) {
        return scene.source().trusted() ? scene.title() : scene.title() + " (" + scene.id() + ")";
    }

    // ---- editor -----------------------------------------------------------------------------------------------
    public static final String NO_MATCHES = "No matches";
    public static final String FIND_PROMPT = "Find";
    public static final String REPLACE_PROMPT = "Replace with";
    public static final String MATCH_CASE = "Match case";
    public static final String NEXT = "Next";
    public static final String PREVIOUS = "Previous";
    public static final String REPLACE_ONE = "Replace";
    public static final String REPLACE_ALL = "Replace all";
    public static final String CLOSE = "Close";

    public static String matchPosition(int index, int count) {
        return index + " of " + count;
    }

    public static String replacedCount(int count) {
        return count == 1 ? "Replaced 1 occurrence" : "Replaced " + count + " occurrences";
    }

    /** The error under the editor and in the gutter's tooltip: MuJoCo's words, with the line it names. */
    public static String sceneError(String message) {
        return "Not applied, the scene already loaded stays as it was: " + message;
    }

    // ---- files and recovery -----------------------------------------------------------------------------------
    public static final String MJCF_FILES = "MJCF and URDF files";
    public static final String UNSAVED_TITLE = "Unsaved changes";
    public static final String DONT_SAVE = "Don't save";
    public static final String RESTORE = "Restore";
    public static final String DISCARD = "Discard";

    public static String unsavedQuestion(String name) {
        return "Save the changes to " + name + " first?";
    }

    public static String recoveryOffer(String name, Instant savedAt) {
        return "Unsaved text of " + name + " from " + DATE_TIME.format(savedAt)
                + " was kept when Simcast stopped. Restore it?";
    }

    public static String windowTitle(String documentName, boolean dirty) {
        return (dirty ? "• " : "") + documentName + " — " + APP;
    }

    // ---- generating scenes --------------------------------------------------------------------------------------
    public static final String GENERATE_TITLE = "Generate a scene";
    public static final String GENERATE_MENU = "Generate scene…";
    public static final String GENERATE = "Generate";
    public static final String CANCEL = "Cancel";
    public static final String SETTINGS = "Settings…";
    public static final String GENERATE_PROMPT =
            "Describe the scene, e.g. a double pendulum with friction next to a ramp with three boxes";
    public static final String PROVIDER = "Provider";
    public static final String DEFAULT_PROVIDER = "the default";
    public static final String NO_PROVIDER_SET_UP = "No language model is set up yet: add one in Settings.";
    public static final String GENERATED_NOT_TAKEN =
            "The generated scene was not loaded: the editor's unsaved text was kept";

    public static String generated(String title, int attempts) {
        return "Generated and loaded " + title + (attempts == 1 ? " (first attempt)" : " (after " + attempts
                + " attempts)") + "; its MJCF is in the editor";
    }

    // ---- language-model settings ---------------------------------------------------------------------------
    public static final String PROVIDERS_TITLE = "Language models";
    public static final String PROVIDERS_MENU = "Language model settings…";
    public static final String API_KEY = "API key";
    public static final String KEY_STORED_PROMPT = "stored; type a new key to replace it";
    public static final String KEY_PROMPT = "paste the provider's API key";
    public static final String KEY_OPTIONAL_PROMPT = "optional for a local server";
    public static final String MODEL = "Model";
    public static final String BASE_URL = "Address";
    public static final String SAVE_PROVIDER = "Save";
    public static final String REMOVE_PROVIDER = "Remove";
    public static final String TEST_CONNECTION = "Test connection";
    public static final String TESTING = "Asking the provider…";
    public static final String KEY_STORED = "key stored";
    public static final String NO_KEY = "no key";
    public static final String NOT_SET_UP = "not set up";
    public static final String IS_DEFAULT = "default";

    /** One provider in the settings list: "OpenAI: gpt-5 at https://api.openai.com/v1, key stored, default". */
    public static String providerLine(String name, String model, String baseUrl, boolean keyStored,
                                      boolean isDefault) {
        return name + ": " + model + " at " + baseUrl + ", " + (keyStored ? KEY_STORED : NO_KEY)
                + (isDefault ? ", " + IS_DEFAULT : "");
    }

    public static String providerNotSetUp(String name) {
        return name + ": " + NOT_SET_UP;
    }

    public static String providerSaved(String name, String model, boolean keyStored) {
        return name + " is set up with model " + model + (keyStored ? "; its key is stored" : "; no key");
    }

    public static String providerRemoved(String name) {
        return name + " removed; its key is deleted";
    }

    public static String keysKeptIn(String storage) {
        return "Keys are kept in " + storage + " and never shown again.";
    }

    // ---- log --------------------------------------------------------------------------------------------------
    public static String logLine(Instant time, String text) {
        return CLOCK.format(time) + "  " + text;
    }

    public static String loaded(String sceneTitle) {
        return "Loaded " + sceneTitle;
    }

    public static String notApplied(String message) {
        return "Not applied: " + message;
    }

    public static String diverged(String sceneId, double time, String reason) {
        return String.format(Locale.ROOT, "%s diverged at t = %.3f s (%s) and was reset", sceneId, time, reason);
    }

    public static String resetScene(String sceneId) {
        return sceneId + " was reset";
    }

    public static String saved(Path file) {
        return "Saved " + file;
    }

    public static String cannotOpen(String message) {
        return "Cannot open: " + message;
    }

    public static String cannotSave(Path file, String message) {
        return "Cannot save " + file + ": " + message;
    }

    public static String startedWith(String sceneTitle) {
        return "Started with " + sceneTitle;
    }

    public static String openInEditor(String documentName) {
        return documentName + " is open in the editor.";
    }

    public static String fellBack(String wanted, String message) {
        return "Could not load " + wanted + " (" + message + "); started with the default scene";
    }

    public static String recordingStarted(java.nio.file.Path file) {
        return "Recording the live view to " + file;
    }

    public static String recordingFinished(java.nio.file.Path file, long frames) {
        return "Recorded " + frames + " frames to " + file;
    }

    public static String recordingFailed(String reason) {
        return "The recording failed: " + reason;
    }
}
