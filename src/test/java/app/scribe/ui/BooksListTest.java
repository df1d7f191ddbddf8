package app.scribe.ui;

import app.scribe.ui.common.UserPreferences;
import app.scribe.ui.shell.MessageBar;
import app.scribe.ui.shell.ScribeApp;

import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static app.scribe.ui.WindowProbe.click;
import static app.scribe.ui.WindowProbe.label;
import static app.scribe.ui.WindowProbe.pickBook;
import static app.scribe.ui.WindowProbe.trainSmallModel;
import static app.scribe.ui.WindowProbe.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Books list shows what is read: a text opened from elsewhere joins the list, picked, and a model loaded picks
 * the book it learnt from. A short list leaves the column to what was read, and opening Cleaning brings it into view.
 */
class BooksListTest extends VanityFairWindow {
    @BeforeAll
    static void anotherBook() throws IOException {
        Files.writeString(folder.resolve("corpora").resolve("other.txt"), "Another book, quite short.\n".repeat(400));
    }

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void aTextOpenedFromElsewhereJoinsTheListPicked(FxRobot robot) throws IOException {
        Path elsewhere = Files.createDirectories(folder.resolve("elsewhere")).resolve("notes.txt");
        Files.writeString(elsewhere, "Notes kept elsewhere, read as a book.\n".repeat(300));
        // The last session's books come back as an opened file does: through the same pick.
        UserPreferences.ofUser().save(List.of(elsewhere), null, List.of(), new Rectangle2D(0, 0, 1024, 700),
                new double[0], null);
        Stage[] second = new Stage[1];
        robot.interact(() -> {
            second[0] = new Stage();
            new ScribeApp().start(second[0]);
        });
        Parent root = second[0].getScene().getRoot();
        ListView<Path> books = books(robot, root);
        waitUntil(robot, root, () -> label(robot, root, "#corpusSummary").startsWith("notes.txt")
                && books.getSelectionModel().getSelectedItems().equals(List.of(elsewhere)));
        pickBook(robot, root, "vf.txt");
        waitUntil(robot, root, () -> label(robot, root, "#corpusSummary").startsWith("vf.txt"));
        pickBook(robot, root, "notes.txt");
        waitUntil(robot, root, () -> label(robot, root, "#corpusSummary").startsWith("notes.txt"));
        assertTrue(books.getItems().contains(elsewhere), "the opened file stays in the list");
        robot.interact(() -> second[0].close());
    }

    @Test
    void aRefusedFileLeavesTheListAndTheBookInUseStaysPicked(FxRobot robot) throws IOException {
        Path empty = Files.createDirectories(folder.resolve("elsewhere")).resolve("empty.txt");
        Files.writeString(empty, "");
        Path garbled = folder.resolve("corpora").resolve("garbled.txt");
        byte[] bytes = new byte[4096];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 37);
        }
        Files.write(garbled, bytes);
        UserPreferences.ofUser().save(List.of(empty), null, List.of(), new Rectangle2D(0, 0, 1024, 700),
                new double[0], null);
        Stage[] second = new Stage[1];
        try {
            robot.interact(() -> {
                second[0] = new Stage();
                new ScribeApp().start(second[0]);
            });
            Parent root = second[0].getScene().getRoot();
            ListView<Path> books = books(robot, root);
            MessageBar notifications = robot.from(root).lookup("#notifications").queryAs(MessageBar.class);
            // An empty file opened from elsewhere is refused: it does not join the list, and nothing is picked.
            waitUntil(robot, root, () -> notifications.getText().contains("empty.txt is empty")
                    && !books.getItems().contains(empty) && books.getSelectionModel().getSelectedItems().isEmpty());
            pickBook(robot, root, "vf.txt");
            waitUntil(robot, root, () -> label(robot, root, "#corpusSummary").startsWith("vf.txt"));
            // A binary book of the list is refused: the list picks the book in use again, the one Train would use.
            pickBook(robot, root, "garbled.txt");
            waitUntil(robot, root, () -> notifications.getText().contains("garbled.txt looks like a binary file")
                    && books.getSelectionModel().getSelectedItems().size() == 1
                    && books.getSelectionModel().getSelectedItem().getFileName().toString().equals("vf.txt"));
            assertTrue(label(robot, root, "#corpusSummary").startsWith("vf.txt"), "the stats are the book in use's");
            assertTrue(books.getItems().contains(garbled), "a book of the corpora folder stays listed");
        } finally {
            Files.delete(garbled);
            if (second[0] != null) {
                robot.interact(() -> second[0].close());
            }
        }
    }

    @Test
    void aModelLoadedPicksTheBookItLearntFrom(FxRobot robot) {
        Parent root = stage.getScene().getRoot();
        robot.interact(() -> robot.from(root).lookup("#modelNameField").queryAs(TextField.class).setText("follows"));
        trainSmallModel(robot, root, "vf.txt", 20);
        Path saved = folder.resolve("models").resolve("follows.scribe");
        @SuppressWarnings("unchecked")
        ComboBox<Path> picker = robot.from(root).lookup("#savedModelsBox").queryAs(ComboBox.class);
        waitUntil(robot, root, () -> picker.getItems().contains(saved));
        pickBook(robot, root, "other.txt");
        waitUntil(robot, root, () -> label(robot, root, "#corpusSummary").startsWith("other.txt"));

        robot.interact(() -> picker.getSelectionModel().select(saved));
        click(robot, robot.from(root).lookup("#loadButton").queryButton());
        ListView<Path> books = books(robot, root);
        waitUntil(robot, root, () -> label(robot, root, "#corpusSummary").startsWith("vf.txt")
                && books.getSelectionModel().getSelectedItems().size() == 1
                && books.getSelectionModel().getSelectedItem().getFileName().toString().equals("vf.txt"));
        assertEquals("vf.txt", books.getSelectionModel().getSelectedItem().getFileName().toString(),
                "the model's own book is picked");
    }

    @Test
    void at1024x700AShortListLeavesTheColumnToTheDetailsAndOpeningCleaningScrollsToIt(FxRobot robot) {
        Parent root = stage.getScene().getRoot();
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        pickBook(robot, root, "vf.txt");
        waitUntil(robot, root, () -> label(robot, root, "#corpusSummary").startsWith("vf.txt"));
        ListView<Path> books = books(robot, root);
        Region details = robot.from(root).lookup("#bookDetails").queryAs(Region.class);
        waitUntil(robot, root, () -> books.getItems().size() == 2 && books.getHeight() < 130
                && details.getHeight() > 300);
        TitledPane cleaning = robot.from(root).lookup("#cleaningPane").queryAs(TitledPane.class);
        robot.interact(() -> robot.from(root).lookup("#bookDetails").queryAs(ScrollPane.class).setVvalue(1));
        robot.interact(() -> cleaning.setExpanded(true));
        waitUntil(robot, root, () -> {
            Bounds shown = WindowLayoutTest.visibleBounds(cleaning);
            return shown != null && shown.getHeight() > 250;
        });
        assertTrue(books.getHeight() < 130, "the list keeps its short height with Cleaning open: " + books.getHeight());
    }

    @SuppressWarnings("unchecked")
    private static ListView<Path> books(FxRobot robot, Parent root) {
        return robot.from(root).lookup("#corpusList").queryAs(ListView.class);
    }
}
