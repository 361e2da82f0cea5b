package io.simcast.sim.scene;

import io.simcast.sim.scene.SceneSandbox.Reference;
import io.simcast.sim.scene.SceneSandbox.Where;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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

    private static String refused(Reference reference) {
        return "Refused " + reference.attribute() + "=\"" + reference.value() + "\" (" + reference.where() + ")";
    }

    static String absolutePath(Reference reference) {
        return refused(reference) + ": absolute paths are not allowed; use a path relative to the scene folder";
    }

    static String parentPath(Reference reference) {
        return refused(reference) + ": '..' may not leave the scene folder";
    }

    static String outsideFolder(Reference reference, Optional<Reference> base) {
        return refused(reference) + base.map(b -> ": under " + b.attribute() + "=\"" + b.value() + "\" (" + b.where()
                + ")").orElse(":") + " it resolves outside the scene folder (symbolic link?)";
    }

    static String notAFile(Reference reference) {
        return refused(reference) + ": it is not a plain file (a folder, device or pipe)";
    }

    static String notPlainText(Reference reference) {
        return "Refused " + reference.attribute() + " (" + reference.where()
                + "): the file name holds control characters or bytes that are not UTF-8";
    }

    static String noAssetFolder(Reference reference) {
        return refused(reference)
                + ": this scene has no folder, so it cannot read files; upload the scene with its assets as a folder";
    }

    static String includeMissing(Reference reference) {
        return "Included file '" + reference.value() + "' (" + reference.where() + ") not found in the scene folder";
    }

    static String includeNotXml(Reference reference, String parserMessage) {
        return "Included file '" + reference.value() + "' (" + reference.where() + ") is not XML MuJoCo can read: "
                + parserMessage;
    }

    static String tooManyIncludes(int limit) {
        return "The scene includes more than " + limit + " documents; the limit is " + limit;
    }

    static String declarationRefused(String text, Where where) {
        String shown = text.length() > 60 ? text.substring(0, 60) + "..." : text;
        return "Refused <!" + shown.replaceAll("\\s+", " ") + "> (" + where
                + "): a scene may not declare a document type or entities (MuJoCo ignores them)";
    }

    static String colonInObjPath(Reference reference) {
        return refused(reference) + ": the mesh's path holds ':', which MuJoCo's OBJ reader takes for a list of"
                + " folders; move the scene to a folder whose path has no ':'";
    }

    static String mtllibLineTooLong(Where where, int limit) {
        return "Refused mtllib (" + where + "): the line is longer than " + limit + " bytes";
    }

    static String mtllibNotPlainText(Where where) {
        return "Refused mtllib (" + where + "): the file name holds bytes that are not UTF-8";
    }

    static String tooMuchToDraw(String what, String unit, long total, String largest, long limit, String advice) {
        return "Refused: the " + what + " have " + total + " " + unit + " in all (" + largest + "); the limit is "
                + limit + " " + unit + " (" + advice + ")";
    }

    static String stackTooLarge(long nstack, long bytes, SceneLimits limits) {
        return "Refused <size nstack=\"" + nstack + "\">: the simulation's stack would take " + (bytes >> 20)
                + " MiB; the limit is " + (limits.maxStackBytes() >> 20) + " MiB";
    }

    static String visualSettingTooLarge(String element, String attribute, int value, int limit) {
        return "Refused <visual><" + element + " " + attribute + "=\"" + value + "\">: the limit is " + limit;
    }

    static String renderBuffersTooLarge(int width, int height, int samples, int shadowSize, long bytes,
            SceneLimits limits) {
        return "Refused <visual>: an offscreen buffer of " + width + " x " + height + " with " + samples
                + " samples and a shadow map of " + shadowSize + " x " + shadowSize + " would take " + (bytes >> 20)
                + " MiB of graphics memory; the limit is " + (limits.maxRenderBufferBytes() >> 20) + " MiB"
                + " (lower offwidth, offheight, offsamples or shadowsize)";
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
        return "MuJoCo did not finish compiling, stepping and drawing this scene within " + seconds + " s of processor"
                + " time, so the check was stopped; make the model smaller (fewer bodies, smaller composites, meshes"
                + " and height fields)";
    }

    static String checkStalled(long seconds) {
        return "The scene check did not finish within " + seconds + " s (MuJoCo hung, or this machine is overloaded),"
                + " so it was stopped; the scene was refused and the host is unaffected";
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
