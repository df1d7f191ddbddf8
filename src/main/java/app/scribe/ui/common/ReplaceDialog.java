package app.scribe.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Asks {@link ReplaceQuestion} in a dialog: replace the files, save under the offered name (the default), or cancel. */
public final class ReplaceDialog implements ReplaceQuestion {
    private final Window owner;

    public ReplaceDialog(Window owner) {
        this.owner = owner;
    }

    @Override
    public Answer ask(List<Path> existing, Path newName) {
        String names = existing.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(" and "));
        ButtonType replace = new ButtonType("Replace", ButtonBar.ButtonData.OTHER);
        ButtonType rename = new ButtonType("Save as " + newName.getFileName(), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, names + (existing.size() == 1 ? " was" : " were")
                + " not saved by this window: it may hold a model you loaded or trained earlier. Replace it with this "
                + "model, or save this model as " + newName.getFileName() + " and keep it?",
                replace, rename, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setHeaderText("Replace " + names + "?");
        alert.getDialogPane().lookupButton(replace).setId("replaceFileButton");
        alert.getDialogPane().lookupButton(rename).setId("newNameButton");
        alert.getDialogPane().lookupButton(ButtonType.CANCEL).setId("cancelReplaceButton");
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        return answer == replace ? Answer.REPLACE : answer == rename ? Answer.NEW_NAME : Answer.CANCEL;
    }
}
