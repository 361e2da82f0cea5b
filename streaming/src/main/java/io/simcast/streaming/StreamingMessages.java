package io.simcast.streaming;

import io.simcast.sim.physics.SimCommand;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Every sentence the streaming host says to a user, a viewer or an operator, in one place. Tests assert these
 * words; change them here and there together.
 */
public final class StreamingMessages {
    private StreamingMessages() {}

    // ---- configuration -----------------------------------------------------------------------------------------

    public static String badNumber(String name, String value, int min, int max) {
        return name + " must be a whole number from " + min + " to " + max + ", got '" + value + "'";
    }

    public static String badFrameSize(String dimension, int value, int max) {
        return "Frame " + dimension + " must be an even number of pixels from 16 to " + max + ", got " + value;
    }

    public static String badFrameRate(int fps) {
        return "Frame rate must be 1 to 60 frames per second, got " + fps;
    }

    public static String badIceServer(String url) {
        return "ICE server '" + url + "' is not a stun:, stuns:, turn: or turns: URL";
    }

    public static String turnSecretTooShort(int minLength) {
        return "TURN_SECRET must be at least " + minLength + " characters (the TURN server's static-auth-secret;"
                + " make one with: openssl rand -hex 32)";
    }

    public static String turnSecretAndStaticUser() {
        return "Set TURN_SECRET (a credential minted for each viewer) or TURN_USERNAME and TURN_CREDENTIAL (one user"
                + " for everyone), not both";
    }

    public static String badPortRange(String text) {
        return "UDP port range must look like 50000-50100 (1 to 65535, low to high), got '" + text + "'";
    }

    public static String badViewMode(String text) {
        return "View must be 'own' (your own camera) or 'host' (follow the host's view), got '" + text + "'";
    }

    // ---- HTTP ----------------------------------------------------------------------------------------------

    public static String cannotBind(String host, int port, String reason) {
        return "Cannot listen on " + host + ":" + port + " (" + reason + "); is another Simcast running?"
                + " Choose another port with --port or PORT";
    }

    public static String unknownHost(String host, int port, String reason) {
        return "Cannot listen on " + host + ":" + port + ": this machine does not know the host name " + host + " ("
                + reason + "). Give one of its addresses or names with --host or HOST";
    }

    public static String cannotStart(String host, int port, String reason) {
        return "Simcast could not start serving on " + host + ":" + port + ": " + reason;
    }

    public static String noSuchPath(String method, String path) {
        return "Nothing here: " + method + " " + path;
    }

    public static String methodNotAllowed(String method, String path) {
        return "Method " + method + " is not allowed on " + path;
    }

    public static String bodyTooLarge(long declared, long limit) {
        return (declared >= 0 ? "Request body is " + declared + " bytes" : "Request body is too large")
                + "; the limit is " + limit + " bytes";
    }

    public static String crossOrigin(String origin) {
        return "Requests from other sites are refused (Origin " + origin + "); open the page from this host";
    }

    public static String internalError() {
        return "The host failed to handle this request; the host's log says why";
    }

    public static String emptyJson() {
        return "Expected a JSON document, got an empty body";
    }

    public static String badJson(String detail, int line, int column) {
        return "Invalid JSON" + (line > 0 ? " at line " + line + ", column " + column : "") + ": " + detail;
    }

    // ---- REST ----------------------------------------------------------------------------------------------

    public static String expectedCommandJson() {
        return "Expected a JSON body like {\"cmd\": \"pause\", \"params\": {}}";
    }

    public static String missingCommand(List<String> commands) {
        return "Missing \"cmd\"; commands: " + String.join(", ", commands);
    }

    public static String unknownCommand(String cmd, List<String> commands) {
        return "Unknown command '" + cmd + "'; commands: " + String.join(", ", commands);
    }

    /** A panel command's parameter is missing or wrong. */
    public static String badParam(String cmd, String field, String expected, String got) {
        return cmd + " needs params." + field + ", " + expected + ", got " + got;
    }

    public static String badStepCount(String value) {
        return "step needs params.count, a whole number of steps, got " + value;
    }

