package app.scribe.ui;

import app.scribe.ui.shell.MessageBar;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;

import static app.scribe.ui.WindowProbe.click;
import static app.scribe.ui.WindowProbe.label;
import static app.scribe.ui.WindowProbe.spinner;
import static app.scribe.ui.WindowProbe.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Letters or an out-of-range number typed in a spinner of Generate, Write or Inside: the spinner keeps its value,
 * the message bar says the field's range in a sentence (never "Something went wrong" with a NumberFormatException),
 * and Generate refuses to run with the value the field no longer shows; a good number is taken. Write 20 says why it
 * is off while a beam width is set.
 */
class TypedNumbersTest extends VanityFairWindow {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void badNumbersInSpinnersAreRefusedWithTheirRange(FxRobot robot) throws Exception {
        Parent root = stage.getScene().getRoot();
        MessageBar bar = robot.from(root).lookup("#notifications").queryAs(MessageBar.class);
        Node generate = robot.from(root).lookup("#generateButton").queryButton();
        Spinner<Integer> length = spinner(robot, root, "#lengthSpinner");

        type(robot, length, "abc");
        click(robot, generate);
        said(robot, root, bar, "Length must be a whole number from 1 to 100,000 (got 'abc').");
        assertEquals(400, onFx(length::getValue), "the spinner keeps its value");
        assertEquals("abc", onFx(() -> length.getEditor().getText()), "the field keeps what was typed, marked");

        type(robot, length, "5000000");
        click(robot, generate);
        said(robot, root, bar, "Length must be a whole number from 1 to 100,000 (got '5000000').");
        assertEquals(400, onFx(length::getValue), "not clamped silently");

        type(robot, length, "50");
        click(robot, generate);
        waitUntil(robot, root, () -> bar.getText().contains("no model yet")); // Generate ran, and needs a model
        assertEquals(50, onFx(length::getValue));

        Spinner<Integer> characters = spinner(robot, root, "#charactersSpinner");
        type(robot, characters, "xyz");
        click(robot, robot.from(root).lookup("#writeText").query());
        said(robot, root, bar, "Characters must be a whole number from 1 to 200 (got 'xyz').");
        assertEquals(20, onFx(characters::getValue));

        Spinner<Integer> cell = spinner(robot, root, "#cellUnitSpinner");
        type(robot, cell, "abc");
        click(robot, robot.from(root).lookup("#cellsText").query());
        said(robot, root, bar, "Cell must be a whole number from 0 to 2,047 (got 'abc').");
        assertEquals(0, onFx(cell::getValue));
        type(robot, cell, "3");
        click(robot, robot.from(root).lookup("#cellsText").query());
        waitUntil(robot, root, () -> !bar.isShowing()); // the problem is taken back once the field is fixed
        assertEquals(3, onFx(cell::getValue));

        Label hint = robot.from(root).lookup("#hoverHint").queryAs(Label.class);
        robot.interact(() -> spinner(robot, root, "#beamSpinner").getValueFactory().setValue(5));
        waitUntil(robot, root, () -> hint.getText().startsWith("Write 20 is off while Beam width is above 0"));
        robot.interact(() -> spinner(robot, root, "#beamSpinner").getValueFactory().setValue(0));
        waitUntil(robot, root, () -> hint.getText().startsWith("Hover over a character"));
    }

    /** Clicks into the spinner's field and replaces its text, as typing would; the spinner keeps the focus. */
    private static void type(FxRobot robot, Spinner<Integer> spinner, String text) {
        click(robot, spinner.getEditor());
        robot.interact(() -> spinner.getEditor().setText(text));
    }

    private static void said(FxRobot robot, Parent root, MessageBar bar, String sentence) {
        waitUntil(robot, root, () -> bar.isShowing() && sentence.equals(bar.getText()));
        assertTrue(!label(robot, root, "#statusLabel").contains("Exception"));
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
