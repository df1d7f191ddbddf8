package app.scribe.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.css.PseudoClass;
import javafx.scene.input.KeyCode;
import app.scribe.ui.shell.MessageBar;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.util.List;

import static app.scribe.ui.WindowProbe.click;
import static app.scribe.ui.WindowProbe.label;
import static app.scribe.ui.WindowProbe.pickBook;
import static app.scribe.ui.WindowProbe.reveal;
import static app.scribe.ui.WindowProbe.smallModel;
import static app.scribe.ui.WindowProbe.spinner;
import static app.scribe.ui.WindowProbe.trainSmallModel;
import static app.scribe.ui.WindowProbe.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Train tab's form and names: an error line under the form has its room kept, so it moves nothing below it; a new
 * model is named for its book and cell, the next free name, never the last model's; the status points down at the
 * settings, where they are; a field's problem lasts as long as the field holds it, and refuses Train meanwhile.
 */
class TrainTabTest extends VanityFairWindow {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void anErrorLineUnderTheFormMovesNothing(FxRobot robot) throws Exception {
        Parent root = stage.getScene().getRoot();
        Spinner<Integer> hidden = spinner(robot, root, "#hiddenSpinner");
        reveal(robot, root, hidden);
        List<Node> watched = List.of(robot.from(root).lookup("#trainingForm").query(),
                robot.from(root).lookup("#sizeAdviceLabel").query());
        double before = WaitForAsyncUtils.asyncFx(() -> gap(root, watched)).get();
        robot.interact(() -> {
            hidden.getEditor().setText("abc");
            hidden.commitValue();
        });
        Label problem = robot.from(root).lookup("#formProblemLabel").queryAs(Label.class);
        waitUntil(robot, root, () -> problem.getText().startsWith("Hidden units must be") && problem.isVisible());
        assertEquals(before, WaitForAsyncUtils.asyncFx(() -> gap(root, watched)).get(),
                "the line has its room under the last row: the hints below it stay where they were");
    }

    @Test
    void aProblemGoesWhenItsFieldIsFixedOrFilledAndRefusesTrainMeanwhile(FxRobot robot) throws Exception {
        Parent root = stage.getScene().getRoot();
        pickBook(robot, root, "vf.txt");
        waitUntil(robot, root, () -> label(robot, root, "#corpusSummary").contains("distinct"));
        Label problem = robot.from(root).lookup("#formProblemLabel").queryAs(Label.class);
        Spinner<Integer> steps = spinner(robot, root, "#stepsSpinner");
        click(robot, steps.getEditor());
        robot.push(KeyCode.CONTROL, KeyCode.A).write("99999999999").type(KeyCode.ENTER);
        waitUntil(robot, root, () -> problem.getText().startsWith("Steps must be a whole number"));
        robot.push(KeyCode.CONTROL, KeyCode.A).write("3000").type(KeyCode.ENTER);
        waitUntil(robot, root, () -> problem.getText().isEmpty() && steps.getValue() == 3000);

        robot.push(KeyCode.CONTROL, KeyCode.A).write("99999999999").type(KeyCode.ENTER);
        waitUntil(robot, root, () -> problem.getText().startsWith("Steps must be a whole number"));
        click(robot, robot.from(root).lookup("#resetButton").queryButton());
        waitUntil(robot, root, () -> problem.getText().isEmpty() && steps.getEditor().getText().equals("3000"));

        TextField rate = robot.from(root).lookup("#learningRateField").queryAs(TextField.class);
        click(robot, rate);
        robot.push(KeyCode.CONTROL, KeyCode.A).write("foo").type(KeyCode.TAB);
        String sentence = "Learning rate must be a number such as 2e-3 (got 'foo').";
        waitUntil(robot, root, () -> problem.getText().equals(sentence) && invalid(rate));
        MessageBar notifications = robot.from(root).lookup("#notifications").queryAs(MessageBar.class);
        click(robot, robot.from(root).lookup("#trainButton").queryButton());
        waitUntil(robot, root, () -> sentence.equals(notifications.getText()));
        assertTrue(robot.from(root).lookup("#stopButton").queryButton().isDisabled()
                && !label(robot, root, "#statusLabel").startsWith("Starting"), "Train was refused");
        click(robot, rate);
        robot.push(KeyCode.CONTROL, KeyCode.A).write("2e-3").type(KeyCode.TAB);
        waitUntil(robot, root, () -> problem.getText().isEmpty() && !invalid(rate));
        assertFalse(notifications.isShowing() && sentence.equals(notifications.getText()),
                "the bar takes the sentence back too");
    }

    private static boolean invalid(Node field) {
        return field.getPseudoClassStates().contains(PseudoClass.getPseudoClass("invalid"));
    }

    /** How far below the first node's bottom the second's top is, once the window has laid out what it shows now. */
    private static double gap(Parent root, List<Node> nodes) {
        root.applyCss();
        root.layout();
        double bottom = nodes.get(0).localToScene(nodes.get(0).getLayoutBounds()).getMaxY();
        return Math.rint((nodes.get(1).localToScene(nodes.get(1).getLayoutBounds()).getMinY() - bottom) * 2) / 2;
    }

    @Test
    void aNewModelIsNamedForItsBookNeverTheLastModel(FxRobot robot) throws Exception {
        Parent root = stage.getScene().getRoot();
        TextField name = robot.from(root).lookup("#modelNameField").queryAs(TextField.class);
        trainSmallModel(robot, root, "vf.txt", 20);
        waitUntil(robot, root, () -> name.getText().equals("vf-lstm")
                && Files.exists(folder.resolve("models/vf-lstm.scribe"))
                && label(robot, root, "#statusLabel").contains("autosaved step 20"));
        click(robot, robot.from(root).lookup("#resetButton").queryButton());
        waitUntil(robot, root, () -> label(robot, root, "#statusLabel")
                .equals("New model: press Train to start from the settings below.") && name.getText().equals("vf-lstm-2"));
        smallModel(robot, root, 20);
        click(robot, robot.from(root).lookup("#trainButton").queryButton());
        waitUntil(robot, root, () -> label(robot, root, "#statusLabel").startsWith("Finished at step 20")
                && label(robot, root, "#statusLabel").contains("autosaved"));
        assertEquals("vf-lstm-2", WaitForAsyncUtils.asyncFx(() -> name.getText()).get(),
                "the next free name from the book, not the last model's");
    }
}
