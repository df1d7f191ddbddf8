package app.scribe.ui;

import app.scribe.ui.common.Keys;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;

import static app.scribe.ui.WindowProbe.click;
import static app.scribe.ui.WindowProbe.label;
import static app.scribe.ui.WindowProbe.pickBook;
import static app.scribe.ui.WindowProbe.smallModel;
import static app.scribe.ui.WindowProbe.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The menu bar runs the window's actions, is disabled where they cannot run, and its shortcuts work. */
class MenuBarTest extends VanityFairWindow {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void menusAndShortcutsTrainPauseGenerateAndExplain(FxRobot robot) {
        Parent root = stage.getScene().getRoot();
        for (String id : new String[] {"saveItem", "saveAsItem", "exportLossItem", "exportTextItem", "pauseItem",
                "stopTrainingItem", "stopGenerationItem", "recentModelsMenu"}) {
            assertTrue(item(root, id).isDisable(), id + " has nothing to act on yet");
        }
        pickBook(robot, root, "vf.txt");
        waitUntil(robot, root, () -> label(robot, root, "#corpusSummary").contains("distinct"));
        smallModel(robot, root, 100_000);
        Node chart = robot.from(root).lookup("#lossChart").queryAs(Node.class);
        click(robot, chart);
        robot.push(KeyCode.CONTROL, KeyCode.T);
        waitUntil(robot, root, () -> label(robot, root, "#statusLabel").contains("ETA"));
        ProgressBar progress = robot.from(root).lookup("#trainingProgress").queryAs(ProgressBar.class);
        assertTrue(progress.isVisible() && progress.getProgress() > 0 && progress.getProgress() < 1,
                "the progress bar shows step / steps: " + progress.getProgress());
        assertFalse(item(root, "saveItem").isDisable(), "a model can be saved");

        robot.clickOn("Training").clickOn("Pause (Space on the chart)");
        waitUntil(robot, root, () -> label(robot, root, "#statusLabel").startsWith("Paused at step"));
        click(robot, chart);
        waitUntil(robot, root, chart::isFocused); // the click has given the chart the keys before Space is pressed
        robot.push(KeyCode.SPACE);
        waitUntil(robot, root, () -> label(robot, root, "#statusLabel").contains("ETA"));
        robot.push(KeyCode.SPACE);
        waitUntil(robot, root, () -> label(robot, root, "#statusLabel").startsWith("Paused at step"));
        robot.clickOn("Training").clickOn("Stop training"); // the menu item: a click elsewhere would only close the menu
        waitUntil(robot, root, () -> !robot.from(root).lookup("#trainButton").queryButton().isDisabled());
        assertFalse(progress.isVisible(), "the progress bar goes with the run");

        click(robot, chart);
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        Text continuation = robot.from(root).lookup("#continuationText").queryAs(Text.class);
        waitUntil(robot, root, () -> continuation.getText().length() == 400);
        assertFalse(item(root, "exportTextItem").isDisable(), "the generated text can be exported");
        // A beam search of 100 000 characters runs for minutes; plain sampling of as many can end within a second
        // once the JIT is warm, before the test sees it running.
        robot.interact(() -> {
            WindowProbe.spinner(robot, root, "#beamSpinner").getValueFactory().setValue(64);
            WindowProbe.spinner(robot, root, "#lengthSpinner").getValueFactory().setValue(100_000);
        });
        click(robot, chart);
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        waitUntil(robot, root, () -> !item(root, "stopGenerationItem").isDisable());
        robot.push(KeyCode.ESCAPE);
        waitUntil(robot, root, () -> item(root, "stopGenerationItem").isDisable());
        assertTrue(continuation.getText().length() < 100_000, "Esc stopped the text at " + continuation.getText().length());

        robot.clickOn("Help").clickOn("Keyboard shortcuts");
        String shortcuts = shortcuts(robot, root);
        for (String key : new String[] {"Ctrl+T", "Ctrl+S", "Ctrl+O", "Ctrl+Q", Keys.GENERATE.getDisplayText(),
                Keys.STOP_GENERATION.getDisplayText(), "Space"}) {
            assertTrue(shortcuts.contains(key), key + " is listed: " + shortcuts);
        }
        robot.push(KeyCode.ESCAPE);
        robot.clickOn("Help").clickOn("About Scribe");
        String about = dialogText(robot, root, "#aboutDialog");
        for (String part : new String[] {"Scribe 0.1.0", "Java 17", "JavaFX 17", "DL4J 1.0.0", "ND4J 1.0.0",
                "OpenBLAS 0.3"}) {
            assertTrue(about.contains(part), part + " is named: " + about);
        }
        robot.push(KeyCode.ESCAPE);
    }

    /**
     * The shortcuts as the dialog lists them, a line each ("keys: what they do"), once it is laid out; fails where a
     * description starts less than 16 px after the widest keys, as if one text ran into the other.
     */
    private static String shortcuts(FxRobot robot, Parent root) {
        waitUntil(robot, root, () -> robot.lookup("#shortcutsTable").tryQuery().isPresent()
                && robot.lookup("#shortcutsTable").queryAs(GridPane.class).getWidth() > 0);
        GridPane table = robot.lookup("#shortcutsTable").queryAs(GridPane.class);
        StringBuilder lines = new StringBuilder();
        List<String> touching = new ArrayList<>();
        robot.interact(() -> {
            List<Label> keys = table.getChildren().stream().filter(n -> GridPane.getColumnIndex(n) == 0)
                    .map(n -> (Label) n).toList();
            List<Label> does = table.getChildren().stream().filter(n -> GridPane.getColumnIndex(n) == 1)
                    .map(n -> (Label) n).toList();
            double keysEnd = keys.stream().mapToDouble(k -> k.getBoundsInParent().getMinX() + k.prefWidth(-1)).max()
                    .orElseThrow();
            for (int i = 0; i < keys.size(); i++) {
                double gap = does.get(i).getBoundsInParent().getMinX() - keysEnd;
                if (gap < 16) {
                    touching.add(keys.get(i).getText() + " " + gap + " px from its description");
                }
                lines.append(keys.get(i).getText()).append(": ").append(does.get(i).getText()).append('\n');
            }
        });
        assertEquals(List.of(), touching, "each shortcut's keys stand apart from what they do");
        return lines.toString();
    }

    private static String dialogText(FxRobot robot, Parent root, String id) {
        waitUntil(robot, root, () -> robot.lookup(id).tryQuery().isPresent());
        return robot.lookup(id).queryAs(DialogPane.class).getContentText();
    }

    private static MenuItem item(Parent root, String id) {
        MenuBar bar = (MenuBar) root.lookup("#menuBar");
        return bar.getMenus().stream().flatMap(menu -> menu.getItems().stream())
                .filter(item -> id.equals(item.getId())).findFirst().orElseThrow(() -> new AssertionError(id));
    }
}
