package app.scribe.ui;

import app.scribe.ui.shell.ScribeApp;

import javafx.application.Platform;
import javafx.scene.control.ListView;
import javafx.stage.Stage;

/**
 * Run in its own process by {@link RunsAnywhereTest}: opens the real Scribe window (headless) and prints each book
 * its Books list shows as {@code book=<path>}, then quits.
 */
public final class ListShippedBooks {
    private ListShippedBooks() {
    }

    public static void main(String[] args) {
        Platform.startup(() -> {
            Stage stage = new Stage();
            new ScribeApp().start(stage);
            ListView<?> books = (ListView<?>) stage.getScene().lookup("#corpusList");
            books.getItems().forEach(book -> System.out.println("book=" + book));
            System.out.flush();
            Platform.exit();
        });
    }
}
