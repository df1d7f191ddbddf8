package app.scribe.ui;

import app.scribe.TestCorpora;
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
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
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
import static app.scribe.ui.WindowProbe.spinner;
import static app.scribe.ui.WindowProbe.waitUntil;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Two starters ship: after the first (opened with its book on a first start), the second loaded from the picker
 * picks its own book, and the Train tab then speaks of that model on that book: its own rate (written as the form
 * writes its defaults), no new characters, and Steps past its own step, not the first starter's.
 */
class SecondStarterTest extends VanityFairWindow {
    @BeforeAll
    static void starters() throws IOException {
        Path corpora = folder.resolve("corpora");
        starter(corpora.resolve("vf.txt"), "vanity-fair-lstm.scribe", 2e-3, 4870);
        Path kjv = Files.write(corpora.resolve("kjv.txt"), TestCorpora.start("kjv_bible.txt", 60_000));
        starter(kjv, "kjv-bible-lstm.scribe", 3e-3, 3020);
    }

    /** A small model on {@code book} at {@code step}: its last 20 steps trained, the earlier ones only counted. */
    private static void starter(Path book, String name, double rate, int step) throws IOException {
        Corpus corpus = new CorpusReader().read(book);
        CharModel model = Engines.create(Engines.DEFAULT, corpus.vocabulary().size(),
                new Hyperparameters(32, 1, 16, 16, Optimizer.RMSPROP, rate, 0.96, 5000, 5.0, 0.0, 7));
        TrainingHistory history = new TrainingHistory(step - 20, 0, List.of(), List.of(), List.of());
        new Trainer(model, corpus, TrainingPlan.forSteps(step), history).run();
        new ModelFile().save(new SavedModel(model, corpus.vocabulary(), CorpusInfo.of(corpus), history),
                folder.resolve("starters").resolve(name));
    }

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theSecondStarterOnItsOwnBookTrainsOnFromItsOwnStepAtItsOwnRate(FxRobot robot) {
        Parent root = stage.getScene().getRoot();
        waitUntil(robot, root, () -> stage.getTitle().contains("vanity-fair-lstm.scribe")
                && stage.getTitle().contains("vf.txt") && spinner(robot, root, "#stepsSpinner").getValue() == 6870);

        @SuppressWarnings("unchecked")
        ComboBox<Path> picker = robot.from(root).lookup("#savedModelsBox").queryAs(ComboBox.class);
        Path kjvStarter = picker.getItems().stream()
                .filter(file -> file.getFileName().toString().equals("kjv-bible-lstm.scribe"))
                .findFirst().orElseThrow();
        robot.interact(() -> picker.setValue(kjvStarter));
        click(robot, robot.from(root).lookup("#loadButton").queryButton());
        TextField rate = robot.from(root).lookup("#learningRateField").queryAs(TextField.class);
        waitUntil(robot, root, () -> stage.getTitle().contains("kjv-bible-lstm.scribe")
                && stage.getTitle().contains("kjv.txt")
                && label(robot, root, "#statusLabel").equals(
                        "Train continues the model on its own book, at its own learning rate.")
                && spinner(robot, root, "#stepsSpinner").getValue() == 5020 && rate.getText().equals("3e-3"));
        assertFalse(label(robot, root, "#statusLabel").contains("new characters"));
    }
}
