package app.scribe.ui;

import app.scribe.ui.shell.MessageBar;
import app.scribe.ui.shell.ScribeApp;

import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;

import static app.scribe.ui.WindowProbe.click;
import static app.scribe.ui.WindowProbe.label;
import static app.scribe.ui.WindowProbe.pickBook;
import static app.scribe.ui.WindowProbe.smallModel;
import static app.scribe.ui.WindowProbe.spinner;
import static app.scribe.ui.WindowProbe.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the real app window: pick a book, train, watch the chart, generate, save, load in a new window. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ScribeAppTest {
    @TempDir
    static Path folder;
    private static AppFolders folders;
    private Stage stage;

    @BeforeAll
    static void folders() throws IOException {
        folders = AppFolders.withVanityFair(folder, "small_vanity_fair.txt");
        Path corpora = folder.resolve("corpora");
        Files.write(corpora.resolve("picture.txt"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        Files.write(corpora.resolve("empty.txt"), new byte[0]);
        byte[] french = "Une crème brûlée au café, très bien. ".repeat(40).getBytes(StandardCharsets.UTF_8);
        byte[] damaged = Arrays.copyOf(french, french.length + 1);
        damaged[french.length / 2] = (byte) 0xFF;
        Files.write(corpora.resolve("damaged.txt"), damaged);
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
    void trainGenerateSaveAndLoadInAFreshWindow(FxRobot robot) throws Exception {
        Parent first = stage.getScene().getRoot();
        pickBook(robot, first, "small_vanity_fair.txt");
        waitUntil(robot, first, () -> label(robot, first, "#corpusSummary").contains("distinct"));
        smallModel(robot, first, 100_000);

        click(robot, robot.from(first).lookup("#trainButton").queryButton());
        LineChart<?, ?> chart = robot.from(first).lookup("#lossChart").queryAs(LineChart.class);
        waitUntil(robot, first, () -> chart.getData().get(0).getData().size() >= 3);
        click(robot, robot.from(first).lookup("#stopButton").queryButton());
        waitUntil(robot, first, () -> !robot.from(first).lookup("#trainButton").queryButton().isDisabled());
        assertTrue(label(robot, first, "#statusLabel").contains("stopped by the user"),
                "status after Stop: " + label(robot, first, "#statusLabel"));
        Path autosaved = folder.resolve("models").resolve("small-vanity-fair-lstm.scribe");
        waitUntil(robot, first, () -> Files.exists(autosaved) && label(robot, first, "#statusLabel").contains("autosaved"));
        assertTrue(Files.exists(folder.resolve("models").resolve("small-vanity-fair-lstm.best.scribe")), "the best model is kept too");

        String prompt = "She said ";
        String beforeSave = generateGreedy(robot, first, prompt);
        assertFalse(beforeSave.isEmpty());
        assertEquals(prompt, robot.from(first).lookup("#promptText").queryAs(Text.class).getText());

        robot.interact(() -> robot.from(first).lookup("#modelNameField").queryAs(TextField.class).setText("ui-test"));
        click(robot, robot.from(first).lookup("#saveButton").queryButton());
        Path saved = folder.resolve("models").resolve("ui-test.scribe");
        waitUntil(robot, first, () -> Files.exists(saved));

        Stage[] second = new Stage[1];
        robot.interact(() -> {
            stage.hide();
            second[0] = new Stage();
            new ScribeApp().start(second[0]);
        });
        Parent fresh = second[0].getScene().getRoot();
        @SuppressWarnings("unchecked")
        ComboBox<Path> models = robot.from(fresh).lookup("#savedModelsBox").queryAs(ComboBox.class);
        robot.interact(() -> models.getSelectionModel().select(saved));
        click(robot, robot.from(fresh).lookup("#loadButton").queryButton());
        waitUntil(robot, fresh, () -> label(robot, fresh, "#statusLabel").startsWith("Model at step"));
        LineChart<?, ?> freshChart = robot.from(fresh).lookup("#lossChart").queryAs(LineChart.class);
        assertTrue(freshChart.getData().get(0).getData().size() >= 3, "the loaded model brings back its chart");

        assertEquals(beforeSave, generateGreedy(robot, fresh, prompt));
        robot.interact(() -> second[0].close());
    }

    @Test
    void badBooksGetAClearMessage(FxRobot robot) throws Exception {
        Parent root = stage.getScene().getRoot();
        MessageBar notifications = robot.from(root).lookup("#notifications").queryAs(MessageBar.class);
        pickBook(robot, root, "damaged.txt");
        // The final summary, not "Reading damaged.txt…" on the way to it.
        waitUntil(robot, root, () -> label(robot, root, "#corpusSummary").contains("damaged.txt")
                && label(robot, root, "#corpusSummary").contains("distinct"));
        assertTrue(label(robot, root, "#corpusSummary").contains("UTF-8, 1 invalid byte sequence read as U+FFFD"),
                label(robot, root, "#corpusSummary"));
        pickBook(robot, root, "picture.txt");
        waitUntil(robot, root, () -> notifications.isShowing() && notifications.getText() != null
                && notifications.getText().contains("PNG image"));
        pickBook(robot, root, "empty.txt");
        waitUntil(robot, root, () -> notifications.getText().contains("empty.txt is empty"));

        click(robot, robot.from(root).lookup("#generateButton").queryButton());
        waitUntil(robot, root, () -> notifications.getText().contains("no model yet"));
        assertTrue(notifications.isShowing(), "the message is on screen");
        assertFalse(notifications.getText().contains("Exception"), notifications.getText());
    }

    private String generateGreedy(FxRobot robot, Parent root, String prompt) throws TimeoutException {
        robot.interact(() -> {
            robot.from(root).lookup("#promptField").queryAs(TextField.class).setText(prompt);
            robot.from(root).lookup("#greedyCheck").queryAs(CheckBox.class).setSelected(true);
            spinner(robot, root, "#lengthSpinner").getValueFactory().setValue(60);
        });
        Button generate = robot.from(root).lookup("#generateButton").queryButton();
        click(robot, generate);
        Text continuation = robot.from(root).lookup("#continuationText").queryAs(Text.class);
        waitUntil(robot, root, () -> !generate.isDisabled() && continuation.getText().length() == 60);
        return continuation.getText();
    }
}
