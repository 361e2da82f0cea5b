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
}
