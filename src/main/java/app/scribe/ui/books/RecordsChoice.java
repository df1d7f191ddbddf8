package app.scribe.ui.books;

import app.scribe.corpus.RecordFormat;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The Records choice under the Books list: learn the books as a list of items (names, titles, words, quotations),
 * each record from its start to its end, one a line, between lines of a separator or between blank lines. Suggested
 * when the book looks like a list.
 */
final class RecordsChoice extends VBox {
    private static final String ONE_A_LINE = "one a line";
    private static final String SEPARATOR = "between lines of";
    private static final String BLANK = "between blank lines";

    private final CorpusViewModel corpus;
    private final CheckBox recordsCheck = new CheckBox("Records: learn each item on its own");
    private final ChoiceBox<String> splitChoice = new ChoiceBox<>();
    private final TextField separatorField = new TextField("%");
    private final Label hint = new Label();
    /** Set while the form shows the books' records rather than the user choosing: nothing is applied then. */
    private boolean showing;

    RecordsChoice(CorpusViewModel corpus) {
        super(4);
        this.corpus = corpus;
        recordsCheck.setId("recordsCheck");
        recordsCheck.setWrapText(true);
        recordsCheck.setTooltip(new Tooltip("For a text of short items: every record is learnt from a fresh start to"
                + " its end, validation holds out whole records, and Generate writes whole records, marked new or "
                + "copied"));
        splitChoice.setId("recordsSplit");
        splitChoice.getItems().setAll(ONE_A_LINE, SEPARATOR, BLANK);
        splitChoice.setValue(ONE_A_LINE);
        separatorField.setId("recordsSeparator");
        separatorField.setPrefColumnCount(3);
        separatorField.visibleProperty().bind(splitChoice.valueProperty().isEqualTo(SEPARATOR));
        separatorField.managedProperty().bind(separatorField.visibleProperty());
        splitChoice.disableProperty().bind(recordsCheck.selectedProperty().not());
        separatorField.disableProperty().bind(recordsCheck.selectedProperty().not());
        hint.setId("recordsHint");
        hint.setWrapText(true);
        hint.setMinHeight(USE_PREF_SIZE);
        hint.getStyleClass().add("hint");
        getChildren().setAll(recordsCheck, new FlowPane(6, 4, splitChoice, separatorField), hint);
        recordsCheck.selectedProperty().addListener((obs, old, now) -> apply());
        splitChoice.valueProperty().addListener((obs, old, now) -> apply());
        separatorField.setOnAction(e -> apply());
        corpus.suggestedRecordsProperty().addListener((obs, old, now) -> suggest(now));
        corpus.recordsProperty().addListener((obs, old, now) -> show(now));
    }

    /** Shows the records the books are read as (a loaded model's, say); null: one stream. */
    private void show(RecordFormat format) {
        hint.setText("");
        showing = true;
        recordsCheck.setSelected(format != null);
        if (format != null) {
            select(format);
        }
        showing = false;
    }

    private void select(RecordFormat format) {
        splitChoice.setValue(switch (format.split()) {
            case LINES -> ONE_A_LINE;
            case SEPARATOR -> SEPARATOR;
            case BLANK_LINES -> BLANK;
        });
        if (format.split() == RecordFormat.Split.SEPARATOR) {
            separatorField.setText(format.separator());
        }
    }

    /** Shows the suggestion and preselects its split, without reading the books again. */
    private void suggest(RecordFormat format) {
        if (format == null || recordsCheck.isSelected()) {
            hint.setText("");
            return;
        }
        showing = true;
        select(format);
        showing = false;
        hint.setText("This book looks like a list (" + format.describe() + "): tick Records to learn each item on "
                + "its own and write new ones.");
    }

    /** The records the form asks for, handed to the books (which reads them again); null when off. */
    private void apply() {
        if (showing) {
            return;
        }
        if (!recordsCheck.isSelected()) {
            corpus.recordsProperty().set(null);
            return;
        }
        String separator = separatorField.getText() == null ? "" : separatorField.getText().strip();
        RecordFormat format = switch (splitChoice.getValue()) {
            case SEPARATOR -> separator.isEmpty() || separator.contains("\n") ? null : RecordFormat.of(separator);
            case BLANK -> RecordFormat.BLANK_LINES;
            default -> RecordFormat.LINES;
        };
        if (format != null) {
            corpus.recordsProperty().set(format);
        }
    }
}
