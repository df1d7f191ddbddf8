package app.scribe.ui;

import app.scribe.corpus.Corpus;
import app.scribe.corpus.CorpusInfo;
import app.scribe.corpus.CorpusReader;
import app.scribe.model.CharModel;
import app.scribe.model.Engines;
import app.scribe.model.Hyperparameters;
import app.scribe.model.Optimizer;
import app.scribe.persistence.ModelFile;
import app.scribe.persistence.SavedModel;
import app.scribe.training.Trainer;
import app.scribe.training.TrainingHistory;
import app.scribe.training.TrainingPlan;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static app.scribe.ui.WindowProbe.click;
import static app.scribe.ui.WindowProbe.label;
import static app.scribe.ui.WindowProbe.waitUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A first start (no preferences) opens the starter model with its book, so that Generate works before any training;
 * the starter's shape is locked, it cannot be renamed or deleted, and continuing it saves a new model in the user's
 * models folder while the starter stays byte for byte as it shipped.
 */
class StarterModelTest extends VanityFairWindow {
    private static Path starter;
    private static byte[] shipped;

    @BeforeAll
    static void starterModel() throws IOException {
        Corpus corpus = new CorpusReader().read(folder.resolve("corpora").resolve("vf.txt"));
        CharModel model = Engines.create(Engines.DEFAULT, corpus.vocabulary().size(),
                new Hyperparameters(32, 1, 16, 16, Optimizer.RMSPROP, 2e-3, 0.96, 5000, 5.0, 0.0, 7));
        TrainingHistory history = new TrainingHistory();
        new Trainer(model, corpus, TrainingPlan.forSteps(20), history).run();
        starter = folder.resolve("starters").resolve("vanity-fair-starter.scribe");
        new ModelFile().save(new SavedModel(model, corpus.vocabulary(), CorpusInfo.of(corpus), history), starter);
        shipped = Files.readAllBytes(starter);
    }

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void aFirstStartWritesAtOnceAndNeverChangesTheStarter(FxRobot robot) throws IOException {
        Parent root = stage.getScene().getRoot();
        waitUntil(robot, root, () -> stage.getTitle().contains("vanity-fair-starter.scribe")
                && stage.getTitle().contains("vf.txt"));
        Spinner<?> hidden = robot.from(root).lookup("#hiddenSpinner").queryAs(Spinner.class);
        assertEquals(32, hidden.getValue(), "the form shows the starter's shape");
        assertTrue(hidden.isDisabled(), "and locks it");
        assertTrue(robot.from(root).lookup("#shapeLockLabel").queryLabeled().isVisible());

        click(robot, robot.from(root).lookup("#generateButton").queryButton());
        Text continuation = robot.from(root).lookup("#continuationText").queryAs(Text.class);
        Button generate = robot.from(root).lookup("#generateButton").queryButton();
        waitUntil(robot, root, () -> !generate.isDisabled() && !continuation.getText().isEmpty());

        @SuppressWarnings("unchecked")
        ComboBox<Path> picker = robot.from(root).lookup("#savedModelsBox").queryAs(ComboBox.class);
        robot.interact(() -> picker.setValue(starter.toAbsolutePath().normalize()));
        assertTrue(robot.from(root).lookup("#renameButton").queryButton().isDisabled(), "a starter is not renamed");
        assertTrue(robot.from(root).lookup("#deleteButton").queryButton().isDisabled(), "nor deleted");

        robot.interact(() -> WindowProbe.spinner(robot, root, "#stepsSpinner").getValueFactory().setValue(30));
        click(robot, robot.from(root).lookup("#trainButton").queryButton());
        waitUntil(robot, root, () -> label(robot, root, "#statusLabel").startsWith("Finished at step 30")
                && label(robot, root, "#statusLabel").contains("autosaved step 30"));
        Path saved = folder.resolve("models").resolve("vanity-fair-starter.scribe");
        assertTrue(Files.isRegularFile(saved), "continuing a starter saves the user's own model");
        assertFalse(Files.exists(folder.resolve("starters").resolve("vanity-fair-starter.best.scribe")));
        assertArrayEquals(shipped, Files.readAllBytes(starter), "the starter is never written");
        assertEquals(1, Files.list(folder.resolve("starters")).count(), Arrays.toString(
                Files.list(folder.resolve("starters")).toArray()));
    }
}
