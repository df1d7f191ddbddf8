package app.scribe.ui;

import app.scribe.ui.generate.GenerationViewModel;
import app.scribe.ui.shell.MessageBar;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static app.scribe.ui.WindowProbe.click;
import static app.scribe.ui.WindowProbe.dialogButton;
import static app.scribe.ui.WindowProbe.label;
import static app.scribe.ui.WindowProbe.pickBook;
import static app.scribe.ui.WindowProbe.smallModel;
import static app.scribe.ui.WindowProbe.spinner;
import static app.scribe.ui.WindowProbe.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The defects a newcomer's walk through the window found, each as the newcomer met it. */
class FirstWalkTest extends VanityFairWindow {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void aTooLargeNumberIsRefusedWithItsRange(FxRobot robot) {
        Parent root = stage.getScene().getRoot();
        Spinner<Integer> steps = spinner(robot, root, "#stepsSpinner");
        click(robot, steps.getEditor());
        robot.push(KeyCode.CONTROL, KeyCode.A).write("99999999999").type(KeyCode.ENTER);
        Label problem = robot.from(root).lookup("#formProblemLabel").queryAs(Label.class);
        waitUntil(robot, root, () -> problem.getText().contains("Steps must be a whole number from 1 to 100,000,000"));
        assertEquals(2000, steps.getValue(), "the field keeps its value");
        assertTrue(steps.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("invalid")),
                "and shows the typed text, marked, until it is fixed");
    }

    @Test
    void newModelsTakeTheNextFreeNumberAndTheShapeOfAModelInUseIsLocked(FxRobot robot) throws Exception {
        Parent root = stage.getScene().getRoot();
        pickBook(robot, root, "vf.txt");
        waitUntil(robot, root, () -> label(robot, root, "#corpusSummary").contains("distinct"));
        Path models = folder.resolve("models");
        javafx.scene.control.TextField name = robot.from(root).lookup("#modelNameField")
                .queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> name.setText("walk")); // a name the user types stays
        List<String> names = new ArrayList<>();
        for (int run = 1; run <= 3; run++) {
            smallModel(robot, root, 5);
            click(robot, robot.from(root).lookup("#trainButton").queryButton());
            waitUntil(robot, root, () -> label(robot, root, "#statusLabel").startsWith("Finished at step 5")
                    && label(robot, root, "#statusLabel").contains("autosaved"));
            assertTrue(robot.from(root).lookup("#hiddenSpinner").query().isDisabled(),
                    "the shape of the model in use is locked");
            assertTrue(robot.from(root).lookup("#shapeLockLabel").query().isVisible());
            names.add(WaitForAsyncUtils.asyncFx(() -> name.getText()).get());
            if (run < 3) {
                click(robot, robot.from(root).lookup("#resetButton").queryButton()); // autosaved: nothing to ask
                waitUntil(robot, root, () -> !robot.from(root).lookup("#hiddenSpinner").query().isDisabled());
            }
        }
        // The folder is the class's: another test's model on vf.txt may have taken vf-lstm already.
        assertEquals("walk", names.get(0), "the name typed");
        assertTrue(names.get(1).matches("vf-lstm(-\\d+)?"), "then named for the book: " + names);
        String stem = names.get(1).replaceFirst("-\\d+$", "");
        int second = names.get(1).equals(stem) ? 1 : Integer.parseInt(names.get(1).substring(stem.length() + 1));
        assertEquals(stem + "-" + (second + 1), names.get(2), "the next free number, not -2-2: " + names);
        for (String saved : names) {
            assertTrue(Files.isRegularFile(models.resolve(saved + ".scribe")), saved);
        }

        @SuppressWarnings("unchecked")
        ComboBox<Path> picker = robot.from(root).lookup("#savedModelsBox").queryAs(ComboBox.class);
        assertNull(picker.getValue(), "autosaving never picks a model in the list by itself");
        robot.interact(() -> picker.setValue(models.resolve(names.get(2) + ".scribe").toAbsolutePath().normalize()));
        assertTrue(robot.from(root).lookup("#renameButton").queryButton().isDisabled(),
                "the model in use cannot be renamed: " + stage.getTitle() + ", picked " + picker.getValue());
        robot.interact(() -> picker.setValue(models.resolve("walk.scribe").toAbsolutePath().normalize()));
        Button delete = robot.from(root).lookup("#deleteButton").queryButton();
        assertFalse(delete.isDisabled());
        click(robot, delete);
        dialogButton(robot, root, "#cancelDeleteButton");
        robot.type(KeyCode.ENTER);
        waitUntil(robot, root, () -> robot.lookup("#cancelDeleteButton").tryQuery().isEmpty());
        assertTrue(Files.isRegularFile(models.resolve("walk.scribe")), "Enter in the question cancels");
    }

    @Test
    void ctrlEnterInWriteGeneratesNothingAndInsideForgetsANewModel(FxRobot robot) {
        Parent root = stage.getScene().getRoot();
        WindowProbe.trainSmallModel(robot, root, "vf.txt", 10);
        TextArea cellsText = robot.from(root).lookup("#cellsText").queryAs(TextArea.class);
        click(robot, robot.from(root).lookup("#readButton").queryButton());
        MessageBar notifications = robot.from(root).lookup("#notifications").queryAs(MessageBar.class);
        waitUntil(robot, root, () -> notifications.getText() != null
                && notifications.getText().startsWith("Type or paste a text to look inside the model with"));
        click(robot, cellsText).write("She said");
        click(robot, robot.from(root).lookup("#readButton").queryButton());
        waitUntil(robot, root, () -> !robot.from(root).lookup("#heatmap").queryAs(javafx.scene.Parent.class)
                .getChildrenUnmodifiable().isEmpty());

        @SuppressWarnings("unchecked")
        ComboBox<GenerationViewModel.Branch> history = robot.from(root).lookup("#branchBox").queryAs(ComboBox.class);
        int generated = history.getItems().size();
        TextArea write = robot.from(root).lookup("#writeText").queryAs(TextArea.class);
        click(robot, write).write("She ");
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        TabPane tabs = robot.from(root).lookup("#studioTabs").queryAs(TabPane.class);
        waitUntil(robot, root, () -> tabs.getSelectionModel().getSelectedItem().getText().equals("Write"));
        assertEquals(generated, history.getItems().size(), "Ctrl+Enter in Write generates nothing elsewhere");

        click(robot, robot.from(root).lookup("#resetButton").queryButton()); // autosaved: nothing to ask
        waitUntil(robot, root, () -> robot.from(root).lookup("#heatmap").queryAs(javafx.scene.Parent.class)
                .getChildrenUnmodifiable().isEmpty());
    }
}
