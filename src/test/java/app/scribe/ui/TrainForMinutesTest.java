package app.scribe.ui;

import app.scribe.model.Hyperparameters;
import app.scribe.persistence.ModelFile;
import app.scribe.ui.shell.MessageBar;
import javafx.scene.Parent;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static app.scribe.ui.WindowProbe.click;
import static app.scribe.ui.WindowProbe.label;
import static app.scribe.ui.WindowProbe.pickBook;
import static app.scribe.ui.WindowProbe.spinner;
import static app.scribe.ui.WindowProbe.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Train for ... minutes": a new model whose size the app chooses for the time on this machine; the form shows the
 * choice, the message strip says why, and the run ends by the clock with a model of the chosen shape.
 */
class TrainForMinutesTest extends VanityFairWindow {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void aModelChosenForOneMinuteTrainsForItAndTheFormShowsIt(FxRobot robot) throws Exception {
        Parent root = stage.getScene().getRoot();
        pickBook(robot, root, "vf.txt");
        waitUntil(robot, root, () -> label(robot, root, "#corpusSummary").startsWith("vf.txt"));
        Spinner<Integer> budget = spinner(robot, root, "#budgetSpinner");
        robot.interact(() -> budget.getValueFactory().setValue(1));
        click(robot, robot.from(root).lookup("#trainButton").queryButton());
        MessageBar messages = robot.from(root).lookup("#notifications").queryAs(MessageBar.class);
        waitUntil(robot, root, () -> messages.getText().startsWith("auto size for "));
        String reason = WaitForAsyncUtils.asyncFx(messages::getText).get();
        waitUntil(robot, root, () -> label(robot, root, "#statusLabel").startsWith("Finished"));

        int hidden = WaitForAsyncUtils.asyncFx(() -> spinner(robot, root, "#hiddenSpinner").getValue()).get();
        int layers = WaitForAsyncUtils.asyncFx(() -> spinner(robot, root, "#layersSpinner").getValue()).get();
        assertTrue(reason.contains(": " + layers + " x " + hidden + " lstm"), "the form shows the choice: " + reason);
        waitUntil(robot, root, () -> label(robot, root, "#statusLabel").contains("autosaved"));
        Path saved;
        try (Stream<Path> files = Files.list(folder.resolve("models"))) {
            saved = files.filter(f -> f.toString().endsWith(".scribe") && !f.toString().endsWith(".best.scribe"))
                    .findFirst().orElseThrow();
        }
        Hyperparameters trained = new ModelFile().load(saved).model().hyperparameters();
        assertEquals(hidden, trained.hiddenSize(), "the model trained is the one chosen");
        assertEquals(layers, trained.layers());
    }
}
