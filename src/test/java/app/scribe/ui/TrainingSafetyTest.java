package app.scribe.ui;

import app.scribe.ui.generate.GenerationViewModel;
import app.scribe.ui.shell.MessageBar;
import app.scribe.ui.shell.ScribeApp;

import app.scribe.persistence.ModelFile;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static app.scribe.ui.WindowProbe.click;
import static app.scribe.ui.WindowProbe.dialogButton;
import static app.scribe.ui.WindowProbe.label;
import static app.scribe.ui.WindowProbe.reveal;
import static app.scribe.ui.WindowProbe.pickBook;
import static app.scribe.ui.WindowProbe.smallModel;
import static app.scribe.ui.WindowProbe.spinner;
import static app.scribe.ui.WindowProbe.waitUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Only the Train button (or its shortcut) trains: Enter in any field of the real window leaves a stopped model
 * alone, Enter in the prompt generates, and continuing a loaded model never replaces its file unasked.
 */
class TrainingSafetyTest extends VanityFairWindow {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void enterInEveryFieldNeverStartsTraining(FxRobot robot) throws Exception {
        Parent root = stage.getScene().getRoot();
        trainSmallModel(robot, root, "enter-test", 30);
        robot.interact(() -> spinner(robot, root, "#stepsSpinner").getValueFactory().setValue(100_000));
        Button train = robot.from(root).lookup("#trainButton").queryButton();
        String status = label(robot, root, "#statusLabel");
        Map<String, String> models = contents(folder.resolve("models"));

        List<TextInputControl> fields = List.copyOf(robot.from(root).lookup(".text-input").queryAllAs(TextInputControl.class));
        assertTrue(fields.size() >= 20, "every text field and area of the window, spinners' included: " + fields.size());
        for (TextInputControl field : fields) {
            if (field.isDisabled()) {
                continue; // the shape of the model in use is locked: nothing to type there
            }
            reveal(robot, root, field);
            click(robot, field);
            assertTrue(field.isFocused(), describe(field));
            if (field.isEditable()) {
                robot.push(KeyCode.CONTROL, KeyCode.A);
                robot.write(field.getText().isEmpty() ? "She" : field.getText());
            }
            robot.type(KeyCode.ENTER);
            robot.push(KeyCode.CONTROL, KeyCode.ENTER);
            assertFalse(train.isDisabled(), "training started on Enter in " + describe(field));
            assertEquals(status, label(robot, root, "#statusLabel"), describe(field));
            assertEquals(models, contents(folder.resolve("models")), describe(field));
        }

        robot.push(KeyCode.CONTROL, KeyCode.T);
        assertTrue(train.isDisabled(), "the Train shortcut trains");
        click(robot, robot.from(root).lookup("#stopButton").queryButton());
        waitUntil(robot, root, () -> !train.isDisabled());
    }

    @Test
    void enterInThePromptGeneratesAndCtrlEnterReadsTheInsideText(FxRobot robot) throws Exception {
        Parent root = stage.getScene().getRoot();
        trainSmallModel(robot, root, "prompt-test", 30);
        String status = label(robot, root, "#statusLabel");
        robot.interact(() -> spinner(robot, root, "#lengthSpinner").getValueFactory().setValue(40));
        Button generate = robot.from(root).lookup("#generateButton").queryButton();
        Text continuation = robot.from(root).lookup("#continuationText").queryAs(Text.class);

        click(robot, robot.from(root).lookup("#promptField").queryAs(TextField.class)).write("She ");
        robot.type(KeyCode.ENTER);
        waitUntil(robot, root, () -> !generate.isDisabled() && continuation.getText().length() == 40);
        assertEquals("She ", robot.from(root).lookup("#promptText").queryAs(Text.class).getText());

        @SuppressWarnings("unchecked")
        ComboBox<GenerationViewModel.Branch> history = robot.from(root).lookup("#branchBox").queryAs(ComboBox.class);
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        waitUntil(robot, root, () -> history.getItems().size() == 2 && !generate.isDisabled());
        assertEquals(status, label(robot, root, "#statusLabel"), "generating leaves training alone");

        TextArea cellsText = robot.from(root).lookup("#cellsText").queryAs(TextArea.class);
        reveal(robot, root, cellsText);
        click(robot, cellsText).write("She said");
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        TextFlow heatmap = robot.from(root).lookup("#heatmap").queryAs(TextFlow.class);
        waitUntil(robot, root, () -> heatmap.getChildren().size() == 8);
        assertEquals("She said", cellsText.getText(), "Ctrl+Enter reads the text and adds no line to it");
    }

