package app.scribe.ui;

import app.scribe.ui.shell.ScribeApp;

import app.scribe.DataFolders;
import app.scribe.library.CatalogEntry;
import app.scribe.library.GutenbergServer;
import javafx.scene.Parent;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static app.scribe.ui.WindowProbe.click;
import static app.scribe.ui.WindowProbe.label;
import static app.scribe.ui.WindowProbe.pickBook;
import static app.scribe.ui.WindowProbe.smallModel;
import static app.scribe.ui.WindowProbe.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The library window against a local Gutenberg mirror: search the catalog, download with a moving progress bar, the
 * book joins the Books list by title and trains; a cancelled or failed download leaves the library as it was.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LibraryViewTest {
    @TempDir
    static Path folder;
    private static AppFolders folders;
    private static GutenbergServer server;
    private Stage stage;

    @BeforeAll
    static void start() throws IOException {
        folders = AppFolders.withVanityFair(folder, "small_vanity_fair.txt");
        server = GutenbergServer.withBooks();
    }

    @AfterAll
    static void restore() {
        server.close();
        folders.restore();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new ScribeApp().start(stage);
    }

    @Test
    void searchDownloadSeeItInTheBooksAndTrainOnIt(FxRobot robot) {
        server.trickle(GutenbergServer.bookPath(2591), bytes("grimms_fairy_tales.txt"), 10_000, 40);
        Parent root = stage.getScene().getRoot();
        TableView<CatalogEntry> results = search(robot, "fairy tales");
        waitUntil(robot, root, () -> results.getItems().size() == 1);
        assertEquals("Grimms' Fairy Tales", results.getItems().get(0).title());

        ProgressBar bar = robot.lookup("#downloadProgress").queryAs(ProgressBar.class);
        List<Double> seen = new CopyOnWriteArrayList<>();
        robot.interact(() -> bar.progressProperty().addListener((obs, old, now) -> seen.add(now.doubleValue())));
        robot.interact(() -> results.getSelectionModel().select(0));
        robot.clickOn("#downloadButton");
        // The final state: the downloaded book is listed by title and the corpora's books stay listed beside it.
        waitUntil(robot, root, () -> bookLabels(robot, root).containsAll(List.of(
                "Grimms' Fairy Tales — Grimm, Jacob, 1785-1863; Grimm, Wilhelm, 1786-1859", "small_vanity_fair.txt")));
        assertTrue(seen.stream().anyMatch(p -> p > 0 && p < 1), "the bar moved through " + seen);
        assertTrue(libraryStatus(robot).contains("is in the library"),
                libraryStatus(robot));

        robot.interact(() -> ((Stage) results.getScene().getWindow()).close()); // back to the main window
        pickBook(robot, root, "pg2591.txt");
        waitUntil(robot, root, () -> label(robot, root, "#corpusSummary").contains("Gutenberg header removed"));
        smallModel(robot, root, 20);
        click(robot, robot.from(root).lookup("#trainButton").queryButton());
        waitUntil(robot, root, () -> label(robot, root, "#statusLabel").startsWith("Finished at step 20"));
    }

    @Test
    void aCancelledFailedOrMisdirectedDownloadLeavesTheLibraryAsItWas(FxRobot robot) throws Exception {
        server.trickle(GutenbergServer.bookPath(599), bytes("vanity_fair.txt"), 4_000, 50);
        Parent root = stage.getScene().getRoot();
        TableView<CatalogEntry> results = search(robot, "vanity");
        waitUntil(robot, root, () -> results.getItems().size() == 1);
        List<String> before = libraryFiles();
        int booksBefore = WaitForAsyncUtils.asyncFx(() -> bookLabels(robot, root).size()).get();

        robot.interact(() -> results.getSelectionModel().select(0));
        robot.clickOn("#downloadButton");
        ProgressBar bar = robot.lookup("#downloadProgress").queryAs(ProgressBar.class);
        waitUntil(robot, root, () -> bar.isVisible() && bar.getProgress() > 0);
        robot.clickOn("#cancelButton");
        waitUntil(robot, root, () -> libraryStatus(robot).contains("cancelled"));
        assertEquals(before, libraryFiles());
        assertFalse(bar.isVisible(), "the bar goes when the download ends");

        robot.interact(() -> robot.lookup("#queryField").queryAs(TextField.class).setText("bronte"));
        waitUntil(robot, root, () -> results.getItems().size() == 1);
        robot.interact(() -> results.getSelectionModel().select(0));
        robot.clickOn("#downloadButton");
        waitUntil(robot, root, () -> libraryStatus(robot).contains("HTTP 404"));
        assertEquals(before, libraryFiles());
        assertEquals(booksBefore, WaitForAsyncUtils.asyncFx(() -> bookLabels(robot, root).size()).get());

        robot.interact(() -> robot.lookup("#mirrorField").queryAs(TextField.class).setText("ftp://example.org"));
        robot.clickOn("#refreshCatalogButton");
        waitUntil(robot, root, () -> libraryStatus(robot).contains("must be an http or https address"));
        assertEquals(before, libraryFiles());
    }

    @Test
    void theDialogKeepsItsButtonsStillShowsItsHeadersWholeAndClosesOnEscape(FxRobot robot) throws Exception {
        Parent root = stage.getScene().getRoot();
        TableView<CatalogEntry> results = search(robot, "vanity");
        waitUntil(robot, root, () -> results.getItems().size() == 1);
        Stage library = (Stage) results.getScene().getWindow();
        Labeled language = WaitForAsyncUtils.asyncFx(() -> results.lookupAll(".column-header .label").stream()
                .map(n -> (Labeled) n).filter(l -> "Language".equals(l.getText())).findFirst().orElseThrow()).get();
        assertTrue(WaitForAsyncUtils.asyncFx(() -> language.getChildrenUnmodifiable().stream()
                .noneMatch(n -> n instanceof Text t && t.getText().contains("…"))
                && language.getWidth() >= language.prefWidth(-1)).get(), "the header shows whole");
        robot.interact(() -> library.setWidth(620)); // narrow enough for the mirror's refusal to take two lines
        WaitForAsyncUtils.waitForFxEvents();
        Button download = robot.lookup("#downloadButton").queryButton();
        double top = WaitForAsyncUtils.asyncFx(() -> download.localToScene(0, 0).getY()).get();

        robot.interact(() -> robot.lookup("#mirrorField").queryAs(TextField.class).setText("ftp:/bad url"));
        robot.clickOn("#refreshCatalogButton");
        Label status = robot.lookup("#libraryStatus").queryAs(Label.class);
        waitUntil(robot, root, () -> libraryStatus(robot).contains("must be an http or https address")
                && status.getHeight() > 1.5 * status.getFont().getSize() * 1.2);
        assertEquals(top, WaitForAsyncUtils.asyncFx(() -> download.localToScene(0, 0).getY()).get(), 0.5,
                "a sentence of two lines leaves the buttons where they were");

        robot.interact(() -> results.requestFocus());
        robot.type(KeyCode.ESCAPE);
        waitUntil(robot, root, () -> !library.isShowing());
    }

    /** Opens the library window, points it at the local mirror and searches for {@code query}. */
    private TableView<CatalogEntry> search(FxRobot robot, String query) {
        click(robot, robot.from(stage.getScene().getRoot()).lookup("#findBooksButton").queryButton());
        robot.interact(() -> {
            robot.lookup("#mirrorField").queryAs(TextField.class).setText(server.url());
            robot.lookup("#queryField").queryAs(TextField.class).setText(query);
        });
        robot.clickOn("#searchButton");
        @SuppressWarnings("unchecked")
        TableView<CatalogEntry> results = robot.lookup("#resultsTable").queryAs(TableView.class);
        return results;
    }

    private static String libraryStatus(FxRobot robot) {
        return robot.lookup("#libraryStatus").queryAs(Label.class).getText();
    }

    /** The texts of the Books list's cells, as the user reads them (read on the FX thread). */
    private static List<String> bookLabels(FxRobot robot, Parent root) {
        @SuppressWarnings("unchecked")
        ListView<Path> books = robot.from(root).lookup("#corpusList").queryAs(ListView.class);
        return robot.from(books).lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .map(cell -> cell.getGraphic() instanceof Labeled title ? title.getText() : null)
                .filter(text -> text != null).map(String::valueOf).toList();
    }

    private static List<String> libraryFiles() throws IOException {
        try (Stream<Path> files = Files.list(DataFolders.ofUser().books())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static byte[] bytes(String book) {
        try {
            return GutenbergServer.shared(book, 300_000);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

}
