package app.scribe.ui;

import app.scribe.corpus.RecordTexts;
import app.scribe.ui.shell.ScribeApp;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static app.scribe.ui.WindowProbe.click;
import static app.scribe.ui.WindowProbe.label;
import static app.scribe.ui.WindowProbe.pickBook;
import static app.scribe.ui.WindowProbe.smallModel;
import static app.scribe.ui.WindowProbe.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A list book: Books suggests Records, ticking it reads the book as records, a short run trains on them, and the
 * Generate tab writes 20 whole records, each marked new or copied from the book.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class RecordsUiTest {
    @TempDir
    static Path folder;
    private static AppFolders folders;
    private static Set<String> words;
    private Stage stage;

    @BeforeAll
    static void start() throws IOException {
        folders = AppFolders.withVanityFair(folder, "vanity.txt");
        String list = RecordTexts.words(40_000);
        Files.writeString(folder.resolve("corpora/words.txt"), list);
        words = new HashSet<>(List.of(list.split("\n")));
    }

    @AfterAll
    static void restore() {
        folders.restore();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new ScribeApp().start(stage);
    }

    @Test
    void aListIsSuggestedAsRecordsTrainedAndWrittenAsRecordsMarkedNewOrCopied(FxRobot robot) throws Exception {
        Parent root = stage.getScene().getRoot();
        pickBook(robot, root, "words.txt");
        waitUntil(robot, root, () -> label(robot, root, "#recordsHint").contains("looks like a list (one a line)"));
        CheckBox records = robot.from(root).lookup("#recordsCheck").queryAs(CheckBox.class);
        assertFalse(WaitForAsyncUtils.asyncFx(records::isSelected).get());
        click(robot, records);
        waitUntil(robot, root, () -> label(robot, root, "#corpusSummary").contains("Records: " + String.format("%,d",
                words.size()) + ", one a line"));

        smallModel(robot, root, 10);
        click(robot, robot.from(root).lookup("#trainButton").queryButton());
        waitUntil(robot, root, () -> label(robot, root, "#statusLabel").startsWith("Finished at step 10"));

        TabPane tabs = robot.from(root).lookup("#studioTabs").queryAs(TabPane.class);
        Tab generate = tabs.getTabs().stream().filter(t -> "Generate".equals(t.getText())).findFirst().orElseThrow();
        robot.interact(() -> tabs.getSelectionModel().select(generate));
        waitUntil(robot, root, () -> robot.from(root).lookup("#recordsView").query().isVisible());
        click(robot, robot.from(root).lookup("#writeRecordsButton").queryButton());
        @SuppressWarnings("unchecked")
        ListView<Object> list = robot.from(root).lookup("#recordsList").queryAs(ListView.class);
        waitUntil(robot, root, () -> list.getItems().size() == 20
                && label(robot, root, "#recordsSummary").contains("copied from words.txt"));
        List<String> rows = WaitForAsyncUtils.asyncFx(() -> list.getItems().stream().map(Object::toString).toList())
                .get();
        int copied = 0;
        for (String row : rows) {
            String mark = row.substring(0, 7).strip();
            String text = row.substring(8, row.lastIndexOf("   ("));
            assertFalse(text.isBlank(), row);
            assertEquals(words.contains(text) ? "copied" : "new", mark, row);
            copied += mark.equals("copied") ? 1 : 0;
        }
        String summary = label(robot, root, "#recordsSummary");
        assertTrue(summary.startsWith((20 - copied) + " new, " + copied + " copied from words.txt"), summary);

        // At 1024 x 700 the list takes the generated text's room (the text beside it was another one), until a text
        // is generated again.
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        Node text = robot.from(root).lookup("#outputArea").query();
        waitUntil(robot, root, () -> !text.isVisible() && list.getHeight() >= 150);
        click(robot, robot.from(root).lookup("#generateButton").queryButton());
        waitUntil(robot, root, () -> text.isVisible() && !list.isVisible());
    }
}
