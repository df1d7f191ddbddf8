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
 * A spinner that edits a view-model's property within a range, and typed input in it. Its converter never throws
 * (JavaFX's own throw a NumberFormatException on the FX thread when the spinner commits): a text that is not a number
 * of the spinner's kind, or lies outside its range, keeps the spinner's value, marks the field and is explained in
 * one sentence that names the range. {@link #guard(Spinner, String, FieldProblems)} names the field and hands the
 * sentence to the pane's {@link FieldProblems}, so that the pane's action refuses to run with the value the field
 * kept; a good text clears the mark and the sentence.
 */
public final class SpinnerInput {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final String CHECK = SpinnerInput.class.getName();

    private SpinnerInput() {
    }

    /** What a spinner does with a bad text: {@code bad} when it is committed, {@code good} when the text is good. */
    private record Check(String name, Consumer<String> bad, Runnable good, boolean keepsText) {
    }

    /** The spinner edits {@code value}, a whole number from {@code min} to {@code max}, stepping by {@code step}. */
    public static void integers(Spinner<Integer> spinner, int min, int max, int step, Property<Integer> value) {
        int start = value.getValue() == null ? min : value.getValue();
        edit(spinner, new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, start, step), value, true);
    }

    /** The spinner edits {@code value}, a number from {@code min} to {@code max}, stepping by {@code step}. */
    public static void decimals(Spinner<Double> spinner, double min, double max, double step, Property<Double> value) {
        double start = value.getValue() == null ? min : value.getValue();
        edit(spinner, new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, start, step), value, false);
    }

    private static <T extends Number> void edit(Spinner<T> spinner, SpinnerValueFactory<T> factory, Property<T> value,
                                                boolean whole) {
        factory.setConverter(converter(spinner, whole)); // before the factory shows its first value
        spinner.setValueFactory(factory);
        factory.valueProperty().bindBidirectional(value);
        watch(spinner, whole);
    }

    /**
     * Names {@code spinner} {@code name}: a bad text it is left with is said to {@code problems} and stays in the
     * field, marked, until fixed; the pane's action asks {@code problems} first.
     */
    public static void guard(Spinner<?> spinner, String name, FieldProblems problems) {
        spinner.getProperties().put(CHECK, new Check(name, sentence -> problems.report(spinner, sentence),
                () -> problems.fixed(spinner), true));
    }

    /**
     * Names {@code spinner} {@code name}: a bad text it is left with is handed to {@code problem}, and the field
     * shows the value it keeps again.
     */
    public static void guard(Spinner<?> spinner, String name, Consumer<String> problem) {
        spinner.getProperties().put(CHECK, new Check(name, problem, () -> { }, false));
    }

    /** The sentence for a typed text outside [min, max], or null when the text is a good value. */
    static String problem(String name, String text, double min, double max, boolean whole) {
        return parse(text, min, max, whole) != null ? null : name + " must be " + (whole ? "a whole number" : "a number")
                + " from " + format(min, whole) + " to " + format(max, whole) + " (" + got(text) + ").";
    }

    /** The value {@code text} stands for, or null when it is no number of the kind or lies outside [min, max]. */
    static Number parse(String text, double min, double max, boolean whole) {
        String trimmed = text == null ? "" : text.trim();
        String clean = whole ? trimmed.replace(",", "").replace("_", "") : trimmed;
        try {
            Number value = whole ? (Number) Long.parseLong(clean) : (Number) Double.parseDouble(clean);
            double number = value.doubleValue();
            if (!(number >= min && number <= max)) {
                return null;
            }
            return whole ? (Number) Integer.valueOf(value.intValue()) : value;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static String got(String text) {
        String typed = text == null ? "" : text.trim();
        return typed.isEmpty() ? "the field is empty" : "got '" + typed + "'";
    }

    private static Check check(Spinner<?> spinner) {
        Object check = spinner.getProperties().get(CHECK);
        return check instanceof Check named ? named : new Check("This field", sentence -> { }, () -> { }, false);
    }

    /** The spinner's sentence for {@code text}, in the range its factory has now (a pane may narrow it), or null. */
    private static String problem(Spinner<?> spinner, String text, boolean whole) {
        String name = check(spinner).name();
        if (spinner.getValueFactory() instanceof SpinnerValueFactory.IntegerSpinnerValueFactory ints) {
            return problem(name, text, ints.getMin(), ints.getMax(), whole);
        }
        var doubles = (SpinnerValueFactory.DoubleSpinnerValueFactory) spinner.getValueFactory();
        return problem(name, text, doubles.getMin(), doubles.getMax(), whole);
    }

    /** Marks the field while its text is bad, as it is typed; a good text clears the mark and the problem. */
    private static void watch(Spinner<?> spinner, boolean whole) {
        Tooltip usual = spinner.getTooltip();
        spinner.getEditor().textProperty().addListener((obs, old, text) -> {
            Check check = check(spinner);
            String sentence = problem(spinner, text, whole);
            spinner.pseudoClassStateChanged(INVALID, sentence != null);
            spinner.setTooltip(sentence == null ? usual : new Tooltip(sentence));
            if (sentence == null) {
                check.good().run();
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static <T extends Number> StringConverter<T> converter(Spinner<?> spinner, boolean whole) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : whole ? Long.toString(value.longValue()) : stripZeros(value.doubleValue());
            }

            @Override
            public T fromString(String text) {
                String sentence = problem(spinner, text, whole);
                if (sentence == null) {
                    return (T) parse(text, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, whole);
                }
                Check check = check(spinner);
                T kept = (T) spinner.getValue();
                check.bad().accept(sentence);
                if (!check.keepsText()) {
                    spinner.getEditor().setText(toString(kept)); // the field shows the value it keeps
                }
                return kept;
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
