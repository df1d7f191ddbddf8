package app.scribe.ui;

import app.scribe.model.Hyperparameters;
import app.scribe.persistence.ModelFile;
import app.scribe.ui.shell.MessageBar;
import app.scribe.training.Trainer;
import javafx.scene.Parent;
import javafx.scene.control.ListView;
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
 * choice, the message strip says why, the run takes its ten samples over the time and ends by the clock with a model
 * of the chosen shape.
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
        String end = label(robot, root, "#statusLabel");
        assertTrue(end.contains("the 1-minute budget is used up ("), "said plainly: " + end);
        ListView<?> samples = robot.from(root).lookup("#samplesList").queryAs(ListView.class);
        assertEquals(10 * Trainer.SAMPLE_TEMPERATURES.size(), (int) WaitForAsyncUtils.asyncFx(() -> samples.getItems()
                .size()).get(), "ten samples over the minute, each at every temperature");

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
