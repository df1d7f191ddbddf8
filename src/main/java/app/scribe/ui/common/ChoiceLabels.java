package app.scribe.ui.common;

import javafx.util.StringConverter;

import java.util.function.Function;

/** How a choice box shows its items; a choice box never turns text back into an item. */
public final class ChoiceLabels<T> extends StringConverter<T> {
    private final Function<T, String> label;

    public ChoiceLabels(Function<T, String> label) {
        this.label = label;
    }

    @Override
    public String toString(T item) {
        return item == null ? "" : label.apply(item);
    }

    @Override
    public T fromString(String text) {
        throw new UnsupportedOperationException("a choice box does not parse its items");
    }
}
