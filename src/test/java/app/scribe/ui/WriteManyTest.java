package app.scribe.ui;

import app.scribe.ui.common.BackgroundWork;
import app.scribe.ui.common.Exports;
import app.scribe.ui.common.Messages;
import app.scribe.ui.common.Session;
import app.scribe.ui.generate.GenerateController;
import app.scribe.ui.generate.GenerationViewModel;
import app.scribe.ui.generate.SamplesViewModel;
import app.scribe.ui.generate.TextList;

import app.scribe.SmallBook;
import app.scribe.analysis.VerbatimIndex;
import app.scribe.corpus.Corpus;
import app.scribe.corpus.CorpusReader;
import app.scribe.persistence.ModelFile;
import app.scribe.persistence.SavedModel;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
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
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Generate tab over a real model and its book: "Write 20" lists twenty ranked samples with their scores, stars
 * set in the list choose what is exported, and the export file holds exactly the starred texts; with Max copy set,
 * the text written copies no longer span of the book and the summary says how many characters were redrawn.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class WriteManyTest {
    @TempDir
    static Path dir;
    static SmallBook small;
    static SavedModel saved;
    static Corpus corpus;
    private GenerationViewModel generation;
    private Messages messages;
    private Parent root;

    @BeforeAll
    static void train() throws IOException {
        small = SmallBook.trainIn(dir);
        saved = new ModelFile().load(small.model());
        corpus = new CorpusReader().read(List.of(small.book()));
    }

    @Start
    void start(Stage stage) throws IOException {
        messages = new Messages();
        Session session = new Session(dir, dir, new BackgroundWork(), messages);
        generation = new GenerationViewModel(session, new VerbatimIndex.Cache());
        FXMLLoader loader = new FXMLLoader(GenerateController.class.getResource("/app/scribe/ui/generate.fxml"));
        loader.setControllerFactory(type -> new GenerateController(generation, new Exports(session)));
        root = loader.load();
        session.modelProperty().set(new Session.ModelState(saved.model(), saved.vocabulary(), saved.corpus(),
                saved.history()));
        session.corpusProperty().set(corpus);
        stage.setScene(new Scene(root, 1024, 700));
        stage.show();
    }

    @Test
    void writeTwentyListsRankedSamplesAndExportsTheStarredOnes(FxRobot robot) throws Exception {
        robot.interact(() -> spinner(robot, "#lengthSpinner").getValueFactory().setValue(80));
        robot.clickOn(robot.from(root).lookup("#writeManyButton").queryButton());
        @SuppressWarnings("unchecked")
        ListView<TextList.Entry> list = robot.from(root).lookup("#rankedList").queryAs(ListView.class);
        waitUntil(() -> list.isVisible() && list.getItems().size() == 20);
        assertTrue(onFx(() -> label(robot, "#samplesStatus")).startsWith("20 samples, ranked by bits/char and by"
                + " the longest span found in vf.txt"), onFx(() -> label(robot, "#samplesStatus")));
        Button export = robot.from(root).lookup("#exportStarredButton").queryButton();
        assertTrue(export.isDisable(), "nothing starred yet");

        Callable<List<ToggleButton>> shownStars = () -> robot.from(list).lookup(".star-toggle")
                .queryAllAs(ToggleButton.class).stream().filter(Node::isVisible)
                .sorted(java.util.Comparator.comparingDouble(s -> s.localToScene(0, 0).getY())).toList();
        waitUntil(() -> shownStars.call().size() >= 4);
        List<ToggleButton> stars = onFx(shownStars);
        robot.clickOn(stars.get(1));
        robot.clickOn(stars.get(3));
        waitUntil(() -> !export.isDisable());
        List<TextList.Entry> starred = onFx(() -> list.getItems().stream()
                .filter(e -> e.starredProperty().get()).toList());
        assertEquals(2, starred.size());
        assertEquals(list.getItems().get(1), starred.get(0), "the star of the second row stars the second sample");
        for (TextList.Entry entry : list.getItems()) {
            assertTrue(entry.text().scores().matches("\\d+\\.\\d{3} bits/char · (new|copied) · longest copied"
                    + " span \\d+"), entry.text().scores());
        }

        Path file = dir.resolve("starred.txt");
        robot.interact(() -> generation.samples().exportStarred(file));
        waitUntil(() -> Files.exists(file));
        assertEquals(starred.get(0).text().text() + "\n\n" + starred.get(1).text().text() + "\n",
                Files.readString(file));
    }

    @Test
    void maxCopyKeepsTheTextFromCopyingTheBookAndSaysHowManyWereRedrawn(FxRobot robot) throws Exception {
        robot.interact(() -> {
            spinner(robot, "#lengthSpinner").getValueFactory().setValue(300);
            spinner(robot, "#maxCopySpinner").getValueFactory().setValue(6);
            generation.form().temperatureProperty().set(0.5);
        });
        robot.clickOn(robot.from(root).lookup("#generateButton").queryButton());
        waitUntil(() -> label(robot, "#generationSummary").contains("longest span found verbatim"));
        String summary = onFx(() -> label(robot, "#generationSummary"));
        assertTrue(summary.matches(".*copying at most 6 characters: [1-9]\\d* redrawn.*"), summary);
        String text = onFx(() -> generation.continuationProperty().get());
        assertEquals(300, text.length());
        assertTrue(small.longestCopy(text) <= 6, text);
        assertTrue(summary.endsWith("in vf.txt: 6 characters") || summary.matches(".*: [0-6] characters$"),
                summary);
    }

    @Test
    void stopEndsWriteTwentyAndTheTabIsFreeAgain(FxRobot robot) throws Exception {
        robot.interact(() -> spinner(robot, "#lengthSpinner").getValueFactory().setValue(100_000));
        Button write = robot.from(root).lookup("#writeManyButton").queryButton();
        robot.clickOn(write);
        ProgressBar progress = robot.from(root).lookup("#samplesProgressBar").queryAs(ProgressBar.class);
        waitUntil(() -> progress.isVisible() && progress.getProgress() > 0);
        assertTrue(write.isDisable(), "one Write 20 at a time");
        robot.clickOn(robot.from(root).lookup("#stopGenerationButton").queryButton());
        // The final state: the buttons back, the bar gone, and what was written said: the samples finished before
        // Stop listed as stopped, or (Stop before the first was finished, which depends on the machine's speed)
        // the sentence that there is none.
        waitUntil(() -> !write.isDisable() && !progress.isVisible() && (stoppedBeforeAny()
                || label(robot, "#samplesStatus").matches("\\d+ samples \\(stopped\\).*")));
        assertFalse(robot.from(root).lookup("#generateButton").queryButton().isDisable());
    }

    private boolean stoppedBeforeAny() {
        return messages.latestProperty().get() != null
                && SamplesViewModel.STOPPED_BEFORE_ANY.equals(messages.latestProperty().get().text());
    }

    @SuppressWarnings("unchecked")
    private Spinner<Integer> spinner(FxRobot robot, String id) {
        return robot.from(root).lookup(id).queryAs(Spinner.class);
    }

    private String label(FxRobot robot, String id) {
        return robot.from(root).lookup(id).queryAs(Label.class).getText();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }
}