    public static String badSpeed(String value) {
        return "speed needs params.factor, a number from " + SimCommand.MIN_SPEED + " to " + SimCommand.MAX_SPEED
                + ", got " + value;
    }

    public static String expectedSceneXml() {
        return "Send the scene as MJCF XML (Content-Type application/xml) or as JSON {\"xml\": \"<mujoco>...\"}";
    }

    public static String noPreset(String id, String presets) {
        return "No preset '" + id + "'; presets: " + presets;
    }

    public static String simulationBusy() {
        return "The simulation did not take the command within 5 seconds; try again";
    }

    public static String badSeconds(String name, String value, long min, long max) {
        return name + " must be a whole number of seconds from " + min + " to " + max + ", got '" + value + "'";
    }

    // ---- RL environments -----------------------------------------------------------------------------------

    public static String expectedJsonObject(String example) {
        return "Expected a JSON object like " + example;
    }

    public static String fieldMissing(String field, String expected) {
        return "\"" + field + "\" is missing: " + expected;
    }

    public static String fieldWrong(String field, String expected, String got) {
        return "\"" + field + "\" must be " + expected + ", got " + got;
    }

    public static String actionsNotAList(String got) {
        return "actions must be a list: num_envs x action_dim numbers, or one list of action_dim numbers per copy;"
                + " got " + got;
    }

    public static String actionRowNotAList(String where, String got) {
        return where + " must be a list of action_dim numbers (one copy's action), got " + got;
    }

    public static String actionNotANumber(String where, String got) {
        return where + " must be a number, got " + got;
    }

    public static String rlClosedOnRequest(String id) {
        return "RL environment " + id + " was closed (DELETE /api/rl/" + id + ")";
    }

    public static String rlClosedIdle(String id, long seconds) {
        return "RL environment " + id + " was closed after " + seconds + " s without requests (RL_IDLE_TIMEOUT)";
    }

    public static String rlStillOpening(String id) {
        return "RL environment " + id + " is still being opened; its creator gets its id when it is ready";
    }

    public static String rlNotYours(String id, String owner) {
        return "RL environment " + id + " belongs to " + owner + ", who created it: only its creator or the operator"
                + " may step, reset, change or close it. Anyone may watch it (GET /api/rl, the page's Watch picker,"
                + " GET /api/rl/" + id + "/render); create your own with POST /api/rl/create";
    }

    public static String customNeedsOneModel() {
        return "custom needs its model: \"mjcf\": the MJCF text, or \"scene\": a preset id or \"current\" (the scene"
                + " running now); one of the two";
    }

    public static String rlEnvironmentGone(String reason) {
        return reason + "; create a new one (POST /api/rl/create)";
    }

    public static String tooManyWatchedCopies(int max) {
        return "Already " + max + " RL environment copies are being drawn (each needs a renderer of its own); watch"
                + " one of those, or try again when one is no longer watched (the host's limit: raise it with serve"
                + " --rl-max-rendered-copies N or RL_MAX_RENDERED_COPIES=N)";
    }

    public static String renderSizeOutOfRange(int width, int height, int max) {
        return "width and height must be between 1 and " + max + ", got " + width + "x" + height;
    }

    public static String noFrame(String copy, long seconds) {
        return "No picture of RL environment copy " + copy + " within " + seconds + " s; the renderer is stalled or"
                + " the environment closed";
    }

    public static String noSandbox(String id) {
        return "No sandbox '" + id + "' to watch (it closed with the session that opened it, or never existed); the"
                + " page's Watch list shows the open ones";
    }

    public static String sandboxUnrendered(String id) {
        return "Sandbox '" + id + "' has no renderer on this machine, so there is nothing to watch";
    }

    public static String sandboxClosed(String name) {
        return "The sandbox you watched (" + name + ") closed; back to the simulation";
    }

    public static String notConnectedYet() {
        return "This viewer is not connected yet; it can choose what to watch once its video plays";
    }

    public static String noViewer(String id) {
        return "No viewer '" + id + "' (it left, or never existed); GET /api/stats lists the viewers";
    }

    // ---- scenes from plain language ------------------------------------------------------------------------

