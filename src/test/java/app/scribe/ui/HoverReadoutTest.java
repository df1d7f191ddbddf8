package app.scribe.ui;

import app.scribe.ui.generate.GenerationViewModel;
import app.scribe.ui.shell.MessageBar;

import app.scribe.corpus.CorpusInfo;
import app.scribe.corpus.Vocabulary;
import app.scribe.model.Engines;
import app.scribe.model.Hyperparameters;
import app.scribe.persistence.ModelFile;
import app.scribe.persistence.SavedModel;
import app.scribe.training.TrainingHistory;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static app.scribe.ui.WindowProbe.click;
import static app.scribe.ui.WindowProbe.continuation;
import static app.scribe.ui.WindowProbe.label;
import static app.scribe.ui.WindowProbe.spinner;
import static app.scribe.ui.WindowProbe.startLongBeamSearch;
import static app.scribe.ui.WindowProbe.tintedCharacters;
import static app.scribe.ui.WindowProbe.trainSmallModel;
import static app.scribe.ui.WindowProbe.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Generate tab's readout, in the real window: hovering a generated character frames it and shows its
 * alternatives in a popup at the character while nothing in the window moves; the Temperatures tab samples with the
 * Generate tab's settings; Esc stops a beam search; after loading another model, the alternatives are that model's
 * characters.
 */
class HoverReadoutTest extends VanityFairWindow {
    /** An untrained model over the prompt's characters and a few more, at other indices than in the book's model. */
    private static final Set<String> OTHER_CHARACTERS = Set.of("S", "h", "e", "x", "z", "\\n", " ");
    private static Path other;

