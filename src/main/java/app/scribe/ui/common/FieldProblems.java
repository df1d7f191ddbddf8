package app.scribe.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import java.util.LinkedHashMap;

/**
 * What is wrong with the text typed in a pane's fields, one sentence a field, while it lasts. A field that is left
 * (or an action that is asked for) with a problem says it in the message bar; a fixed field takes its sentence back
 * from the bar; an action refuses to run while a field has a problem, so that it never runs with a value the field
 * no longer shows. Used on the FX thread.
 */
public final class FieldProblems {
    private final Messages messages;
    private final ObservableMap<Object, String> open = FXCollections.observableMap(new LinkedHashMap<>());
    private final ObservableMap<Object, String> shown = FXCollections.unmodifiableObservableMap(open);
    private final StringBinding firstSaid = Bindings.createStringBinding(
            () -> open.isEmpty() ? "" : first(), open);

    public FieldProblems(Messages messages) {
        this.messages = messages;
    }

    /** {@code field}'s text is wrong, as {@code sentence} says; not said yet (the user may still be typing). */
    public void mark(Object field, String sentence) {
        open.put(field, sentence);
    }

    /** {@code field}'s text is wrong, as {@code sentence} says, in the message bar too. */
    public void report(Object field, String sentence) {
        mark(field, sentence);
        messages.error(sentence);
    }

    /** {@code field}'s text is good now: its sentence goes, from the message bar too. */
    public void fixed(Object field) {
        String sentence = open.remove(field);
        if (sentence != null) {
            messages.withdraw(sentence);
        }
    }

    /** The first field's problem, or null when every field is good. */
    public String first() {
        return open.isEmpty() ? null : open.values().iterator().next();
    }

    /** The first field's problem as it changes, empty when every field is good: for a line under a form. */
    public StringBinding firstSaid() {
        return firstSaid;
    }

    /** The fields with a problem and their sentences, as they change: to mark the fields. */
    public ObservableMap<Object, String> open() {
        return shown;
    }

    /** True, with the first problem said in the message bar, while a field has a problem: the action must not run. */
    public boolean refuse() {
        String problem = first();
        if (problem != null) {
            messages.error(problem);
        }
        return problem != null;
    }
}
