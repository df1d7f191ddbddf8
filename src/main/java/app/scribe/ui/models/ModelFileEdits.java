package app.scribe.ui.models;

import app.scribe.persistence.ModelFolder;
import app.scribe.ui.common.Session;
import app.scribe.ui.training.TrainingViewModel;
import javafx.beans.value.ObservableObjectValue;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Renaming and deleting the saved models of the models folder, off the FX thread; never a starter, never the model
 * in use, never under a training run.
 */
public final class ModelFileEdits {
    private final Session session;
    private final TrainingViewModel training;
    private final ModelFolder folder;
    private final ModelList list;
    private final ObservableObjectValue<ModelFilesViewModel.SavedFile> lastFile;

    ModelFileEdits(Session session, TrainingViewModel training, ModelFolder folder, ModelList list,
                   ObservableObjectValue<ModelFilesViewModel.SavedFile> lastFile) {
        this.session = session;
        this.training = training;
        this.folder = folder;
        this.list = list;
        this.lastFile = lastFile;
    }

    /** Renames a saved model, never over another file nor the model in use; {@code then} gets the new, listed file. */
    public void rename(Path file, String newName, Consumer<Path> then) {
        if (!refuseInUse(file, "rename")) {
            session.background().io(() -> folder.rename(file, newName), renamed -> {
                list.refresh();
                then.accept(renamed);
                session.messages().info("Renamed " + file.getFileName() + " to " + renamed.getFileName() + ".");
            }, session.messages()::failure);
        }
    }

    /** Deletes a saved model, never the model in use. */
    public void delete(Path file) {
        if (!refuseInUse(file, "delete")) {
            session.background().io(() -> {
                folder.delete(file);
                return file;
            }, deleted -> {
                list.refresh();
                session.messages().info("Deleted " + deleted.getFileName() + ".");
            }, session.messages()::failure);
        }
    }

    /** Nothing is renamed or deleted under a training run, nor the file the current model came from or went to. */
    private boolean refuseInUse(Path file, String action) {
        String why = training.isBusy() ? "Stop training before you " + action + " a model file."
                : whyKept(file);
        if (why != null) {
            session.messages().error(why);
        }
        return why != null;
    }

    /** Why {@code file} cannot be renamed or deleted now (a starter, or the model in use), or null when it can. */
    public String whyKept(Path file) {
        if (list.isStarter(file)) {
            return file.getFileName() + " is a starter model, which Scribe never changes: load it and Save keeps your"
                    + " own copy.";
        }
        ModelFilesViewModel.SavedFile current = lastFile.get();
        if (session.modelProperty().get() != null && current != null && current.file().equals(ModelNames.key(file))) {
            return file.getFileName() + " holds the model in use: press New model first to rename or delete it.";
        }
        return null;
    }
}
