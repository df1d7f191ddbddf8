package app.scribe.ui.shell;

import app.scribe.ui.common.Session;
import app.scribe.ui.models.ModelFilesViewModel;
import app.scribe.ui.training.TrainingViewModel;

import app.scribe.persistence.ModelFile;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;

/** The window's title: the model's file name, an asterisk while it has training no file holds, and the book. */
public final class WindowTitle {
    private WindowTitle() {
    }

    /** "Scribe — vf-lstm.scribe* · vf.txt"; {@code model} or {@code book} may be null. */
    static String of(String model, boolean unsaved, String book) {
        StringBuilder title = new StringBuilder("Scribe");
        if (model != null) {
            title.append(" — ").append(model).append(unsaved ? "*" : "");
        }
        if (book != null) {
            title.append(model == null ? " — " : " · ").append(book);
        }
        return title.toString();
    }

    /** Follows the model, its name, its saves, the book and each step of training (which the status reports). */
    static StringBinding of(Session session, ModelFilesViewModel modelFiles, TrainingViewModel training) {
        return Bindings.createStringBinding(() -> of(
                        session.modelProperty().get() == null ? null : modelFiles.nameProperty().get() + ModelFile.EXTENSION,
                        modelFiles.hasUnsavedTraining(),
                        session.corpusProperty().get() == null ? null : session.corpusProperty().get().name()),
                session.modelProperty(), session.corpusProperty(), modelFiles.nameProperty(),
                modelFiles.lastFileProperty(), training.statusProperty());
    }
}
