package app.scribe.ui;

import app.scribe.ui.shell.MessageBar;

import app.scribe.persistence.OutputLock;
import javafx.scene.Parent;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;

import static app.scribe.ui.WindowProbe.click;
import static app.scribe.ui.WindowProbe.label;
import static app.scribe.ui.WindowProbe.spinner;
import static app.scribe.ui.WindowProbe.waitUntil;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app takes the same lock as the command line on the model it autosaves, and says so when another run has it. */
class ModelLockUiTest extends VanityFairWindow {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void aModelLockedByAnotherRunIsNotTrainedIntoAndTheLockIsFreedAfterStop(FxRobot robot) {
        Parent root = stage.getScene().getRoot();
        @SuppressWarnings("unchecked")
        ListView<Path> books = robot.from(root).lookup("#corpusList").queryAs(ListView.class);
        robot.interact(() -> books.getSelectionModel().select(books.getItems().stream()
                .filter(p -> p.getFileName().toString().equals("vf.txt")).findFirst().orElseThrow()));
        waitUntil(robot, root, () -> label(robot, root, "#corpusSummary").contains("distinct"));
        robot.interact(() -> {
            spinner(robot, root, "#hiddenSpinner").getValueFactory().setValue(16);
            spinner(robot, root, "#layersSpinner").getValueFactory().setValue(1);
            spinner(robot, root, "#stepsSpinner").getValueFactory().setValue(100_000);
        });
        Path model = folder.resolve("models").resolve("vf-lstm.scribe");
        Path lockFile = folder.resolve("models").resolve(".vf-lstm.scribe.lock");
        MessageBar notifications = robot.from(root).lookup("#notifications").queryAs(MessageBar.class);
        try (OutputLock other = OutputLock.acquire(model)) {
            click(robot, robot.from(root).lookup("#trainButton").queryButton());
            waitUntil(robot, root, () -> notifications.isShowing() && notifications.getText() != null
                    && notifications.getText().contains("vf-lstm.scribe is being written by another Scribe run"));
            assertFalse(robot.from(root).lookup("#trainButton").queryButton().isDisabled(), "no run started");
            assertFalse(Files.exists(model), "nothing was written");
        }

        click(robot, robot.from(root).lookup("#trainButton").queryButton());
        waitUntil(robot, root, () -> Files.exists(lockFile));
        click(robot, robot.from(root).lookup("#stopButton").queryButton());
        waitUntil(robot, root, () -> !robot.from(root).lookup("#trainButton").queryButton().isDisabled());
        waitUntil(robot, root, () -> Files.exists(model));
        assertFalse(Files.exists(lockFile), "the run's lock is released when it stops");
        assertTrue(label(robot, root, "#statusLabel").contains("stopped by the user"), label(robot, root, "#statusLabel"));
    }
}
