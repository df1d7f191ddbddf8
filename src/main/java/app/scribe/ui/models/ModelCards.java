package app.scribe.ui.models;

import app.scribe.Printable;
import app.scribe.model.Hyperparameters;
import app.scribe.persistence.ModelFile;
import app.scribe.persistence.ModelSummary;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** The saved models as cards (book, cell, size, step, validation loss, date), and asking before a rename or delete. */
public final class ModelCards {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private ModelCards() {
    }

    /** Two lines: the file and its book, then what the model is; or the file and why it cannot be read. */
    static String text(Path file, ModelSummary summary, boolean starter) {
        String name = (starter ? "starter · " : "") + Printable.escape(file.getFileName().toString());
        if (summary == null) {
            return name;
        }
        if (summary.damaged()) {
            return name + "\ndamaged: " + summary.problem();
        }
        Hyperparameters hp = summary.hyperparameters();
        return name + " · " + Printable.escape(summary.book()) + "\n"
                + String.format("%s %d x %d · %,d parameters · step %,d%s · %s", hp.cell().id(), hp.layers(),
                hp.hiddenSize(), summary.parameters(), summary.step(), summary.validationLoss() == null ? ""
                        : String.format(" · validation %.3f", summary.validationLoss()),
                DATE.format(summary.modified()));
    }

    /** The picker's cards wrap to this width, which fits a 1024-pixel screen beside the tool bar's start. */
    static final double CARD_WIDTH = 560;

    /** A card in the picker's list; {@code oneLine} for the picker's own button, which shows the file name only. */
    public static ListCell<Path> cell(ReadOnlyObjectProperty<Map<Path, ModelSummary>> summaries,
                                     Predicate<Path> starter, boolean oneLine) {
        return new ListCell<>() {
            {
                summaries.addListener((obs, old, now) -> show(getItem(), isEmpty()));
                if (!oneLine) {
                    // The list is as wide as its widest card: a card wraps a long name rather than widen it off the
                    // screen.
                    setWrapText(true);
                    setPrefWidth(CARD_WIDTH);
                }
            }

            @Override
            protected void updateItem(Path file, boolean empty) {
                super.updateItem(file, empty);
                show(file, empty);
            }

            private void show(Path file, boolean empty) {
                if (empty || file == null) {
                    setText(oneLine ? "saved and starter models" : null); // the picker's own button says what it holds
                } else {
                    setText(oneLine ? file.getFileName().toString()
                            : text(file, summaries.get().get(file), starter.test(file)));
                    getStyleClass().remove("damaged-model");
                    ModelSummary summary = summaries.get().get(file);
                    if (!oneLine && summary != null && summary.damaged()) {
                        getStyleClass().add("damaged-model");
                    }
                }
            }
        };
    }

    public static boolean confirmDelete(Window owner, Path file) {
        ButtonType delete = new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Delete " + file.getFileName()
                + " from the models folder? This cannot be undone.", delete, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setHeaderText("Delete this model?");
        Button deleteButton = (Button) alert.getDialogPane().lookupButton(delete);
        deleteButton.setId("confirmDeleteButton");
        // Enter must not delete: Cancel is the default button.
        deleteButton.setDefaultButton(false);
        Button cancel = (Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setId("cancelDeleteButton");
        cancel.setDefaultButton(true);
        return alert.showAndWait().orElse(ButtonType.CANCEL) == delete;
    }

    public static Optional<String> askNewName(Window owner, Path file) {
        String name = file.getFileName().toString();
        TextInputDialog dialog = new TextInputDialog(name.substring(0, name.length() - ModelFile.EXTENSION.length()));
        dialog.initOwner(owner);
        dialog.setTitle("Rename model");
        dialog.setHeaderText("Rename " + name + " to:");
        dialog.getEditor().setId("newModelName");
        dialog.getDialogPane().lookupButton(ButtonType.OK).setId("confirmRenameButton");
        return dialog.showAndWait();
    }
}
