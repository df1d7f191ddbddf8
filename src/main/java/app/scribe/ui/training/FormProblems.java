package app.scribe.ui.training;

import javafx.collections.MapChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;

import java.util.List;

/**
 * How the Train tab shows the problems of its {@link TrainingForm}: the first under the form for as long as it lasts,
 * each text field marked while it has one, and a typed text that the form filled in anew (a model brought in, New
 * model) gives way to the value it shows, taking its problem with it.
 */
final class FormProblems {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private FormProblems() {
    }

    /** {@code line} says the form's first problem; {@code spinners} show their values again when the form is filled. */
    static void show(TrainingForm form, Label line, List<Spinner<?>> spinners) {
        line.textProperty().bind(form.problems().firstSaid());
        form.filledProperty().addListener((obs, old, now) -> spinners.forEach(Spinner::cancelEdit));
    }

    /** {@code field} is marked while the form has a problem with {@code text}, the property it edits. */
    static void mark(TrainingForm form, TextField field, Object text) {
        form.problems().open().addListener((MapChangeListener<Object, String>) change ->
                field.pseudoClassStateChanged(INVALID, change.getMap().containsKey(text)));
    }
}