    @BeforeAll
    static void otherModel() throws IOException {
        Vocabulary vocabulary = Vocabulary.of("Shexz\n ");
        other = folder.resolve("models").resolve("other.scribe");
        new ModelFile().save(new SavedModel(Engines.create(Engines.DEFAULT, vocabulary.size(),
                Hyperparameters.defaults()), vocabulary, new CorpusInfo("shexz.txt", "0".repeat(64), 7, 7),
                new TrainingHistory()), other);
    }

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theReadoutPopsUpAtTheHoveredCharacterAndFollowsTheSettingsAndTheModel(FxRobot robot) {
        Parent root = stage.getScene().getRoot();
        trainSmallModel(robot, root, "vf.txt", 40);

        robot.interact(() -> {
            robot.from(root).lookup("#promptField").queryAs(TextField.class).setText("She ");
            spinner(robot, root, "#lengthSpinner").getValueFactory().setValue(40);
        });
        TextFlow tinted = robot.from(root).lookup("#colouredFlow").queryAs(TextFlow.class);
        generate(robot, root, tinted);
        String first = continuation(tinted);
        // The summary's last part and the message bar's going (it takes its room back) also move things: wait them out.
        MessageBar bar = robot.from(root).lookup("#notifications").queryAs(MessageBar.class);
        waitUntil(robot, root, () -> label(robot, root, "#generationSummary").contains("verbatim") && !bar.isShowing());
        settleLayout(robot, root);

        Node output = robot.from(root).lookup("#outputScroll").query();
        Node copy = robot.from(root).lookup("#copyButton").query();
        Bounds outputBefore = output.localToScene(output.getLayoutBounds());
        Bounds copyBefore = copy.localToScene(copy.getLayoutBounds());
        Label fifth = character(tinted, 4);
        robot.moveTo(fifth);
        FlowPane alternatives = robot.lookup("#alternativesBox").queryAs(FlowPane.class);
        waitUntil(robot, root, () -> alternatives.getScene() != null && alternatives.getScene().getWindow().isShowing()
                && alternatives.getChildren().size() == 5);
        assertTrue(robot.lookup("#alternativesLabel").queryAs(Label.class).getText().startsWith("Character 4 '"
                + fifth.getText() + "'"), robot.lookup("#alternativesLabel").queryAs(Label.class).getText());
        assertTrue(fifth.getStyleClass().contains("hovered-char"), "the hovered character is framed");
        for (Node node : alternatives.getChildren()) {
            String shown = ((Button) node).getText();
            assertEquals(shown.startsWith("'" + fifth.getText() + "' "), shown.endsWith(" (written)"),
                    "the written character is told apart from the others: " + shown);
        }
        Window popup = alternatives.getScene().getWindow();
        Bounds at = fifth.localToScreen(fifth.getLayoutBounds());
        assertEquals(at.getMinX(), popup.getX(), 1, "the popup starts at the character");
        assertTrue(popup.getY() >= at.getMaxY() && popup.getY() <= at.getMaxY() + 10,
                "the popup sits just below the character: " + popup.getY() + " vs " + at);
        settleLayout(robot, root);
        assertEquals(outputBefore, output.localToScene(output.getLayoutBounds()), "the text keeps its place and size");
        assertEquals(copyBefore, copy.localToScene(copy.getLayoutBounds()), "nothing below the text moves");

        Label eighth = character(tinted, 7);
        robot.moveTo(eighth);
        waitUntil(robot, root, () -> robot.lookup("#alternativesLabel").queryAs(Label.class).getText()
                .startsWith("Character 7 '"));
        assertTrue(eighth.getStyleClass().contains("hovered-char"));
        assertFalse(fifth.getStyleClass().contains("hovered-char"), "only the hovered character is framed");
        robot.moveTo(robot.from(root).lookup("#generateButton").queryButton());
        waitUntil(robot, root, () -> !popup.isShowing());

        // Top-k 1 is greedy decoding: every temperature then writes the same text.
        robot.interact(() -> spinner(robot, root, "#topKSpinner").getValueFactory().setValue(1));
        selectTab(robot, root, 1);
        click(robot, robot.from(root).lookup("#gridButton").queryButton());
        waitUntil(robot, root, () -> robot.from(root).lookup("#gridText2").tryQuery().isPresent()
                && !robot.from(root).lookup("#gridButton").queryButton().isDisabled());
        String coldest = gridText(robot.from(root).lookup("#gridText0").query());
        for (String id : List.of("#gridText1", "#gridText2")) {
            assertEquals(coldest, gridText(robot.from(root).lookup(id).query()), id + " honours top-k 1");
        }
        robot.interact(() -> spinner(robot, root, "#topKSpinner").getValueFactory().setValue(0));

        // Esc stops a beam search that would run for minutes.
        selectTab(robot, root, 0);
        startLongBeamSearch(robot, root);
        robot.type(KeyCode.ESCAPE);
        Button generate = robot.from(root).lookup("#generateButton").queryButton();
        waitUntil(robot, root, () -> !generate.isDisabled());
        String stopped = robot.from(root).lookup("#continuationText").queryAs(Text.class).getText();
        assertTrue(stopped.length() < 100_000, "Esc stopped the search after " + stopped.length() + " characters");

        // Another model with another vocabulary: the first text, read again, offers that model's characters.
        robot.interact(() -> {
            spinner(robot, root, "#beamSpinner").getValueFactory().setValue(0);
            spinner(robot, root, "#lengthSpinner").getValueFactory().setValue(40);
        });
        @SuppressWarnings("unchecked")
        ComboBox<Path> models = robot.from(root).lookup("#savedModelsBox").queryAs(ComboBox.class);
        robot.interact(() -> models.getSelectionModel().select(other));
        click(robot, robot.from(root).lookup("#loadButton").queryButton());
        waitUntil(robot, root, () -> bar.getText() != null && bar.getText().startsWith("Loaded other.scribe"));
        @SuppressWarnings("unchecked")
        ComboBox<GenerationViewModel.Branch> history = robot.from(root).lookup("#branchBox").queryAs(ComboBox.class);
        robot.interact(() -> history.getSelectionModel().select(0));
        waitUntil(robot, root, () -> tinted.isVisible() && first.equals(continuation(tinted)));
        // The replayed text's message can move the text under a still pointer (and a scroll hides the readout):
        // point away and back at the character until its readout shows.
        Button away = robot.from(root).lookup("#generateButton").queryButton();
        waitUntil(robot, root, () -> {
            robot.moveTo(away);
            robot.moveTo(character(tinted, 4));
            return alternatives.getScene().getWindow().isShowing() && alternatives.getChildren().size() == 5
                    && robot.lookup("#alternativesLabel").queryAs(Label.class).getText().startsWith("Character 4 '");
        });
        for (Node node : alternatives.getChildren()) {
            String text = ((Button) node).getText();
            String character = text.substring(1, text.lastIndexOf('\''));
            assertTrue(OTHER_CHARACTERS.contains(character), text + " is one of the loaded model's characters");
        }

        // Branching there fails for real: the loaded model cannot read the text before the branch point. The
        // failure reaches the message bar as a sentence, and nothing is generated.
        Label thirteenth = character(tinted, 12);
        click(robot, thirteenth);
        waitUntil(robot, root, () -> alternatives.getScene().getWindow().isShowing()
                && robot.lookup("#alternativesLabel").queryAs(Label.class).getText().startsWith("Character 12 '"));
        int texts = history.getItems().size();
        click(robot, robot.lookup("#alternative0").queryButton());
        waitUntil(robot, root, () -> bar.isShowing() && bar.getText() != null
                && bar.getText().startsWith("The model does not know these characters: "));
        assertEquals(texts, history.getItems().size(), "no branch was added");
        assertFalse(generate.isDisabled(), "no generation is left running");
    }

    private static void generate(FxRobot robot, Parent root, TextFlow tinted) {
        click(robot, robot.from(root).lookup("#generateButton").queryButton());
        waitUntil(robot, root, () -> tinted.isVisible() && tintedCharacters(tinted).size() == 40);
    }

    /** Lays the window out now, so that bounds read next are those of what it shows. */
    private static void settleLayout(FxRobot robot, Parent root) {
        robot.interact(() -> {
            root.applyCss();
            root.layout();
        });
    }

    /** The label of the continuation's character at {@code position}; the test's positions are not newlines. */
    private static Label character(TextFlow tinted, int position) {
        Node node = tintedCharacters(tinted).get(position);
        assertTrue(node instanceof Label, "character " + position + " is not a newline");
        return (Label) node;
    }

    private static void selectTab(FxRobot robot, Parent root, int index) {
        TabPane tabs = robot.from(root).lookup("#studioTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(index));
    }

    /** The text of a grid cell. */
    private static String gridText(Node node) {
        return ((TextFlow) node).getChildren().stream().map(n -> ((Text) n).getText()).reduce("", String::concat);
    }
}
