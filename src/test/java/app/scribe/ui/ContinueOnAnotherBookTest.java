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
import app.scribe.ui.shell.MessageBar;
import javafx.scene.Parent;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

import static app.scribe.ui.WindowProbe.click;
import static app.scribe.ui.WindowProbe.label;
import static app.scribe.ui.WindowProbe.pickBook;
import static app.scribe.ui.WindowProbe.waitUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The starter model (English) continued on a Dutch book: the form suggests the model's own rate (the book brings
 * many new characters; an English one gets a third, see ContinuingTest), Train
 * grows the vocabulary and says which characters it added, and the run is saved as the user's own model, which
 * records both books, while the starter stays as it shipped.
 */
class ContinueOnAnotherBookTest extends VanityFairWindow {
    private static Path starter;
    private static byte[] shipped;

    @BeforeAll
    static void starterAndDutchBook() throws IOException {
        Corpus corpus = new CorpusReader().read(folder.resolve("corpora").resolve("vf.txt"));
        CharModel model = Engines.create(Engines.DEFAULT, corpus.vocabulary().size(),
                new Hyperparameters(32, 1, 16, 16, Optimizer.RMSPROP, 3e-3, 0.96, 5000, 5.0, 0.0, 7));
        TrainingHistory history = new TrainingHistory();
        new Trainer(model, corpus, TrainingPlan.forSteps(20), history).run();
        starter = folder.resolve("starters").resolve("english.scribe");
        new ModelFile().save(new SavedModel(model, corpus.vocabulary(), CorpusInfo.of(corpus), history), starter);
        shipped = Files.readAllBytes(starter);
        byte[] darwin = TestCorpora.start("darwin_reis_om_de_wereld_nl.txt", 160_000);
        Files.write(folder.resolve("corpora").resolve("darwin.txt"), Arrays.copyOfRange(darwin, 100_000, 160_000));
    }

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void continuingOnADutchBookAddsItsLettersAndSavesANewModel(FxRobot robot) throws Exception {
        Parent root = stage.getScene().getRoot();
        waitUntil(robot, root, () -> stage.getTitle().contains("english.scribe") && stage.getTitle().contains("vf.txt"));
        pickBook(robot, root, "darwin.txt");
        waitUntil(robot, root, () -> label(robot, root, "#corpusSummary").startsWith("darwin.txt"));
        waitUntil(robot, root, () -> label(robot, root, "#statusLabel").matches("Train continues the model on "
                + "this book at learning rate 3e-3 \\(the model's own, as the text brings \\d+ new characters\\).*"));
        TextField rate = robot.from(root).lookup("#learningRateField").queryAs(TextField.class);
        assertEquals(3e-3, Double.parseDouble(onFx(rate::getText)), 1e-9, "the model's own 3e-3");
        robot.interact(() -> rate.setText("0.001")); // the user's own choice, which the continued run follows

        robot.interact(() -> WindowProbe.spinner(robot, root, "#stepsSpinner").getValueFactory().setValue(30));
        click(robot, robot.from(root).lookup("#trainButton").queryButton());
        MessageBar messages = robot.from(root).lookup("#notifications").queryAs(MessageBar.class);
        waitUntil(robot, root, () -> messages.getText().matches("The model learns \\d+ new characters: .*'ë' .*"));
        waitUntil(robot, root, () -> label(robot, root, "#statusLabel").startsWith("Finished at step 30")
                && label(robot, root, "#statusLabel").contains("autosaved step 30"));
        assertEquals(1e-3, Double.parseDouble(onFx(rate::getText)), 1e-9, "the form keeps its rate during the run");

        Path saved = folder.resolve("models").resolve("english.scribe");
        assertTrue(Files.isRegularFile(saved), "the continued model is the user's own file");
        SavedModel continued = new ModelFile().load(saved);
        assertTrue(continued.vocabulary().indexOf('ë') >= 0, "it knows the Dutch letters");
        assertEquals("darwin.txt", continued.corpus().name());
        assertEquals(java.util.List.of("vf.txt", "darwin.txt"), continued.history().texts().stream()
                .map(t -> t.corpus().name()).toList());
        assertArrayEquals(shipped, Files.readAllBytes(starter), "the model it started from is never written");
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
