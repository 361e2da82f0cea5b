package io.simcast.app.console.panels;

import io.simcast.app.console.kit.Texts;
import io.simcast.sim.render.View;
import io.simcast.sim.render.VisualFlag;
import io.simcast.sim.render.VisualFrame;
import io.simcast.sim.render.VisualLabel;
import io.simcast.sim.render.VisualOptions;
import java.util.Locale;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * simulate's Rendering switches for the console's own view: MuJoCo's visualisation and rendering flags, and which
 * frames and labels it draws. They change only that view, which is also what followers of the host's view watch.
 * Starts from the view's options; JavaFX thread.
 */
final class RenderingSwitches extends VBox {
    RenderingSwitches(View view) {
        super(4);
        setId("rendering-switches");
        VisualOptions start = view.options();
        FlowPane flags = new FlowPane(8, 2);
        for (VisualFlag flag : VisualFlag.values()) {
            CheckBox box = new CheckBox(Texts.visualFlag(flag));
            box.setId("visual-" + flag.name().toLowerCase(Locale.ROOT));
            box.setSelected(start.has(flag));
            box.selectedProperty().addListener((property, was, on) -> view.setOptions(view.options().with(flag, on)));
            flags.getChildren().add(box);
        }
        ComboBox<VisualFrame> frame = new ComboBox<>();
        frame.setId("visual-frame");
        frame.getItems().setAll(VisualFrame.values());
        frame.setValue(start.frame());
        frame.setOnAction(event -> view.setOptions(view.options().withFrame(frame.getValue())));
        ComboBox<VisualLabel> label = new ComboBox<>();
        label.setId("visual-label");
        label.getItems().setAll(VisualLabel.values());
        label.setValue(start.label());
        label.setOnAction(event -> view.setOptions(view.options().withLabel(label.getValue())));
        // The pairs wrap onto two lines in a narrow panel rather than cut their words short.
        getChildren().addAll(flags, new FlowPane(10, 4, new HBox(6, named(Texts.VISUAL_FRAME), frame),
                new HBox(6, named(Texts.VISUAL_LABEL), label)));
    }

    private static Label named(String text) {
        Label name = new Label(text);
        name.setMinWidth(Region.USE_PREF_SIZE);
        return name;
    }
}