    @Test
    void continuingALoadedModelAsksBeforeReplacingItsFile(FxRobot robot) throws Exception {
        trainSmallModel(robot, stage.getScene().getRoot(), "loaded", 30);
        Path loaded = folder.resolve("models").resolve("loaded.scribe");
        Path best = folder.resolve("models").resolve("loaded.best.scribe");
        Stage[] second = new Stage[1];
        robot.interact(() -> {
            stage.hide();
            second[0] = new Stage();
            new ScribeApp().start(second[0]);
        });
        Parent root = second[0].getScene().getRoot();
        pickBook(robot, root, "vf.txt");
        waitUntil(robot, root, () -> label(robot, root, "#corpusSummary").contains("distinct"));
        @SuppressWarnings("unchecked")
        ComboBox<Path> picker = robot.from(root).lookup("#savedModelsBox").queryAs(ComboBox.class);
        robot.interact(() -> picker.getSelectionModel().select(loaded));
        click(robot, robot.from(root).lookup("#loadButton").queryButton());
        waitUntil(robot, root, () -> label(robot, root, "#statusLabel").startsWith("Model at step 30"));
        byte[] loadedBytes = Files.readAllBytes(loaded);
        byte[] bestBytes = Files.readAllBytes(best);
        Button train = robot.from(root).lookup("#trainButton").queryButton();
        MessageBar notifications = robot.from(root).lookup("#notifications").queryAs(MessageBar.class);

        click(robot, robot.from(root).lookup("#saveButton").queryButton());
        robot.clickOn(dialogButton(robot, root, "#cancelReplaceButton"));
        assertArrayEquals(loadedBytes, Files.readAllBytes(loaded), "Save asks too, and Cancel writes nothing");

        robot.interact(() -> spinner(robot, root, "#stepsSpinner").getValueFactory().setValue(30));
        click(robot, train);
        waitUntil(robot, root, () -> notifications.getText().contains("already at step 30 and Steps is 30"));
        assertFalse(train.isDisabled(), "a model at its budget does not train");

        robot.interact(() -> spinner(robot, root, "#stepsSpinner").getValueFactory().setValue(60));
        click(robot, train);
        Button cancel = dialogButton(robot, root, "#cancelReplaceButton");
        assertArrayEquals(loadedBytes, Files.readAllBytes(loaded), "untouched while the question is open");
        click(robot, cancel);
        assertFalse(train.isDisabled(), "Cancel does not train");
        assertArrayEquals(loadedBytes, Files.readAllBytes(loaded));

        click(robot, train);
        robot.clickOn(dialogButton(robot, root, "#newNameButton"));
        waitUntil(robot, root, () -> label(robot, root, "#statusLabel").startsWith("Finished at step 60")
                && label(robot, root, "#statusLabel").contains("autosaved step 60 to loaded-2.scribe"));
        assertArrayEquals(loadedBytes, Files.readAllBytes(loaded), "the loaded model is kept");
        assertArrayEquals(bestBytes, Files.readAllBytes(best), "and its best model too");
        assertEquals("loaded-2", robot.from(root).lookup("#modelNameField").queryAs(TextField.class).getText());
        assertTrue(picker.getItems().containsAll(List.of(loaded, folder.resolve("models").resolve("loaded-2.scribe"))),
                picker.getItems().toString());
        assertEquals(loaded, picker.getValue(), "the picker still shows the chosen model");
        assertEquals("loaded.scribe", picker.getButtonCell().getText());

        click(robot, robot.from(root).lookup("#loadButton").queryButton());
        waitUntil(robot, root, () -> label(robot, root, "#statusLabel").startsWith("Model at step 30"));
        robot.interact(() -> spinner(robot, root, "#stepsSpinner").getValueFactory().setValue(90));
        click(robot, train);
        robot.clickOn(dialogButton(robot, root, "#replaceFileButton"));
        waitUntil(robot, root, () -> label(robot, root, "#statusLabel").startsWith("Finished at step 90")
                && label(robot, root, "#statusLabel").contains("autosaved step 90 to loaded.scribe"));
        assertEquals(90, new ModelFile().load(loaded).history().step(), "replaced once the user agreed");
        robot.interact(() -> second[0].close());
    }

    /** Picks the book, names the model, trains a small one for {@code steps} steps and waits for its autosave. */
    private static void trainSmallModel(FxRobot robot, Parent root, String name, int steps) {
        pickBook(robot, root, "vf.txt");
        waitUntil(robot, root, () -> label(robot, root, "#corpusSummary").contains("distinct"));
        smallModel(robot, root, steps);
        robot.interact(() -> robot.from(root).lookup("#modelNameField").queryAs(TextField.class).setText(name));
        click(robot, robot.from(root).lookup("#trainButton").queryButton());
        waitUntil(robot, root, () -> label(robot, root, "#statusLabel").startsWith("Finished at step " + steps)
                && label(robot, root, "#statusLabel").contains("autosaved step " + steps + " to " + name + ".scribe"));
    }

    private static String describe(Node field) {
        Node named = field;
        while (named.getId() == null && named.getParent() != null) {
            named = named.getParent();
        }
        return field.getClass().getSimpleName() + " in #" + named.getId();
    }

    /** Each file of a folder with a digest of its bytes. */
    private static Map<String, String> contents(Path dir) throws IOException, NoSuchAlgorithmException {
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                digests.put(file.getFileName().toString(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            }
        }
        return digests;
    }
}
