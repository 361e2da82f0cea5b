package io.simcast.app.console.viewers;

import io.simcast.app.console.kit.Texts;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** A "Copy" button that puts an address on the clipboard and says so in {@code copied}. JavaFX thread. */
final class CopyButton extends Button {

    CopyButton(String id, Supplier<String> text, Label copied) {
        this(id, text, copied, Texts.COPY, Texts.COPIED);
    }

    /** With its own words: {@code label} on the button, {@code done} once copied. */
    CopyButton(String id, Supplier<String> text, Label copied, String label, String done) {
        super(label);
        setId(id);
        setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text.get());
            Clipboard.getSystemClipboard().setContent(content);
            copied.setText(done);
        });
    }
}
