package app.scribe.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static app.scribe.ui.WindowProbe.click;
import static app.scribe.ui.WindowProbe.spinner;
import static app.scribe.ui.WindowProbe.tintedCharacters;
import static app.scribe.ui.WindowProbe.trainSmallModel;
import static app.scribe.ui.WindowProbe.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tinted text wraps between words, as the plain text does: a word is never cut over two lines. */
class TintedWrapTest extends VanityFairWindow {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void linesBreakBetweenWordsNeverInsideOne(FxRobot robot) throws Exception {
        Parent root = stage.getScene().getRoot();
        trainSmallModel(robot, root, "vf.txt", 40);
        robot.interact(() -> spinner(robot, root, "#lengthSpinner").getValueFactory().setValue(600));
        TextFlow tinted = robot.from(root).lookup("#colouredFlow").queryAs(TextFlow.class);
        click(robot, robot.from(root).lookup("#generateButton").queryButton());
        waitUntil(robot, root, () -> tinted.isVisible() && tintedCharacters(tinted).size() == 600);
        robot.interact(() -> {
            tinted.setMaxWidth(240); // as in a narrow window: lines of about 30 characters
            root.applyCss();
            root.layout();
        });
        List<String> cut = WaitForAsyncUtils.asyncFx(() -> cutWords(tintedCharacters(tinted))).get();
        double lines = WaitForAsyncUtils.asyncFx(() -> lines(tintedCharacters(tinted))).get();
        assertTrue(lines >= 20, "600 characters wrap over many lines: " + lines);
        assertEquals(List.of(), cut, "no word is cut over two lines");
    }

    /** The pairs of neighbouring letters of one word that stand on different lines. */
    private static List<String> cutWords(List<Node> characters) {
        List<String> cut = new ArrayList<>();
        for (int i = 1; i < characters.size(); i++) {
            if (characters.get(i - 1) instanceof Label a && characters.get(i) instanceof Label b
                    && !a.getText().isBlank() && !b.getText().isBlank() && top(a) != top(b)) {
                cut.add(a.getText() + "|" + b.getText() + " at " + i);
            }
        }
        return cut;
    }

    private static double lines(List<Node> characters) {
        return characters.stream().mapToDouble(TintedWrapTest::top).distinct().count();
    }

    private static double top(Node node) {
        Bounds bounds = node.localToScene(node.getLayoutBounds());
        return Math.round(bounds.getMinY());
    }
}