    public static String generationBusy() {
        return "A scene is already being generated; wait for it to finish, or cancel it (DELETE /api/scene/generate)";
    }

    public static String noGeneration() {
        return "No scene is being generated";
    }

    public static String noSuchProviderSetUp(String provider) {
        return provider + " is not set up; nothing was removed";
    }

    public static String generatedSceneNotLoaded(String reason) {
        return "The scene was generated but could not be loaded: " + reason + ". The running scene was not changed";
    }

    // ---- signalling and WHEP ------------------------------------------------------------------------------------

    public static String unknownMessageType(String type) {
        return type.isEmpty() ? "Message has no \"type\"" : "Unknown message type '" + type + "'";
    }

    public static String badField(String type, String field, String expected) {
        return "'" + type + "' needs \"" + field + "\": " + expected;
    }

    public static String emptyOffer() {
        return "The offer is empty; send the SDP of an RTCPeerConnection offer";
    }

    public static String offerTooLarge(int length, int limit) {
        return "The offer is " + length + " bytes; an SDP offer is at most " + limit + " bytes";
    }

    public static String notSdp() {
        return "This is not an SDP offer: it must start with v=0";
    }

    public static String offerWithoutVideo() {
        return "The offer has no video section (m=video): add a video transceiver to receive the simulation";
    }

    public static String offerRefused(String reason) {
        return "The offer was refused: " + reason;
    }

    public static String badCandidate(String reason) {
        return "ICE candidate refused: " + reason;
    }

    public static String inputDropped() {
        return "Input is arriving faster than the host can apply it; some events were dropped";
    }

    public static String nothingToRestart() {
        return "This viewer has no connection to restart; send an offer first";
    }

    public static String alreadyConnected() {
        return "This viewer is already connected; open a new signalling connection to reconnect";
    }

    public static String viewerClosed() {
        return "This viewer has left";
    }

    public static String whepNeedsSdp(String mediaType) {
        return "A WHEP offer must be sent with Content-Type application/sdp"
                + (mediaType.isEmpty() ? "" : ", not " + mediaType);
    }

    public static String whepNeedsSdpFragment(String mediaType) {
        return "Trickled candidates must be sent with Content-Type application/trickle-ice-sdpfrag"
                + (mediaType.isEmpty() ? "" : ", not " + mediaType);
    }

    public static String noWhepSession(String id) {
        return "No WHEP session '" + id + "' (it ended, or never existed)";
    }

    public static String whepDeleted() {
        return "the WHEP session was deleted";
    }

    // ---- viewers -------------------------------------------------------------------------------------------

    public static String viewerLimit(int limit) {
        return "This host is full: it serves at most " + limit + (limit == 1 ? " viewer" : " viewers")
                + " at once. Try again when someone leaves";
    }

    public static String connectionLost() {
        return "the connection was lost";
    }

    public static String connectionFailed() {
        return "the connection failed (no network path between the host and the viewer; a TURN server may help)";
    }

    public static String neverOffered() {
        return "the viewer sent no offer";
    }

    public static String addressViewerLimit(int limit) {
        return "Your address already has " + limit + (limit == 1 ? " viewer" : " viewers")
                + " on this host, as many as one address may have; close one or try again later";
    }

    public static String neverConnected() {
        return "the viewer never connected";
    }

    public static String hostStopping() {
        return "the host is shutting down";
    }

    public static String disconnectedByOperator() {
        return "the operator disconnected this viewer";
    }

    public static String rendererUnavailable(String reason) {
        return "This host cannot render (" + reason + "); video is unavailable";
    }

    // ---- access: tokens, links, roles ----------------------------------------------------------------------

    public static String missingToken() {
        return "This host needs a share link: open the link the host gave you (or send Authorization: Bearer TOKEN)";
    }

    public static String invalidToken() {
        return "This link is not valid: it was revoked, it expired, or it is incomplete. Ask the host for a new link";
    }

    public static String forbidden(Role have, Role need) {
        return "This needs " + (need == Role.OPERATOR ? "the operator" : "a " + need.wireName() + " link") + "; yours is "
                + (have == Role.OPERATOR ? "the operator's" : "a " + have.wireName() + " link");
    }

