package app.scribe.ui.common;

import javafx.scene.Node;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The app's file dialogs; each returns null when the user cancels. Each opens in the folder the last one chose from
 * (for this run of the app), as desktop programs do, not in the folder the app was started from.
 */
public final class FileDialogs {
    private static volatile Path lastFolder;

    private FileDialogs() {
    }

    public static File openText(Window owner, String title) {
        FileChooser chooser = chooser(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Text files", "*.txt"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        return remembered(chooser.showOpenDialog(owner));
    }

    /** Asks, over {@code from}'s window, for a text file to open; {@code open} takes it unless the user cancels. */
    public static void openText(Node from, String title, Consumer<Path> open) {
        File file = openText(from.getScene().getWindow(), title);
        if (file != null) {
            open.accept(file.toPath());
        }
    }

    public static File openModel(Window owner) {
        FileChooser chooser = chooser("Load a Scribe model");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scribe models", "*.scribe"));
        return remembered(chooser.showOpenDialog(owner));
    }

    public static File save(Window owner, String suggestedName, String kind, String pattern) {
        FileChooser chooser = chooser(null);
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        return remembered(chooser.showSaveDialog(owner));
    }

    private static FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        if (title != null) {
            chooser.setTitle(title);
        }
        Path folder = lastFolder;
        if (folder != null && Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        return chooser;
    }

    private static File remembered(File chosen) {
        if (chosen != null && chosen.getParentFile() != null) {
            lastFolder = chosen.getParentFile().toPath();
        }
        return chosen;
    }
}
