package app.scribe.ui.common;

import javafx.scene.Node;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;

/** The app's file dialogs; each returns null when the user cancels. */
public final class FileDialogs {
    private FileDialogs() {
    }

    public static File openText(Window owner, String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Text files", "*.txt"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        return chooser.showOpenDialog(owner);
    }

    /** Asks, over {@code from}'s window, for a text file to open; {@code open} takes it unless the user cancels. */
    public static void openText(Node from, String title, Consumer<Path> open) {
        File file = openText(from.getScene().getWindow(), title);
        if (file != null) {
            open.accept(file.toPath());
        }
    }

    static File save(Window owner, String suggestedName, String kind, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        return chooser.showSaveDialog(owner);
    }
}
