package app.scribe.ui;

import app.scribe.ui.shell.MessageBar;
import app.scribe.ui.shell.ScribeApp;

import javafx.scene.Parent;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static app.scribe.ui.WindowProbe.click;
import static app.scribe.ui.WindowProbe.label;
import static app.scribe.ui.WindowProbe.pickBook;
import static app.scribe.ui.WindowProbe.smallModel;
import static app.scribe.ui.WindowProbe.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The title names the model, marks unsaved training and names the book; a window closed with Quit comes back in a
 * new one as it was left (size, place, dividers, units, book, model, recent models), and what has gone since (the
 * model file, the screen the window was on) is skipped without a word.
 */
class PreferencesTest extends VanityFairWindow {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void aClosedWindowComesBackAsItWasLeft(FxRobot robot) throws Exception {
        Parent root = stage.getScene().getRoot();
        assertEquals("Scribe", stage.getTitle());
        pickBook(robot, root, "vf.txt");
        waitUntil(robot, root, () -> label(robot, root, "#corpusSummary").contains("distinct"));
        assertEquals("Scribe — vf.txt", stage.getTitle());
        smallModel(robot, root, 30);
        robot.interact(() -> WindowProbe.spinner(robot, root, "#autosaveSpinner").getValueFactory().setValue(0));
        click(robot, robot.from(root).lookup("#trainButton").queryButton());
        waitUntil(robot, root, () -> label(robot, root, "#statusLabel").startsWith("Finished at step 30"));
        assertEquals("Scribe — vf-lstm.scribe* · vf.txt", stage.getTitle(), "unsaved training is marked");
        click(robot, robot.from(root).lookup("#lossChart").queryAs(javafx.scene.Node.class));
        robot.push(KeyCode.CONTROL, KeyCode.Q);
        click(robot, WindowProbe.dialogButton(robot, root, "#cancelCloseButton"));
        assertTrue(stage.isShowing(), "Quit asks first about unsaved training, and Cancel keeps the window");

        click(robot, robot.from(root).lookup("#lossChart").queryAs(javafx.scene.Node.class));
        robot.push(KeyCode.CONTROL, KeyCode.S);
        Path model = folder.resolve("models").resolve("vf-lstm.scribe");
        waitUntil(robot, root, () -> Files.exists(model) && stage.getTitle().equals("Scribe — vf-lstm.scribe · vf.txt"));
        assertEquals(List.of("vf-lstm.scribe"), recentModels(root));

        SplitPane panes = robot.from(root).lookup("#panes").queryAs(SplitPane.class);
        robot.interact(() -> {
            stage.setX(40);
            stage.setY(30);
            stage.setWidth(1200);
            stage.setHeight(800);
            units(root).setValue("bits/char");
        });
        robot.drag(panes.lookup(".split-pane-divider")).moveBy(60, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        double[] dividers = panes.getDividerPositions();
        robot.push(KeyCode.CONTROL, KeyCode.Q);
        waitUntil(robot, root, () -> !stage.isShowing());

        Stage second = reopen(robot);
        Parent again = second.getScene().getRoot();
        waitUntil(robot, again, () -> label(robot, again, "#statusLabel").startsWith("Model at step 30"));
        assertTrue(label(robot, again, "#corpusSummary").contains("vf.txt"), "the book is back");
        assertEquals("Scribe — vf-lstm.scribe · vf.txt", second.getTitle());
        assertEquals(List.of(40.0, 30.0, 1200.0, 800.0),
                List.of(second.getX(), second.getY(), second.getWidth(), second.getHeight()));
        SplitPane panesAgain = robot.from(again).lookup("#panes").queryAs(SplitPane.class);
        assertEquals(dividers[0], panesAgain.getDividerPositions()[0], 0.01, "the dragged divider stays");
        assertEquals("bits/char", units(again).getValue());
        assertEquals(List.of("vf-lstm.scribe"), recentModels(again));

        Files.delete(model);
        robot.interact(() -> second.setX(5000));
        robot.push(KeyCode.CONTROL, KeyCode.Q);
        waitUntil(robot, again, () -> !second.isShowing());
        Stage third = reopen(robot);
        Parent last = third.getScene().getRoot();
        waitUntil(robot, last, () -> label(robot, last, "#corpusSummary").contains("vf.txt")
                && label(robot, last, "#corpusSummary").contains("distinct"));
        assertTrue(third.getX() < 1600, "a place off every screen is not used: x = " + third.getX());
        assertEquals(List.of(), recentModels(last), "a model file that has gone leaves the list");
        assertFalse(label(robot, last, "#statusLabel").startsWith("Model at step"));
        MessageBar notifications = robot.from(last).lookup("#notifications").queryAs(MessageBar.class);
        assertFalse(notifications.getText() != null && notifications.getText().contains("vf-lstm"),
                "a missing last model is skipped without a word: " + notifications.getText());
        robot.interact(third::close);
    }

    private static Stage reopen(FxRobot robot) {
        Stage[] opened = new Stage[1];
        robot.interact(() -> {
            opened[0] = new Stage();
            new ScribeApp().start(opened[0]);
        });
        return opened[0];
    }

    @SuppressWarnings("unchecked")
    private static ChoiceBox<String> units(Parent root) {
        return (ChoiceBox<String>) root.lookup("#unitsChoice");
    }

    private static List<String> recentModels(Parent root) {
        MenuBar bar = (MenuBar) root.lookup("#menuBar");
        Menu recent = (Menu) bar.getMenus().get(0).getItems().stream()
                .filter(item -> "recentModelsMenu".equals(item.getId())).findFirst().orElseThrow();
        return recent.getItems().stream().map(item -> item.getText()).toList();
    }
}
