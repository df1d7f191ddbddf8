package app.scribe.ui.common;

import javafx.beans.property.Property;
import javafx.css.PseudoClass;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A spinner that edits a view-model's property within a range, and typed input in it: a value that is not a number of the spinner's kind, or lies outside its range, keeps the
 * spinner's value, marks the field and is explained in one sentence that names the range (JavaFX's own converters
 * throw a NumberFormatException on the FX thread instead). A good value clears the mark.
 */
public final class SpinnerInput {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private SpinnerInput() {
    }

    /** The spinner edits {@code value}, a whole number from {@code min} to {@code max}, stepping by {@code step}. */
    public static void integers(Spinner<Integer> spinner, int min, int max, int step, Property<Integer> value) {
        int start = value.getValue() == null ? min : value.getValue();
        spinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, start, step));
        spinner.getValueFactory().valueProperty().bindBidirectional(value);
    }

    /** The spinner edits {@code value}, a number from {@code min} to {@code max}, stepping by {@code step}. */
    public static void decimals(Spinner<Double> spinner, double min, double max, double step, Property<Double> value) {
        double start = value.getValue() == null ? min : value.getValue();
        spinner.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, start, step));
        spinner.getValueFactory().valueProperty().bindBidirectional(value);
    }

    /** Guards {@code spinner}, named {@code name} in the sentence given to {@code problem}. */
    public static void guard(Spinner<?> spinner, String name, Consumer<String> problem) {
        SpinnerValueFactory<?> factory = spinner.getValueFactory();
        if (factory instanceof SpinnerValueFactory.IntegerSpinnerValueFactory ints) {
            ints.setConverter(converter(spinner, name, problem, ints.getMin(), ints.getMax(), true));
        } else if (factory instanceof SpinnerValueFactory.DoubleSpinnerValueFactory doubles) {
            doubles.setConverter(converter(spinner, name, problem, doubles.getMin(), doubles.getMax(), false));
        }
    }

    /** The sentence for a typed text outside [min, max], or null when the text is a good value. */
    static String problem(String name, String text, double min, double max, boolean whole) {
        String kind = whole ? "a whole number" : "a number";
        String range = kind + " from " + format(min, whole) + " to " + format(max, whole);
        try {
            double value = whole ? Long.parseLong(text.trim().replace(",", "").replace("_", ""))
                    : Double.parseDouble(text.trim());
            if (value >= min && value <= max) {
                return null;
            }
        } catch (NumberFormatException notANumber) {
            // Said below.
        }
        return name + " must be " + range + " (got '" + text.trim() + "').";
    }

    @SuppressWarnings("unchecked")
    private static <T extends Number> StringConverter<T> converter(Spinner<?> spinner, String name,
                                                                    Consumer<String> problem, double min, double max,
                                                                    boolean whole) {
        Tooltip usual = spinner.getTooltip();
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : whole ? Long.toString(value.longValue()) : stripZeros(value.doubleValue());
            }

            @Override
            public T fromString(String text) {
                String sentence = problem(name, text == null ? "" : text, min, max, whole);
                T current = (T) spinner.getValue();
                spinner.pseudoClassStateChanged(INVALID, sentence != null);
                spinner.setTooltip(sentence == null ? usual : new Tooltip(sentence));
                if (sentence != null) {
                    problem.accept(sentence);
                    spinner.getEditor().setText(toString(current)); // the field shows the value it keeps
                    return current;
                }
                String clean = text.trim().replace(",", "").replace("_", "");
                Number value = whole ? (Number) Integer.valueOf((int) Long.parseLong(clean)) : Double.valueOf(clean);
                return (T) value;
            }
        };
    }

    private static String format(double value, boolean whole) {
        return whole ? NumberFormat.getIntegerInstance(Locale.ROOT).format((long) value).replace('\u00a0', ',')
                : stripZeros(value);
    }

    private static String stripZeros(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }
}
