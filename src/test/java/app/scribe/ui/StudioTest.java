package app.scribe.ui;

import app.scribe.ui.common.Exports;
import app.scribe.ui.generate.GenerationViewModel;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static app.scribe.ui.WindowProbe.click;
import static app.scribe.ui.WindowProbe.continuation;
import static app.scribe.ui.WindowProbe.label;
import static app.scribe.ui.WindowProbe.spinner;
import static app.scribe.ui.WindowProbe.startLongBeamSearch;
import static app.scribe.ui.WindowProbe.tintedCharacters;
import static app.scribe.ui.WindowProbe.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the generation studio in the real window: train a small model, see the timeline grid fill, generate and
 * hover a character to see its alternatives, click one to branch, then the temperature grid, the cell heatmap and
 * scoring (on the button, then as the text changes). Long work shows its progress and stops on Stop: a beam search
 * far too long to finish, and scoring a whole book.
 */
class StudioTest extends VanityFairWindow {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void studioShowsTimelineAlternativesBranchesGridsCellsAndScores(FxRobot robot) throws Exception {
        Parent root = stage.getScene().getRoot();
        trainOnTheBook(robot, root, 32, 1, 16, 60);

        selectTab(robot, root, 2);
        GridPane timeline = robot.from(root).lookup("#timelineGrid").queryAs(GridPane.class);
        List<String> timelineLabels = timeline.getChildren().stream().map(StudioTest::shownText).toList();
        assertTrue(timelineLabels.containsAll(List.of("step", "T = 0.5", "T = 1.0", "T = 2.0", "10", "60")),
                timelineLabels.toString());
        assertEquals(4 + 6 + 18, timelineLabels.size(), "headings, steps and one sample per step and temperature");

        selectTab(robot, root, 0);
        robot.interact(() -> {
            robot.from(root).lookup("#promptField").queryAs(TextField.class).setText("She ");
            spinner(robot, root, "#lengthSpinner").getValueFactory().setValue(40);
        });
        click(robot, robot.from(root).lookup("#generateButton").queryButton());
        TextFlow tinted = robot.from(root).lookup("#colouredFlow").queryAs(TextFlow.class);
        waitUntil(robot, root, () -> tinted.isVisible() && tintedCharacters(tinted).size() == 40);
        String first = continuation(tinted);
        assertEquals(40, first.length());

        Node fifth = tintedCharacters(tinted).get(4);
        robot.moveTo(fifth);
        FlowPane alternatives = robot.lookup("#alternativesBox").queryAs(FlowPane.class);
        waitUntil(robot, root, () -> alternatives.getChildren().size() == 5);
        String readout = robot.lookup("#alternativesLabel").queryAs(Label.class).getText();
        assertTrue(readout.startsWith("Character 4 '"), readout);
        click(robot, fifth);
        Button other = null;
        for (Node node : alternatives.getChildren()) {
            Button candidate = (Button) node;
            if (!candidate.getText().startsWith("'" + first.charAt(4) + "'")) {
                other = candidate;
                break;
            }
        }
        String chosen = other.getText().substring(1, other.getText().lastIndexOf('\''));
        click(robot, other);
        @SuppressWarnings("unchecked")
        ComboBox<GenerationViewModel.Branch> history = robot.from(root).lookup("#branchBox").queryAs(ComboBox.class);
        waitUntil(robot, root, () -> history.getItems().size() == 2 && tinted.isVisible()
                && tintedCharacters(tinted).size() == 40);
        String branched = continuation(tinted);
        assertEquals(first.substring(0, 4), branched.substring(0, 4), "the text before the branch point is kept");
        assertEquals(chosen.equals("\\n") ? "\n" : chosen, branched.substring(4, 5), "the chosen character is placed");
        assertNotEquals(first, branched);
        robot.interact(() -> history.getSelectionModel().select(0));
        waitUntil(robot, root, () -> first.equals(continuation(tinted)));