    public static String viewerMayNotCommand(String cmd) {
        return "A viewer link may move only its own camera, not run '" + cmd
                + "'; ask the host for a controller link";
    }

    public static String viewerMayNotPressKey(String code) {
        return "A viewer link may move only its own camera; " + code
                + " changes the simulation for everyone. Ask the host for a controller link";
    }

    public static String viewerMayNotPerturb() {
        return "A viewer link may move only its own camera, not bodies (Ctrl+drag); ask the host for a controller link";
    }

    public static String viewerMayNotSelect() {
        return "A viewer link may move only its own camera, not select bodies; ask the host for a controller link";
    }

    public static String linkViewerLimit(int limit) {
        return "This link already has " + limit + (limit == 1 ? " viewer" : " viewers")
                + ", as many as it admits at once; ask the host for another link or try again later";
    }

    public static String linkRevoked() {
        return "the host revoked the share link";
    }

    public static String linkExpired() {
        return "the share link expired";
    }

    public static String badLinkRole(String text) {
        return "A share link is for a 'viewer', a 'controller' or the 'operator', got '" + text + "'";
    }

    public static String badLinkLifetime(long minutes) {
        return "A share link must last at least a minute, got " + minutes + " minutes";
    }

    public static String badLinkViewers(int viewers) {
        return "A share link admits at least one viewer, got " + viewers;
    }

    public static String badLinkMinutes(String value, long max) {
        return "expiresInMinutes must be a whole number from 1 to " + max + " (or absent: the link lasts until the host"
                + " stops or revokes it), got " + value;
    }

    public static String badLinkViewerCount(String value, int max) {
        return "maxViewers must be a whole number from 1 to " + max + ", got " + value;
    }

    public static String noLink(String id) {
        return "No share link '" + id + "' (it was revoked or expired, or never existed)";
    }

    public static String tokenFromVariable(String variable) {
        return "from " + variable;
    }

    public static String tokenFromFile(java.nio.file.Path file) {
        return "from " + file;
    }

    public static String tokenGenerated(java.nio.file.Path file) {
        return "generated and stored in " + file + " (readable by you only)";
    }

    public static String tokenTooWeak(String where, int minimum) {
        return "The operator token in " + where
                + " is too weak: use at least " + minimum + " random characters without spaces"
                + " (e.g. openssl rand -base64 24)";
    }

    public static String tokenFileTooOpen(java.nio.file.Path file) {
        return "The operator token file " + file + " can be read by other users; run chmod 600 " + file;
    }

    public static String tokenFileUnusable(java.nio.file.Path file, String reason) {
        return "Cannot use the operator token file " + file + ": " + reason;
    }

    public static String accessSummary(boolean operatorToken) {
        return "every request needs a share link or the operator token"
                + (operatorToken ? "; scripts on this machine read the operator token" : "");
    }

    /** What {@code serve} and the console print: the operator's own page, which opens once. */
    public static String operatorLink(URI address) {
        return "operator page (opens once, in your browser): " + address;
    }

    /** What a host bound to the loopback address says at start, and the console's viewers panel while it shares so. */
    public static String localOnly() {
        return "Sharing is local-only: only this computer can open these links. To share with other people on the"
                + " network, start with --public (the host then listens on this machine's address, tokens required).";
    }

    public static String linkTokenShownOnce(String id) {
        return "Share link " + id + " has no token here: a link's address is shown once, when it is made."
                + " Make a new link";
    }

    public static String operatorLinkViewers() {
        return "An operator link opens one page and has no viewer limit: leave maxViewers out";
    }

    public static String foreignHostName(String host) {
        return "This host answers to its own name only, not to '" + host + "' (set --public-url to the name people"
                + " use behind a proxy)";
    }

    public static String linkFileUnreadable(Path file, Path aside, String reason) {
        return "Share links kept in " + file + " could not be read (" + reason + "): the host starts without them;"
                + " the file is kept as " + aside;
    }

