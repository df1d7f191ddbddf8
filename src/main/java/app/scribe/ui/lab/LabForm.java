package app.scribe.ui.lab;

import app.scribe.ScribeException;
import app.scribe.ui.common.ChoiceLabels;
import app.scribe.ui.common.FileDialogs;
import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A Lab page's form: labelled fields with their message beside them, which the form keeps. Reading it marks and
 * explains every field it refuses at once, and counts them, instead of stopping at the first.
 */
final class LabForm extends GridPane {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    /** The page's id, which starts the id of each of its fields. */
    private final String page;
    private final Map<Node, Label> messages = new LinkedHashMap<>();
    /** The fields refused since the form was last read from the start. */
    private int refused;
    private int rows;
    /** What checks the whole form when a field is committed (left, Enter pressed, a choice made). */
    private Runnable check = () -> { };

    LabForm(String page) {
        this.page = page;
        setHgap(8);
        setVgap(4);
    }

    /** {@code check} reads the whole form, marking what it refuses, each time a field is committed. */
    void checkOnCommit(Runnable check) {
        this.check = check;
    }

    /** A new reading of the whole form: no field refused yet. */
    void startReading() {
        refused = 0;
    }

    int refused() {
        return refused;
    }

    /**
     * Adds a labelled control, its id the page's and {@code name}, with a message label beside it; returns the control,
     * so that a page declares each of its fields in one line (the rows in the order of the declarations).
     */
    <T extends Node> T field(String label, T control, String name) {
        return field(label, control, control, name);
    }

    /** A field (see {@link #field}) shown in {@code shown}, a row of it and what goes with it. */
    private <T extends Node> T field(String label, T control, Node shown, String name) {
        control.setId(page + name);
        checkWhenCommitted(control);
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.setStyle("-fx-text-fill: #b00020;");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.setMinWidth(160);
        GridPane.setHgrow(error, Priority.ALWAYS);
        messages.put(control, error);
        Label title = new Label(label);
        title.setMinWidth(Region.USE_PREF_SIZE);
        addRow(rows++, title, shown, error);
        return control;
    }

    /** A text field is committed when it is left or Enter is pressed in it; a choice when it is made. */
    private void checkWhenCommitted(Node control) {
        if (control instanceof TextField text) {
            text.focusedProperty().addListener((obs, was, now) -> {
                if (!now) {
                    check.run();
                }
            });
            text.addEventHandler(ActionEvent.ACTION, e -> check.run());
        } else if (control instanceof ChoiceBox<?> box) {
            box.valueProperty().addListener(o -> check.run());
        }
    }

    /** A text file's path (see {@link #field}), wide enough for a long one, with Browse… beside it to pick it. */
    TextField file(String label, String name, String path) {
        TextField field = new TextField(path);
        field.setPrefColumnCount(36);
        Button browse = new Button("Browse…");
        browse.setId(page + name + "Browse");
        browse.setMinWidth(Region.USE_PREF_SIZE);
        browse.setOnAction(e -> FileDialogs.openText(browse, "Choose a text file", file ->
                field.setText(file.toAbsolutePath().toString())));
        HBox row = new HBox(6, field, browse);
        HBox.setHgrow(field, Priority.ALWAYS);
        return field(label, field, row, name);
    }

    /** A text field (see {@link #field}) that starts with {@code text}. */
    TextField text(String label, String name, String text) {
        return field(label, new TextField(text), name);
    }

    /** A choice of {@code items} shown by {@code label}, {@code chosen} at first. */
    static <T> ChoiceBox<T> choice(List<T> items, T chosen, Function<T, String> label) {
        ChoiceBox<T> box = new ChoiceBox<>(FXCollections.observableArrayList(items));
        box.setConverter(new ChoiceLabels<>(label));
        box.setValue(chosen);
        return box;
    }

    /**
     * Reads a field. A refusal is shown beside it, the field is marked, and null comes back so that the form's other
     * fields are read too: every bad field is explained at once, and the run does not start.
     */
    <T> T read(Node field, Reader<T> reader) {
        String problem;
        try {
            T value = reader.read();
            clear(field);
            return value;
        } catch (ScribeException e) {
            problem = e.getMessage();
        } catch (NumberFormatException e) {
            problem = "This is not a number.";
        }
        mark(field, problem.isEmpty() ? problem : Character.toUpperCase(problem.charAt(0)) + problem.substring(1));
        refused++;
        return null;
    }

    /** The field is not refused (or not read this time): no mark, no message. */
    void clear(Node field) {
        mark(field, null);
    }

    private void mark(Node field, String problem) {
        messages.get(field).setText(problem == null ? "" : problem);
        field.pseudoClassStateChanged(INVALID, problem != null);
    }

    /** A whole number from a field, refused outside [min, max]. */
    static int whole(TextField field, int min, int max, String name) {
        int v = integer(field.getText());
        if (v < min || v > max) {
            throw new ScribeException(ScribeException.opening(name) + " must be between " + min + " and " + max + ".");
        }
        return v;
    }

    /**
     * A whole number from a text; one too large for an int reads as the largest (or smallest) int, so that a range
     * check refuses it with its range rather than as no number. Throws a NumberFormatException for no whole number.
     */
    static int integer(String text) {
        String digits = text.strip();
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            if (!digits.matches("[+-]?[0-9]+")) {
                throw e;
            }
            return digits.startsWith("-") ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        }
    }

    /** The file named {@code file} (a model's), refused when there is none. */
    static Path existingFile(String file) {
        Path p = Path.of(file);
        if (!Files.isRegularFile(p)) {
            throw new ScribeException("There is no file " + file + ".");
        }
        return p;
    }

    /** Reads one field's value, throwing a ScribeException or NumberFormatException to refuse it. */
    interface Reader<T> {
        T read();
    }

    /** The sentence for the fields refused at the last reading. */
    String fixFields() {
        return refused == 1 ? "Fix the field marked in red." : "Fix the " + refused + " fields marked in red.";
    }
}