        selectTab(robot, root, 1);
        click(robot, robot.from(root).lookup("#gridButton").queryButton());
        GridPane grid = robot.from(root).lookup("#temperatureGrid").queryAs(GridPane.class);
        waitUntil(robot, root, () -> grid.getChildren().size() == 6);
        for (int i = 0; i < 3; i++) {
            String text = shownText(robot.from(root).lookup("#gridText" + i).query());
            assertTrue(text.startsWith("She ") && text.length() == 44, text);
        }
        Path png = folder.resolve("grid.png");
        BufferedImage[] picture = new BufferedImage[1];
        robot.interact(() -> picture[0] = Exports.picture(grid));
        Exports.writePng(picture[0], png);
        BufferedImage read = ImageIO.read(png.toFile());
        assertTrue(read.getWidth() > 100 && read.getHeight() > 20, read.getWidth() + "x" + read.getHeight());

        selectTab(robot, root, 3);
        Label heatmapHint = robot.from(root).lookup("#heatmapHint").queryAs(Label.class);
        assertTrue(heatmapHint.isVisible(), "the empty Inside page says what to do");
        click(robot, robot.from(root).lookup("#useGeneratedButton").queryButton());
        @SuppressWarnings("unchecked")
        ListView<Object> interesting = robot.from(root).lookup("#interestingList").queryAs(ListView.class);
        TextFlow heatmap = robot.from(root).lookup("#heatmap").queryAs(TextFlow.class);
        waitUntil(robot, root, () -> !interesting.getItems().isEmpty() && heatmap.getChildren().size() == 44);
        assertTrue(label(robot, root, "#cellLabel").startsWith("Layer 1, cell "), label(robot, root, "#cellLabel"));
        assertFalse(heatmapHint.isVisible(), "the hint gives way to the coloured text");

        selectTab(robot, root, 4);
        robot.interact(() -> robot.from(root).lookup("#scoreText").queryAs(TextArea.class)
                .setText("She was very happy to see him again."));
        click(robot, robot.from(root).lookup("#scoreButton").queryButton());
        waitUntil(robot, root, () -> label(robot, root, "#scoreSummary").contains("bits per character"));
        assertTrue(label(robot, root, "#scoreSummary").startsWith("36 characters"), label(robot, root, "#scoreSummary"));
        TextFlow surprise = robot.from(root).lookup("#surpriseFlow").queryAs(TextFlow.class);
        String shown = surprise.getChildren().stream().map(n -> ((Text) n).getText()).reduce("", String::concat);
        assertEquals("She was very happy to see him again.", shown);
        assertFalse(surprise.getChildren().isEmpty());

        robot.interact(() -> robot.from(root).lookup("#scoreText").queryAs(TextArea.class).setText("Becky smiled."));
        waitUntil(robot, root, () -> label(robot, root, "#scoreSummary").startsWith("13 characters"));

        // Typed with a combining accent, "café" is composed as the corpus was: 'é' is one (unknown) character.
        robot.interact(() -> robot.from(root).lookup("#scoreText").queryAs(TextArea.class).setText("Her cafe\u0301."));
        waitUntil(robot, root, () -> label(robot, root, "#scoreSummary").startsWith("8 characters"));
        assertTrue(label(robot, root, "#scoreSummary").contains("1 character the model does not know"),
                label(robot, root, "#scoreSummary"));
        String composed = surprise.getChildren().stream().map(n -> ((Text) n).getText()).reduce("", String::concat);
        assertEquals("Her café.", composed);
    }

