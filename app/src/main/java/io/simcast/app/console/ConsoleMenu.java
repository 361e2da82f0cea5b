package io.simcast.app.console;

import io.simcast.app.console.kit.Texts;
import io.simcast.app.console.editor.EditorViewModel;
import io.simcast.app.console.editor.MjcfEditor;
import io.simcast.app.console.files.DocumentViewModel;
import io.simcast.app.console.help.HelpWindow;
import java.nio.file.Path;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

/** The menu bar; its accelerators are the window's file, edit and help keys. Binds and delegates; JavaFX thread. */
final class ConsoleMenu extends MenuBar {
    ConsoleMenu(DocumentViewModel documents, ObservableList<Path> recentFiles, EditorViewModel editor,
                MjcfEditor editorView, HelpWindow help, Runnable generate, Runnable llmSettings, Runnable quit) {
        Menu recent = new Menu(Texts.OPEN_RECENT);
        recent.setId("menu-recent");
        fillRecent(recent, recentFiles, documents);
        recentFiles.addListener((ListChangeListener<Path>) change -> fillRecent(recent, recentFiles, documents));
        Menu file = new Menu(Texts.MENU_FILE, null,
                item("menu-open", Texts.OPEN, "Shortcut+O", documents::open),
                recent,
                item("menu-save", Texts.SAVE, "Shortcut+S", documents::save),
                item("menu-save-as", Texts.SAVE_AS, "Shortcut+Shift+S", documents::saveAs),
                new SeparatorMenuItem(),
                item("menu-quit", Texts.QUIT, "Shortcut+Q", quit));
        Menu edit = new Menu(Texts.MENU_EDIT, null,
                item("menu-find", Texts.FIND, "Shortcut+F", () -> editorView.find(false)),
                item("menu-replace", Texts.REPLACE, "Shortcut+H", () -> editorView.find(true)));
        MenuItem apply = item("menu-apply", Texts.APPLY, null, editor::apply);
        apply.setAccelerator(MjcfEditor.APPLY_KEY); // the editor handles it itself while it has the focus
        apply.disableProperty().bind(editor.compiling());
        Menu scene = new Menu(Texts.MENU_SCENE, null, apply, new SeparatorMenuItem(),
                item("menu-generate", Texts.GENERATE_MENU, "Shortcut+G", generate),
                item("menu-llm-settings", Texts.PROVIDERS_MENU, null, llmSettings));
        Menu helpMenu = new Menu(Texts.MENU_HELP, null, item("menu-help", Texts.HELP, "F1", help::show));
        getMenus().addAll(file, edit, scene, helpMenu);
    }

    private static void fillRecent(Menu recent, ObservableList<Path> files, DocumentViewModel documents) {
        recent.getItems().setAll(files.stream()
                .map(path -> item(null, path.toString(), null, () -> documents.open(path))).toList());
        recent.setDisable(files.isEmpty());
    }

    private static MenuItem item(String id, String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setMnemonicParsing(false);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(event -> action.run());
        return item;
    }
}
