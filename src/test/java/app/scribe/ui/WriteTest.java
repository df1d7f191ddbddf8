package app.scribe.ui;

import app.scribe.ui.common.Exports;
import app.scribe.ui.shell.MessageBar;
import app.scribe.ui.write.WriteViewModel;

import app.scribe.cli.ScribeCommand;
import app.scribe.corpus.CorpusInfo;
import app.scribe.corpus.Vocabulary;
import app.scribe.model.Engines;
import app.scribe.model.Hyperparameters;
import app.scribe.persistence.ModelFile;
import app.scribe.persistence.SavedModel;
import app.scribe.training.TrainingHistory;
import app.scribe.writing.Until;
import javafx.event.EventHandler;
import javafx.scene.Parent;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static app.scribe.ui.WindowProbe.click;
import static app.scribe.ui.WindowProbe.label;
import static app.scribe.ui.WindowProbe.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Write tab in the real window, with real key presses: hints without a model and with an untrained one, the
 * ghost text after a pause (the same as {@code complete}'s first line), typing over it, Tab, Undo, Ctrl+Right, Esc,
 * the list of alternatives, unknown characters, and a suggestion after an edit further back.
 */
class WriteTest extends VanityFairWindow {
    private static Path trained;
    private static Path untrained;

    @BeforeAll
    static void models() throws IOException {
        Path models = folder.resolve("models");
        trained = models.resolve("writer.scribe");
        StringWriter err = new StringWriter();
        int code = ScribeCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "train", "--corpus",
                folder.resolve("corpora/vf.txt").toString(), "--out", trained.toString(), "--hidden", "32",
                "--layers", "1", "--seq", "32", "--batch", "16", "--lr", "1e-2", "--steps", "80");
        assertEquals(0, code, err.toString());
        Vocabulary vocabulary = Vocabulary.of("abc ");
        untrained = models.resolve("blank.scribe");
        new ModelFile().save(new SavedModel(Engines.create(Engines.DEFAULT, vocabulary.size(),
                Hyperparameters.defaults()), vocabulary, new CorpusInfo("abc.txt", "0".repeat(64), 4, 4),
                new TrainingHistory()), untrained);
    }

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void ghostTextFollowsTheWriter(FxRobot robot) {
        Parent root = stage.getScene().getRoot();
        TabPane tabs = robot.from(root).lookup("#studioTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().size() - 1));
        TextArea area = robot.from(root).lookup("#writeText").queryAs(TextArea.class);
        Label ghost = robot.from(root).lookup("#ghostLabel").queryAs(Label.class);
        click(robot, area);
        robot.write("It");
        waitUntil(robot, root, () -> label(robot, root, "#writeHint").equals(WriteViewModel.NO_MODEL));

        load(robot, root, untrained);
        robot.write(" w");
        waitUntil(robot, root, () -> label(robot, root, "#writeHint").equals(WriteViewModel.UNTRAINED));
        assertFalse(ghost.isVisible());

        load(robot, root, trained);
        List<String> ghosts = new CopyOnWriteArrayList<>();
        robot.interact(() -> ghost.textProperty().addListener((obs, old, now) -> ghosts.add(now)));
        robot.interact(() -> area.clear());
        click(robot, area);
        robot.write("It is a truth universally ");
        String first = waitForGhost(robot, root, ghost);
        assertEquals(complete(area.getText()), first, "the ghost is complete's first line");
        assertEquals("", label(robot, root, "#writeHint"));

        // Typing the ghost's next character keeps the rest of it.
        int seen = ghosts.size();
        robot.write(first.substring(0, 1));
        assertEquals(first.substring(1), ghosts.get(seen));
        String before = area.getText();
        String rest = waitForGhost(robot, root, ghost);

        seen = ghosts.size();
        robot.type(KeyCode.TAB);
        assertEquals(before + rest, area.getText(), "Tab takes the whole suggestion");
        assertEquals(area.getLength(), area.getCaretPosition());
        assertEquals("", ghosts.get(seen));
        // The text area's undo groups typing by words: Undo takes back the accepted part with the word it ends.
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        String undone = area.getText();
        assertTrue(before.startsWith(undone) && undone.length() < before.length(), "Undo gives '" + undone + "'");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals(before + rest, area.getText(), "Redo");
        robot.interact(() -> area.positionCaret(area.getLength()));

        // Ctrl+Right takes one word of a phrase.
        @SuppressWarnings("unchecked")
        ChoiceBox<Until.Kind> until = robot.from(root).lookup("#untilChoice").queryAs(ChoiceBox.class);
        robot.interact(() -> until.setValue(Until.Kind.PHRASE));
        String phrase = waitForGhost(robot, root, ghost);
        String text = area.getText();
        seen = ghosts.size();
        robot.press(KeyCode.CONTROL).type(KeyCode.RIGHT).release(KeyCode.CONTROL);
        String word = phrase.replaceFirst("(?s)^([^\\p{L}\\p{N}'’]*[\\p{L}\\p{N}'’]*).*$", "$1");
        assertEquals(text + word, area.getText(), "Ctrl+Right takes '" + word + "' of '" + phrase + "'");
        assertEquals(phrase.substring(word.length()), ghosts.get(seen));

        // Esc dismisses it; the text stays.
        waitForGhost(robot, root, ghost);
        text = area.getText();
        seen = ghosts.size();
        robot.type(KeyCode.ESCAPE);
        assertEquals("", ghosts.get(seen));
        assertEquals(text, area.getText());

        // A character that differs replaces the suggestion.
        robot.interact(() -> until.setValue(Until.Kind.WORD));
        String shown = waitForGhost(robot, root, ghost);
        String other = shown.startsWith("q") ? "z" : "q";
        seen = ghosts.size();
        robot.write(other);
        assertEquals("", ghosts.get(seen), "a character that does not match drops the ghost");
        assertTrue(area.getText().endsWith(other));
        robot.type(KeyCode.BACK_SPACE);

        // Alt+Down lists the likeliest completions; Down and Enter take the second.
        waitForGhost(robot, root, ghost);
        @SuppressWarnings("unchecked")
        ListView<app.scribe.writing.Completion> list = robot.from(root).lookup("#alternativesList")
                .queryAs(ListView.class);
        text = area.getText();
        // The menu bar takes an Alt release that reaches the scene as "go to the menus" (then Down opened File).
        List<KeyEvent> altReleases = new ArrayList<>();
        EventHandler<KeyEvent> menuBarSees = e -> {
            if (e.getCode() == KeyCode.ALT) {
                altReleases.add(e);
            }
        };
        robot.interact(() -> area.getScene().addEventHandler(KeyEvent.KEY_RELEASED, menuBarSees));
        robot.press(KeyCode.ALT).type(KeyCode.DOWN).release(KeyCode.ALT);
        robot.interact(() -> area.getScene().removeEventHandler(KeyEvent.KEY_RELEASED, menuBarSees));
        assertEquals(List.of(), altReleases, "the Alt of Alt+Down never reaches the menu bar");
        assertTrue(list.isVisible());
        List<app.scribe.writing.Completion> items = List.copyOf(list.getItems());
        assertTrue(items.size() >= 3 && items.size() <= 5, items.toString());
        double sum = 0;
        for (int i = 0; i < items.size(); i++) {
            sum += items.get(i).probability();
            assertTrue(i == 0 || items.get(i - 1).probability() >= items.get(i).probability(), items.toString());
        }
        assertTrue(sum <= 1 + 1e-9, items.toString());
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        assertFalse(list.isVisible());
        assertEquals(text + items.get(1).text(), area.getText(), "Enter takes the chosen completion");

        // A character the model does not know is skipped and named.
        robot.write(" ж");
        waitUntil(robot, root, () -> label(robot, root, "#writeHint").contains("U+0436"));
        assertTrue(label(robot, root, "#writeHint").startsWith("1 character the model does not know is skipped"),
                label(robot, root, "#writeHint"));

        // An edit further back: the suggestion at the caret is the one for the text up to it, read from the start.
        robot.interact(() -> area.positionCaret(14));
        robot.write("e");
        String atEdit = waitForGhost(robot, root, ghost);
        assertEquals(complete(area.getText().substring(0, 15)), atEdit);
    }

    @Test
    void savedTextReplacesThePickedFileAtomically() throws IOException {
        Path file = Files.writeString(folder.resolve("draft.txt"), "old draft");
        Exports.writeText("It is a truth universally acknowledged", file);
        assertEquals("It is a truth universally acknowledged", Files.readString(file));
        try (Stream<Path> files = Files.list(folder)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    private static void load(FxRobot robot, Parent root, Path model) {
        @SuppressWarnings("unchecked")
        ComboBox<Path> models = robot.from(root).lookup("#savedModelsBox").queryAs(ComboBox.class);
        robot.interact(() -> models.getSelectionModel().select(model));
        click(robot, robot.from(root).lookup("#loadButton").queryButton());
        TextArea area = robot.from(root).lookup("#writeText").queryAs(TextArea.class);
        String name = model.getFileName().toString();
        waitUntil(robot, root, () -> robot.from(root).lookup("#notifications").queryAs(MessageBar.class)
                .getText() != null && robot.from(root).lookup("#notifications").queryAs(MessageBar.class)
                .getText().startsWith("Loaded " + name));
        click(robot, area);
    }

    private static String waitForGhost(FxRobot robot, Parent root, Label ghost) {
        waitUntil(robot, root, () -> ghost.isVisible() && !ghost.getText().isEmpty());
        return ghost.getText();
    }

    /** The first completion {@code complete} prints for the text. */
    private static String complete(String text) {
        StringWriter out = new StringWriter();
        int code = ScribeCommand.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "complete",
                "--model", trained.toString(), "--text", text, "--n", "1");
        assertEquals(0, code);
        return out.toString().lines().findFirst().orElseThrow().split("\t", -1)[1].replace("\\n", "\n");
    }
}
