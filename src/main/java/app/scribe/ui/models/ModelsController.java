package app.scribe.ui.models;

import app.scribe.ui.common.FileDialogs;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * The saved models in the tool bar: the name Save writes under, the picker of saved and starter models, and Load,
 * Rename, Delete and Load file. Rename and Delete are off, with a tooltip saying why, for a starter or the model in
 * use.
 */
public final class ModelsController {
    private final ModelFilesViewModel modelFiles;
    /** The file the user chose in the picker (or renamed it to): chosen again when the list moves. */
    private Path chosen;

    @FXML private TextField modelNameField;
    @FXML private ComboBox<Path> savedModelsBox;
    @FXML private Button saveButton;
    @FXML private Button loadButton;
    @FXML private Button renameButton;
    @FXML private Button deleteButton;

    public ModelsController(ModelFilesViewModel modelFiles) {
        this.modelFiles = modelFiles;
    }

    @FXML
    private void initialize() {
        modelNameField.textProperty().bindBidirectional(modelFiles.nameProperty());
        keepChosenModelWhenTheListMoves();
        savedModelsBox.setCellFactory(list -> ModelCards.cell(modelFiles.list().summariesProperty(), modelFiles.list()::isStarter, false));
        savedModelsBox.setButtonCell(ModelCards.cell(modelFiles.list().summariesProperty(), modelFiles.list()::isStarter, true));
        loadButton.disableProperty().bind(savedModelsBox.valueProperty().isNull());
        StringBinding whyKept = Bindings.createStringBinding(() -> {
            Path chosen = savedModelsBox.getValue();
            return chosen == null ? "" : modelFiles.edits().whyKept(chosen);
        }, savedModelsBox.valueProperty(), modelFiles.lastFileProperty(), modelFiles.modelProperty());
        for (Button button : List.of(renameButton, deleteButton)) {
            button.disableProperty().bind(savedModelsBox.valueProperty().isNull().or(whyKept.isNotNull()));
        }
        // A disabled button shows no tooltip of its own, so the reason sits on the box around the two buttons.
        Tooltip reason = new Tooltip();
        reason.textProperty().bind(whyKept);
        whyKept.addListener((obs, old, now) -> Tooltip.uninstall(renameButton.getParent(), reason));
        whyKept.addListener((obs, old, now) -> {
            if (now != null && !now.isEmpty()) {
                Tooltip.install(renameButton.getParent(), reason);
            }
        });
    }

    /**
     * Shows the saved models. The list follows the folder newest first, so saving a file moves it to the top (out of
     * the list and back in), and the picker would drop or shift its choice: the file the user chose stays chosen
     * while it is listed, and the picker never chooses a file by itself (after an autosave it chose the .best file).
     */
    private void keepChosenModelWhenTheListMoves() {
        ObservableList<Path> files = modelFiles.list().savedModels();
        boolean[] moving = {false};
        // This listener runs before the picker's own (added later, some only when its skin is made); the choice is
        // put back once the whole change, and what the picker did about it, is over.
        files.addListener((ListChangeListener<Path>) change -> {
            if (!moving[0]) {
                moving[0] = true;
                Platform.runLater(() -> {
                    moving[0] = false;
                    savedModelsBox.setValue(chosen != null && files.contains(chosen) ? chosen : null);
                });
            }
        });
        savedModelsBox.setItems(files);
        savedModelsBox.valueProperty().addListener((obs, old, now) -> {
            if (!moving[0]) {
                chosen = now;
            }
        });
    }

    @FXML private void saveModel() { modelFiles.save(); }
    @FXML private void checkModelName() { modelFiles.checkName(); }

    @FXML
    private void renameSelectedModel() {
        Path selected = savedModelsBox.getValue();
        if (selected != null) {
            // The renamed file stays chosen, so that Load takes it at once.
            ModelCards.askNewName(window(), selected).ifPresent(name -> modelFiles.edits().rename(selected, name, renamed -> {
                chosen = renamed;
                savedModelsBox.setValue(renamed);
            }));
        }
    }

    @FXML
    private void deleteSelectedModel() {
        Path selected = savedModelsBox.getValue();
        if (selected != null && ModelCards.confirmDelete(window(), selected)) {
            modelFiles.edits().delete(selected);
        }
    }

    @FXML
    private void loadSelectedModel() {
        Path selected = savedModelsBox.getValue();
        if (selected != null) {
            modelFiles.load(selected);
        }
    }

    @FXML
    public void loadModelFile() {
        File file = FileDialogs.openModel(window());
        if (file != null) {
            modelFiles.load(file.toPath());
        }
    }

    private Window window() {
        return saveButton.getScene().getWindow();
    }
}
