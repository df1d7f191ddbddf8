package app.scribe.ui;

import app.scribe.ui.shell.MessageBar;

import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static app.scribe.ui.WindowProbe.click;
import static app.scribe.ui.WindowProbe.dialogButton;
import static app.scribe.ui.WindowProbe.label;
import static app.scribe.ui.WindowProbe.pickBook;
import static app.scribe.ui.WindowProbe.smallModel;
import static app.scribe.ui.WindowProbe.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The saved models show as cards, newest first, a damaged file as damaged; Rename and Delete ask first, never
 * replace a file, and leave alone a damaged file and the model in use.
 */
class ModelCardsTest extends VanityFairWindow {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void cardsDescribeModelsAndRenameAndDeleteAreGuarded(FxRobot robot) throws Exception {
        Parent root = stage.getScene().getRoot();
        Path models = folder.resolve("models");
        Path broken = Files.writeString(models.resolve("broken.scribe"), "half a model");
        Files.setLastModifiedTime(broken, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        pickBook(robot, root, "vf.txt");
        waitUntil(robot, root, () -> label(robot, root, "#corpusSummary").contains("distinct"));
        smallModel(robot, root, 30);
        click(robot, robot.from(root).lookup("#trainButton").queryButton());
        waitUntil(robot, root, () -> label(robot, root, "#statusLabel").contains("autosaved step 30"));
        Path model = models.resolve("vf-lstm.scribe");
        Path best = models.resolve("vf-lstm.best.scribe");

        @SuppressWarnings("unchecked")
        ComboBox<Path> picker = robot.from(root).lookup("#savedModelsBox").queryAs(ComboBox.class);
        waitUntil(robot, root, () -> picker.getItems().size() == 3);
        assertEquals(broken, picker.getItems().get(2), "newest first: " + picker.getItems());
        click(robot, picker);
        waitUntil(robot, root, () -> cards(robot).stream().anyMatch(text -> text.startsWith("vf-lstm.scribe · vf.txt\n")
                && text.contains("lstm 1 x 32 · ") && text.contains(" parameters · step 30 · validation ")));
        assertTrue(cards(robot).contains("broken.scribe\ndamaged: broken.scribe is not a Scribe model file (it is not a"
                + " complete zip archive: it may be truncated or of another kind)."), cards(robot).toString());
        robot.push(KeyCode.ESCAPE);

        MessageBar notifications = robot.from(root).lookup("#notifications").queryAs(MessageBar.class);
        delete(robot, root, picker, broken);
        waitUntil(robot, root, () -> notifications.getText().contains("leaves it alone"));
        assertTrue(Files.exists(broken), "a damaged file is not Scribe's to delete");
        robot.interact(() -> picker.getSelectionModel().select(model));
        Button deleteButton = robot.from(root).lookup("#deleteButton").queryButton();
        assertTrue(deleteButton.isDisabled() && robot.from(root).lookup("#renameButton").queryButton().isDisabled(),
                "the model in use can be neither deleted nor renamed");
        Object why = deleteButton.getParent().getProperties().get("javafx.scene.control.Tooltip");
        assertTrue(why instanceof Tooltip tip && tip.getText().contains("holds the model in use"), String.valueOf(why));
        assertTrue(Files.exists(model));

        byte[] modelBytes = Files.readAllBytes(model);
        rename(robot, root, picker, best, "vf-lstm");
        waitUntil(robot, root, () -> notifications.getText().contains("already exists"));
        assertTrue(Files.exists(best));
        assertTrue(java.util.Arrays.equals(modelBytes, Files.readAllBytes(model)), "a rename never replaces a file");
        rename(robot, root, picker, best, "keeper");
        Path keeper = models.resolve("keeper.scribe");
        waitUntil(robot, root, () -> Files.exists(keeper) && picker.getItems().contains(keeper)
                && keeper.equals(picker.getValue()));
        assertTrue(!Files.exists(best) && !picker.getItems().contains(best));
        assertTrue(!robot.from(root).lookup("#loadButton").queryButton().isDisabled(),
                "the renamed model stays chosen, so Load takes it at once");

        robot.interact(() -> picker.getSelectionModel().select(keeper));
        click(robot, robot.from(root).lookup("#deleteButton").queryButton());
        robot.clickOn(dialogButton(robot, root, ".dialog-pane .button:cancel"));
        assertTrue(Files.exists(keeper), "Cancel deletes nothing");
        delete(robot, root, picker, keeper);
        waitUntil(robot, root, () -> !Files.exists(keeper) && !picker.getItems().contains(keeper));
    }

    private static void delete(FxRobot robot, Parent root, ComboBox<Path> picker, Path file) {
        robot.interact(() -> picker.getSelectionModel().select(file));
        click(robot, robot.from(root).lookup("#deleteButton").queryButton());
        robot.clickOn(dialogButton(robot, root, "#confirmDeleteButton"));
    }

    private static void rename(FxRobot robot, Parent root, ComboBox<Path> picker, Path file, String name) {
        robot.interact(() -> picker.getSelectionModel().select(file));
        click(robot, robot.from(root).lookup("#renameButton").queryButton());
        waitUntil(robot, root, () -> robot.lookup("#newModelName").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#newModelName").queryAs(TextField.class).setText(name));
        robot.clickOn(dialogButton(robot, root, "#confirmRenameButton"));
    }

    private static List<String> cards(FxRobot robot) {
        return robot.lookup(".combo-box-popup .list-cell").queryAll().stream().map(node -> ((ListCell<?>) node).getText())
                .filter(text -> text != null).toList();
    }
}
