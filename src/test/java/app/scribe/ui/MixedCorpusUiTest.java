package app.scribe.ui;

import app.scribe.ui.shell.ScribeApp;

import app.scribe.TestCorpora;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static app.scribe.ui.WindowProbe.click;
import static app.scribe.ui.WindowProbe.label;
import static app.scribe.ui.WindowProbe.smallModel;
import static app.scribe.ui.WindowProbe.waitUntil;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ctrl-clicking a second book in the Books list makes a corpus of both: the stats show each share, and it trains;
 * the size advice beside the stats uses the assumed speed before the run and the run's measured speed after it.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MixedCorpusUiTest {
    @TempDir
    static Path folder;
    private static AppFolders folders;
    private Stage stage;

    @BeforeAll
    static void start() throws IOException {
        folders = AppFolders.withVanityFair(folder, "vanity.txt");
        byte[] grimm = Files.readAllBytes(TestCorpora.book("grimms_fairy_tales.txt"));
        Files.write(folder.resolve("corpora/grimm.txt"), Arrays.copyOf(grimm, 50_000));
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
    void twoSelectedBooksShowTheirSharesAndTrain(FxRobot robot) {
        Parent root = stage.getScene().getRoot();
        click(robot, cell(robot, root, "grimm.txt"));
        waitUntil(robot, root, () -> label(robot, root, "#corpusSummary").startsWith("grimm.txt"));
        robot.press(KeyCode.CONTROL).clickOn(cell(robot, root, "vanity.txt")).release(KeyCode.CONTROL);
        waitUntil(robot, root, () -> label(robot, root, "#corpusSummary").contains("Books: "));
        String summary = label(robot, root, "#corpusSummary");
        assertTrue(summary.startsWith("grimm.txt + vanity.txt"), summary);
        assertTrue(summary.matches("(?s).*Books: grimm\\.txt \\d+\\.\\d% · vanity\\.txt \\d+\\.\\d%.*"), summary);

        smallModel(robot, root, 10);
        String advice = label(robot, root, "#sizeAdviceLabel");
        assertTrue(advice.startsWith("One epoch ("), advice);
        assertTrue(advice.contains("not measured yet"), advice);
        assertTrue(advice.contains("Rule of thumb (char-rnn)"), advice);
        click(robot, robot.from(root).lookup("#trainButton").queryButton());
        waitUntil(robot, root, () -> label(robot, root, "#statusLabel").startsWith("Finished at step 10"));
        String measured = label(robot, root, "#sizeAdviceLabel");
        assertTrue(measured.contains("scaled from this session's last run"), measured);
    }

    private static ListCell<?> cell(FxRobot robot, Parent root, String text) {
        return robot.from(root.lookup("#corpusList")).lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getGraphic() instanceof Labeled title && text.equals(title.getText())).findFirst()
                .orElseThrow();
    }
}
