package app.scribe.ui.models;
import app.scribe.ui.training.TrainingViewModel;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** New model, but first asks what to do with training that no file holds: save it, discard it, or keep the model. */
public final class NewModelGuard {
    private final TrainingViewModel training;
    private final ModelFilesViewModel modelFiles;

    public NewModelGuard(TrainingViewModel training, ModelFilesViewModel modelFiles) {
        this.training = training;
        this.modelFiles = modelFiles;
    }

    public void newModel(Window owner) {
        if (!modelFiles.hasUnsavedTraining()) {
            training.resetModel();
            return;
        }
        ButtonType save = new ButtonType("Save first", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                "The current model has training that is not saved. Save it before starting a new model?",
                save, discard, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setHeaderText("Start a new model?");
        alert.getDialogPane().lookupButton(save).setId("saveFirstButton");
        alert.getDialogPane().lookupButton(discard).setId("discardButton");
        alert.getDialogPane().lookupButton(ButtonType.CANCEL).setId("cancelNewModelButton");
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == discard) {
            training.resetModel();
        } else if (answer == save) {
            modelFiles.saveThen(training::resetModel);
        }
    }
}
