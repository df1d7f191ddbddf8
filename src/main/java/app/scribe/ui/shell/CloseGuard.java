package app.scribe.ui.shell;

import app.scribe.ui.models.ModelFilesViewModel;
import app.scribe.ui.training.TrainingViewModel;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

import java.util.Optional;

/**
 * Asks before a window closes on a running training, or on a model with training that no file holds, so that hours
 * of training are not thrown away by a click.
 */
public final class CloseGuard {
    private final TrainingViewModel training;
    private final ModelFilesViewModel modelFiles;

    CloseGuard(TrainingViewModel training, ModelFilesViewModel modelFiles) {
        this.training = training;
        this.modelFiles = modelFiles;
    }

    /**
     * Lets the window close, or asks first; {@code remember} runs once the window is sure to close, after a save
     * asked for, so that what it keeps (the model in use, the recent models) includes the file just written.
     */
    void confirm(WindowEvent event, Runnable remember) {
        boolean running = training.isBusy();
        if (!running && !modelFiles.hasUnsavedTraining()) {
            remember.run();
            return;
        }
        ButtonType save = new ButtonType("Save and close", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Close without saving", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, running
                ? "Training is still running. Save the model before closing?"
                : "The model has training that no file holds. Save it before closing?", save, discard, ButtonType.CANCEL);
        if (event.getSource() instanceof Window window) {
            alert.initOwner(window);
        }
        alert.setHeaderText("Close Scribe?");
        alert.getDialogPane().lookupButton(ButtonType.CANCEL).setId("cancelCloseButton");
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            event.consume();
        } else if (answer.get() == save) {
            event.consume();
            modelFiles.saveThen(() -> {
                remember.run();
                javafx.application.Platform.exit();
            });
        } else {
            remember.run();
        }
    }
}
