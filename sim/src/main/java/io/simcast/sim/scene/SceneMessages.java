package io.simcast.sim.scene;

import java.nio.file.Path;
import java.util.List;

/** Every message a user can read when a scene is refused, in one place (tests assert these words). */
final class SceneMessages {
    private SceneMessages() {}

    static String fileNotFound(Path file) {
        return "Scene file not found: " + file;
    }

    static String folderNotFound(Path folder) {
        return "Scene folder not found: " + folder;
    }

    static String unreadable(Path path, Exception cause) {
        return "Cannot read " + path + ": " + cause.getMessage();
    }

    static String ambiguousFolder(Path folder, List<Path> candidates) {
        return candidates.isEmpty()
                ? "No .xml scene file in folder " + folder
                : "Folder " + folder + " holds several .xml files " + candidates.stream()
                        .map(p -> p.getFileName().toString()).toList()
                        + "; name the main one scene.xml or model.xml, or open the file itself";
    }

    static String xmlTooLarge(String name, long size, SceneLimits limits) {
        return "Scene XML " + name + " is " + size + " bytes; the limit is " + limits.maxXmlBytes() + " bytes";
    }

    static String assetTooLarge(String reference, long size, SceneLimits limits) {
        return "Asset '" + reference + "' is " + size + " bytes; the limit is " + limits.maxAssetBytes() + " bytes";
    }

    static String emptyXml() {
        return "Scene XML is empty";
    }

    static String absolutePath(String attribute, String value, int line) {
        return "Refused " + attribute + "=\"" + value + "\" (line " + line
                + "): absolute paths are not allowed; use a path relative to the scene folder";
    }

    static String parentPath(String attribute, String value, int line) {
        return "Refused " + attribute + "=\"" + value + "\" (line " + line
                + "): '..' may not leave the scene folder";
    }

    static String outsideFolder(String attribute, String value, int line) {
        return "Refused " + attribute + "=\"" + value + "\" (line " + line
                + "): it resolves outside the scene folder (symbolic link?)";
    }

    static String noAssetFolder(String attribute, String value, int line) {
        return "Refused " + attribute + "=\"" + value + "\" (line " + line
                + "): this scene has no folder, so it cannot read files; upload the scene with its assets as a folder";
    }

    static String includeMissing(String value, int line) {
        return "Included file '" + value + "' (line " + line + ") not found in the scene folder";
    }

    static String compileFailed(String mujocoMessage) {
        return mujocoMessage;
    }

    static String nativeFailure(String message) {
        return "MuJoCo failed while compiling the scene: " + message;
    }

    static String checkBusy() {
        return "The host is busy checking other scenes; try again in a moment";
    }

    static String checkInterrupted() {
        return "The scene check was interrupted; the running scene was not changed";
    }

    static String checkTimedOut(long seconds) {
        return "MuJoCo did not finish compiling this scene within " + seconds
                + " s, so the check was stopped; make the model smaller (fewer bodies, smaller composites)";
    }

    static String checkOutOfMemory() {
        return "MuJoCo ran out of memory compiling this scene (it asks for far more than any real model needs);"
                + " the scene was refused and the host is unaffected";
    }

    static String checkCrashed(int exit) {
        return "MuJoCo crashed compiling this scene (exit " + exit + (exit > 128 ? ", signal " + (exit - 128) : "")
                + "); the scene was refused and the host is unaffected";
    }

    static String checkUnavailable(String reason) {
        return "Could not start the scene check (" + reason + "); the scene was refused";
    }
}
