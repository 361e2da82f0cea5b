package io.simcast.app.console.editor;

/**
 * Why the editor's text was not applied, as MuJoCo (or the scene sandbox) said it.
 *
 * @param line the 1-based line the message names, or 0 when it names none
 * @param message the text a person reads
 */
public record SceneError(int line, String message) {
    public boolean hasLine() {
        return line > 0;
    }
}
