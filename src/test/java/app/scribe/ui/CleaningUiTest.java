package app.scribe.ui;

import app.scribe.ui.shell.MessageBar;

import app.scribe.TestCorpora;
import app.scribe.corpus.Cleaning;
import app.scribe.persistence.ModelFile;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static app.scribe.ui.WindowProbe.click;
import static app.scribe.ui.WindowProbe.label;
import static app.scribe.ui.WindowProbe.pickBook;
import static app.scribe.ui.WindowProbe.smallModel;
import static app.scribe.ui.WindowProbe.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cleaning panel on Grimms' Fairy Tales (the whole Gutenberg file): it names the header and footer lines removed
 * and the rare characters; Lower case shrinks the vocabulary, the model trained on it records the choice, and a
 * prompt in capitals is read in lower case instead of being refused; continuing it on text kept as is is refused,
 * and loading it sets the panel back to lower case.
 */
class CleaningUiTest extends VanityFairWindow {
    private static final Pattern VOCABULARY = Pattern.compile("Vocabulary: (\\d+) characters");

    @BeforeAll
    static void grimm() throws IOException {
        Files.copy(TestCorpora.book("grimms_fairy_tales.txt"), folder.resolve("corpora/grimm.txt"));
    }

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void lowercaseShrinksTheVocabularyAndTheModelRecordsIt(FxRobot robot) throws IOException {
        Parent root = stage.getScene().getRoot();
        pickBook(robot, root, "grimm.txt");
        waitUntil(robot, root, () -> label(robot, root, "#corpusSummary").startsWith("grimm.txt"));

        TitledPane panel = robot.from(root).lookup("#cleaningPane").queryAs(TitledPane.class);
        robot.clickOn(panel.lookup(".title"));
        waitUntil(robot, root, panel::isExpanded);
        String removed = label(robot, root, "#cleaningRemoved");
        assertTrue(removed.startsWith("grimm.txt: removed a header of 23 lines (from “The Project Gutenberg EBook of"
                + " Grimms’ Fairy Tales, by The Brothers Grimm” to “*** START OF THIS PROJECT GUTENBERG EBOOK GRIMMS’"
                + " FAIRY TALES ***”) and a footer of 359 lines (from “*** END OF THIS PROJECT"), removed);
        String rare = label(robot, root, "#cleaningRare");
        assertTrue(rare.startsWith("Seen fewer than 10 times: "), rare);
        assertTrue(rare.contains("'Z'×2"), rare);
        int asIs = vocabulary(robot, root);

        click(robot, robot.from(root).lookup("#lowercaseCheck").queryAs(Node.class));
        waitUntil(robot, root, () -> vocabulary(robot, root) != asIs);
        int lower = vocabulary(robot, root);
        assertTrue(lower < asIs, lower + " < " + asIs);
        assertTrue(label(robot, root, "#cleaningVocabulary").contains("(" + asIs + " as is)"));
        assertTrue(label(robot, root, "#corpusSummary").contains(lower + " distinct"));
        String preview = robot.from(root).lookup("#corpusPreview").queryAs(TextArea.class).getText();
        assertEquals(preview.toLowerCase(Locale.ROOT), preview, "the preview shows the cleaned text");
        assertTrue(!label(robot, root, "#cleaningRare").contains("'Z'"), "the rare list follows the cleaning");

        smallModel(robot, root, 10);
        click(robot, robot.from(root).lookup("#trainButton").queryButton());
        waitUntil(robot, root, () -> label(robot, root, "#statusLabel").startsWith("Finished at step 10"));
        Path saved = folder.resolve("models/grimm-lstm.scribe");
        waitUntil(robot, root, () -> Files.exists(saved));
        var vocabulary = new ModelFile().load(saved).vocabulary();
        assertEquals(new Cleaning(false, true, 0), vocabulary.mapper().cleaning());
        assertEquals(lower, vocabulary.size());

        robot.interact(() -> robot.from(root).lookup("#promptField").queryAs(TextField.class).setText("The King "));
        Button generate = robot.from(root).lookup("#generateButton").queryButton();
        click(robot, generate);
        Text continuation = robot.from(root).lookup("#continuationText").queryAs(Text.class);
        waitUntil(robot, root, () -> !generate.isDisabled() && !continuation.getText().isEmpty());
        assertEquals("the king ", robot.from(root).lookup("#promptText").queryAs(Text.class).getText(),
                "the prompt is read in lower case, as the book was");

        click(robot, robot.from(root).lookup("#keepButton").queryButton());
        waitUntil(robot, root, () -> vocabulary(robot, root) == asIs);
        robot.interact(() -> WindowProbe.spinner(robot, root, "#stepsSpinner").getValueFactory().setValue(20));
        click(robot, robot.from(root).lookup("#trainButton").queryButton());
        MessageBar notifications = robot.from(root).lookup("#notifications").queryAs(MessageBar.class);
        waitUntil(robot, root, () -> notifications.getText().contains("the model learnt from text cleaned as lowercase"));
        assertEquals(10, new ModelFile().load(saved).history().step(), "nothing was trained on the other text");

        @SuppressWarnings("unchecked")
        ComboBox<Path> models = robot.from(root).lookup("#savedModelsBox").queryAs(ComboBox.class);
        robot.interact(() -> models.getSelectionModel().select(saved));
        click(robot, robot.from(root).lookup("#loadButton").queryButton());
        CheckBox lowercase = robot.from(root).lookup("#lowercaseCheck").queryAs(CheckBox.class);
        waitUntil(robot, root, () -> lowercase.isSelected() && vocabulary(robot, root) == lower);
    }

    private static int vocabulary(FxRobot robot, Parent root) {
        Matcher m = VOCABULARY.matcher(label(robot, root, "#cleaningVocabulary"));
        assertTrue(m.find(), label(robot, root, "#cleaningVocabulary"));
        return Integer.parseInt(m.group(1));
    }
}