    @Test
    void beamSearchAndScoringShowProgressAndStopOnStop(FxRobot robot) throws IOException {
        Parent root = stage.getScene().getRoot();
        // A model large enough that the search and the scoring below would run for minutes.
        trainOnTheBook(robot, root, 384, 2, 8, 1);

        selectTab(robot, root, 0);
        Button generate = robot.from(root).lookup("#generateButton").queryButton();
        ProgressBar searchBar = robot.from(root).lookup("#searchProgressBar").queryAs(ProgressBar.class);
        assertFalse(searchBar.isVisible(), "no bar before a search");
        Label outputHint = robot.from(root).lookup("#outputHint").queryAs(Label.class);
        assertTrue(outputHint.isVisible() && outputHint.getText().startsWith("Press Generate"),
                "an empty page says what to do");
        startLongBeamSearch(robot, root);
        click(robot, robot.from(root).lookup("#stopGenerationButton").queryButton());
        waitUntil(robot, root, () -> !generate.isDisabled());
        assertFalse(searchBar.isVisible());
        assertFalse(outputHint.isVisible(), "the hint gives way to the text");
        String stopped = robot.from(root).lookup("#continuationText").queryAs(Text.class).getText();
        assertTrue(!stopped.isEmpty() && stopped.length() < 100_000,
                "the best text found before Stop, " + stopped.length() + " characters");

        robot.interact(() -> {
            spinner(robot, root, "#beamSpinner").getValueFactory().setValue(0);
            spinner(robot, root, "#lengthSpinner").getValueFactory().setValue(10);
        });
        click(robot, generate);
        TextFlow tinted = robot.from(root).lookup("#colouredFlow").queryAs(TextFlow.class);
        waitUntil(robot, root, () -> !generate.isDisabled() && tinted.isVisible()
                && tintedCharacters(tinted).size() == 10);

        selectTab(robot, root, 4);
        Label scoreHint = robot.from(root).lookup("#scoreHint").queryAs(Label.class);
        assertTrue(scoreHint.isVisible(), "the empty score page says what to do");
        // Long enough (800,000 characters) that the scoring is still going when Stop is clicked on a busy machine.
        String book = Files.readString(folder.resolve("corpora/vf.txt")).repeat(4);
        Button score = robot.from(root).lookup("#scoreButton").queryButton();
        ProgressBar scoreBar = robot.from(root).lookup("#scoreProgressBar").queryAs(ProgressBar.class);
        // A pasted text is scored after a pause in typing.
        robot.interact(() -> robot.from(root).lookup("#scoreText").queryAs(TextArea.class).setText(book));
        waitUntil(robot, root, () -> scoreBar.isVisible() && scoreBar.getProgress() > 0);
        click(robot, robot.from(root).lookup("#stopScoreButton").queryButton());
        waitUntil(robot, root, () -> !score.isDisabled());
        assertFalse(scoreBar.isVisible());
        assertTrue(label(robot, root, "#scoreSummary").startsWith("Stopped after "),
                label(robot, root, "#scoreSummary"));

        robot.interact(() -> robot.from(root).lookup("#scoreText").queryAs(TextArea.class).setText("Becky smiled."));
        waitUntil(robot, root, () -> label(robot, root, "#scoreSummary").startsWith("13 characters"));
        assertFalse(scoreHint.isVisible(), "the hint gives way to the scored text");
    }

    /** Picks the book, trains a model of this shape for {@code steps} steps and waits for the run to finish. */
    private static void trainOnTheBook(FxRobot robot, Parent root, int hidden, int layers, int batch, int steps) {
        @SuppressWarnings("unchecked")
        ListView<Path> books = robot.from(root).lookup("#corpusList").queryAs(ListView.class);
        robot.interact(() -> books.getSelectionModel().select(0));
        waitUntil(robot, root, () -> label(robot, root, "#corpusSummary").contains("distinct"));
        robot.interact(() -> {
            spinner(robot, root, "#hiddenSpinner").getValueFactory().setValue(hidden);
            spinner(robot, root, "#layersSpinner").getValueFactory().setValue(layers);
            spinner(robot, root, "#batchSpinner").getValueFactory().setValue(batch);
            spinner(robot, root, "#stepsSpinner").getValueFactory().setValue(steps);
        });
        click(robot, robot.from(root).lookup("#trainButton").queryButton());
        waitUntil(robot, root, () -> label(robot, root, "#statusLabel").startsWith("Finished at step " + steps));
    }

    /** The text of a label, or of a text flow's texts. */
    private static String shownText(Node node) {
        if (node instanceof Label label) {
            return label.getText();
        }
        return ((TextFlow) node).getChildren().stream().map(n -> ((Text) n).getText()).reduce("", String::concat);
    }

    private static void selectTab(FxRobot robot, Parent root, int index) {
        TabPane tabs = robot.from(root).lookup("#studioTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(index));
    }
}