    public static String linkFileUnwritable(Path file, String reason) {
        return "Share links could not be written to " + file + " (" + reason + "): they work until the host stops,"
                + " and a restart revokes them";
    }

    // ---- hardening ---------------------------------------------------------------------------------------------

    public static String tooManyMessages(double rate) {
        return "Too many messages: at most " + Math.round(rate)
                + " a second are handled; the excess was dropped, and a viewer that keeps it up is disconnected";
    }

    public static String expelledForFlooding() {
        return "the viewer sent messages faster than the host handles them, for too long";
    }

    public static String expelledForGarbage() {
        return "the viewer kept sending messages the host could not use";
    }

    public static String tooManyWaitingSockets() {
        return "Too many connections are waiting to sign in; try again in a moment";
    }

    public static String messageTooLarge(long limit) {
        return "Message larger than " + limit + " bytes; no message of this protocol is that large";
    }

    public static String binaryMessage() {
        return "Binary messages are not part of this protocol; send JSON text";
    }

    public static String badPublicUrl(String text) {
        return "The public URL must be an http:// or https:// address such as https://sim.example.org/, got '"
                + text + "'";
    }

    public static String tlsNeedsBoth() {
        return "TLS needs both the certificate (--tls-cert, TLS_CERT) and its private key (--tls-key, TLS_KEY),"
                + " as PEM files";
    }

    public static String tlsUnreadable(java.nio.file.Path file, String reason) {
        return "Cannot read " + file + " for TLS: " + reason;
    }

    public static String tlsNoCertificate(java.nio.file.Path file) {
        return file + " holds no certificate (-----BEGIN CERTIFICATE-----); give the certificate chain as PEM";
    }

    public static String tlsNoKey(java.nio.file.Path file) {
        return file + " holds no private key Simcast can read; give an unencrypted PKCS#8 (BEGIN PRIVATE KEY) or"
                + " PKCS#1 (BEGIN RSA PRIVATE KEY) key, e.g. openssl pkcs8 -topk8 -nocrypt -in KEY -out key.pem";
    }

    public static String tlsEncryptedKey(java.nio.file.Path file) {
        return file + " is encrypted; Simcast cannot ask for its passphrase. Decrypt it to a file only you can read:"
                + " openssl pkcs8 -in " + file + " -out key.pem";
    }

    public static String tlsKeyMismatch(java.nio.file.Path certificate, java.nio.file.Path key, String reason) {
        return "The key " + key + " does not go with the certificate " + certificate + " (" + reason + ")";
    }

    // ---- WebRTC --------------------------------------------------------------------------------------------

    public static String webRtcUnavailable(Throwable cause) {
        return "WebRTC is unavailable on this host (" + cause + "); is libpulse0 installed? Run scripts/setup.sh";
    }

    public static String webRtcRefused(String step, String reason) {
        return "WebRTC could not " + step + ": " + reason;
    }

    public static String webRtcTimeout(String step) {
        return "WebRTC did not " + step + " in time; the host may be overloaded";
    }

    /** The message of what really failed, under the wrappers of futures and executors. */
    public static String reason(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    // ---- broadcast and recordings (issue 19) ---------------------------------------------------------------------

    public static String playbackWithoutBroadcast() {
        return "--broadcast-janus (BROADCAST_JANUS_URL) needs --broadcast (BROADCAST_URL): the page can only play a"
                + " broadcast the host sends";
    }

    public static String badJanusUrl(String url) {
        return "--broadcast-janus (BROADCAST_JANUS_URL) must be a Janus API URL (ws://, wss://, http:// or https://),"
                + " got '" + url + "'";
    }

    public static String noRecording(String name) {
        return "no recording called '" + name + "'";
    }

    public static String noViewerToRecord(String id) {
        return "viewer '" + id + "' is not connected to a view of this host (it left, or plays the broadcast from"
                + " the SFU)";
    }

    public static String nothingToRecord() {
        return "this host renders nothing to record (no renderer)";
    }

    public static String badRecordingSource(String view) {
        return "record {\"view\": \"shared\"}, {\"viewer\": ID} or {\"env\": ID, \"copy\": N}; got view '"
                + view + "'";
    }
}
