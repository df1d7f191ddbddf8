package app.scribe.ui.lab;

import app.scribe.ScribeException;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Lab page's form: labelled fields with their message beside them. Reading it marks and explains every field it
 * refuses at once, and counts them, instead of stopping at the first.
 */
final class LabForm extends GridPane {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final Map<Label, Node> fieldErrors = new LinkedHashMap<>();
    /** The fields refused since the form was last read from the start. */
    private int refused;
    private int rows;

    LabForm() {
        setHgap(8);
        setVgap(4);
    }

    /** A new reading of the whole form: no field refused yet. */
    void startReading() {
        refused = 0;
    }

    int refused() {
        return refused;
    }

    /** Adds a labelled control with a message label beside it; returns that label. */
    Label field(String label, Node control) {
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.setStyle("-fx-text-fill: #b00020;");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.setMinWidth(160);
        GridPane.setHgrow(error, Priority.ALWAYS);
        fieldErrors.put(error, control);
        Label name = new Label(label);
        name.setMinWidth(Region.USE_PREF_SIZE);
        addRow(rows++, name, control, error);
        return error;
    }

    /**
     * Reads a field. A refusal is shown beside it, the field is marked, and null comes back so that the form's other
     * fields are read too: every bad field is explained at once, and the run does not start.
     */
    <T> T read(Label error, Reader<T> reader) {
        String problem;
        try {
            T value = reader.read();
            mark(error, null);
            return value;
        } catch (ScribeException e) {
            problem = e.getMessage();
        } catch (NumberFormatException e) {
            problem = "this is not a number.";
        }
        mark(error, problem);
        refused++;
        return null;
    }

    private void mark(Label error, String problem) {
        error.setText(problem == null ? "" : problem);
        Node control = fieldErrors.get(error);
        if (control != null) {
            control.pseudoClassStateChanged(INVALID, problem != null);
        }
    }

    /** A whole number from a field, refused outside [min, max]. */
    static int whole(TextField field, int min, int max, String name) {
        int v = Integer.parseInt(field.getText().strip());
        if (v < min || v > max) {
            throw new ScribeException(name + " must be between " + min + " and " + max + ".");
        }
        return v;
    }

    /** The file named {@code file} (a model's), refused when there is none. */
    static Path existingFile(String file) {
        Path p = Path.of(file);
        if (!Files.isRegularFile(p)) {
            throw new ScribeException("there is no file " + file + ".");
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
