package app.scribe.ui.common;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;

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

    static File save(Window owner, String suggestedName, String kind, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        return chooser.showSaveDialog(owner);
    }
}
