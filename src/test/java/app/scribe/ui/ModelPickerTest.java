package app.scribe.ui;

import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static app.scribe.ui.WindowProbe.click;
import static app.scribe.ui.WindowProbe.label;
import static app.scribe.ui.WindowProbe.pickBook;
import static app.scribe.ui.WindowProbe.smallModel;
import static app.scribe.ui.WindowProbe.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The saved-models picker keeps the model the user chose when saving moves it to the top of the list. */
class ModelPickerTest extends VanityFairWindow {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void aSavedModelStaysChosenWhenItMovesToTheTop(FxRobot robot) throws Exception {
        Parent root = stage.getScene().getRoot();
        pickBook(robot, root, "vf.txt");
        waitUntil(robot, root, () -> label(robot, root, "#corpusSummary").contains("distinct"));
        robot.interact(() -> robot.from(root).lookup("#modelNameField").queryAs(TextField.class).setText("mover"));
        smallModel(robot, root, 20);
        click(robot, robot.from(root).lookup("#trainButton").queryButton());
        waitUntil(robot, root, () -> label(robot, root, "#statusLabel").contains("autosaved step 20"));
        @SuppressWarnings("unchecked")
        ComboBox<Path> picker = robot.from(root).lookup("#savedModelsBox").queryAs(ComboBox.class);
        Path models = folder.resolve("models");
        waitUntil(robot, root, () -> picker.getItems().contains(models.resolve("mover.best.scribe"))
                && picker.getItems().contains(models.resolve("mover.scribe")));
        Files.setLastModifiedTime(models.resolve("mover.best.scribe"), FileTime.from(Instant.parse("2021-01-01T00:00:00Z")));
        robot.interact(() -> robot.from(root).lookup("#modelNameField").queryAs(TextField.class).setText("fresh"));
        robot.push(KeyCode.CONTROL, KeyCode.S);
        waitUntil(robot, root, () -> picker.getItems().contains(models.resolve("fresh.scribe")));
        Path older = models.resolve("mover.best.scribe");
        assertTrue(picker.getItems().indexOf(older) > 0, "listed below the newer files: " + picker.getItems());

        robot.interact(() -> picker.getSelectionModel().select(older));
        click(robot, robot.from(root).lookup("#loadButton").queryButton());
        waitUntil(robot, root, () -> label(robot, root, "#statusLabel").startsWith("Model at step"));
        robot.push(KeyCode.CONTROL, KeyCode.S);
        waitUntil(robot, root, () -> picker.getItems().indexOf(older) == 0);
        assertEquals(older, picker.getValue(), "the saved model is still the one chosen");
    }
}
