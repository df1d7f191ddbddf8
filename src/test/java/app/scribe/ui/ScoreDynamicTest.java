package app.scribe.ui;

import app.scribe.TestCorpora;
import app.scribe.ui.shell.MessageBar;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static app.scribe.ui.WindowProbe.click;
import static app.scribe.ui.WindowProbe.label;
import static app.scribe.ui.WindowProbe.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Score tab's dynamic evaluation: with the box ticked the model learns as it reads and scores a passage of its
 * book better; untick it and the score is the plain one again to the last digit (the session's model did not
 * change); a rate that is not a number is refused with a message, and the result scored at the earlier rate goes.
 */
class ScoreDynamicTest extends VanityFairWindow {
    private static final Pattern BITS = Pattern.compile("([0-9.]+) bits per character");

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private static double bits(String summary) {
        Matcher m = BITS.matcher(summary);
        assertTrue(m.find(), summary);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void learningWhileScoringScoresLowerAndLeavesTheModelAlone(FxRobot robot) {
        Parent root = stage.getScene().getRoot();
        WindowProbe.trainSmallModel(robot, root, "vf.txt", 60);

        TabPane tabs = robot.from(root).lookup("#studioTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(4));
        byte[] book = TestCorpora.start("vanity_fair.txt", 60_000);
        String passage = new String(Arrays.copyOfRange(book, 50_000, 53_000), StandardCharsets.US_ASCII);
        robot.interact(() -> robot.from(root).lookup("#scoreText").queryAs(TextArea.class).setText(passage));
        click(robot, robot.from(root).lookup("#scoreButton").queryButton());
        waitUntil(robot, root, () -> label(robot, root, "#scoreSummary").startsWith("3,000 characters"));
        String plain = label(robot, root, "#scoreSummary");

        CheckBox dynamic = robot.from(root).lookup("#dynamicCheck").queryAs(CheckBox.class);
        TextField rate = robot.from(root).lookup("#dynamicRateField").queryAs(TextField.class);
        assertEquals("3e-4", rate.getText(), "the default as the message's example writes it, not 3.0E-4");
        robot.interact(() -> {
            rate.setText("2e-2");
            dynamic.setSelected(true);
        });
        waitUntil(robot, root, () -> label(robot, root, "#scoreSummary").endsWith("learning as it reads, rate 0.02"));
        String learnt = label(robot, root, "#scoreSummary");
        assertTrue(bits(learnt) < bits(plain) - 0.05, learnt + " against " + plain);

        robot.interact(() -> rate.setText("fast"));
        click(robot, robot.from(root).lookup("#scoreButton").queryButton());
        MessageBar notifications = robot.from(root).lookup("#notifications").queryAs(MessageBar.class);
        String refused = "The dynamic evaluation's rate must be a number such as 1e-4 (got 'fast').";
        waitUntil(robot, root, () -> refused.equals(notifications.getText())
                && label(robot, root, "#scoreSummary").equals("Not scored: " + refused));

        robot.interact(() -> dynamic.setSelected(false));
        waitUntil(robot, root, () -> label(robot, root, "#scoreSummary").equals(plain));
        assertEquals(plain, label(robot, root, "#scoreSummary"));
    }
}
