package app.scribe.ui.library;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The library's own window, built when first opened and kept (with its search) while the app runs; Escape closes it.
 */
public final class LibraryWindow {
    private final LibraryViewModel library;
    private Stage stage;

    public LibraryWindow(LibraryViewModel library) {
        this.library = library;
    }

    public void show(Window owner) {
        if (stage == null) {
            FXMLLoader loader = new FXMLLoader(LibraryWindow.class.getResource("/app/scribe/ui/library.fxml"));
            loader.setControllerFactory(type -> new LibraryController(library));
            Parent view;
            try {
                view = loader.load();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            stage = new Stage();
            stage.initOwner(owner);
            stage.setTitle("Find books — Project Gutenberg");
            Scene scene = new Scene(view);
            scene.getStylesheets().add(LibraryWindow.class.getResource("/app/scribe/ui/scribe.css").toExternalForm());
            // Escape closes it, as it does a dialog; a control that uses Escape itself (an open list) has it first.
            scene.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
                if (event.getCode() == KeyCode.ESCAPE) {
                    stage.hide();
                    event.consume();
                }
            });
            stage.setScene(scene);
        }
        stage.show();
        stage.toFront();
    }
}
