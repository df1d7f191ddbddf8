package app.scribe.ui.generate;

import app.scribe.ScribeException;
import app.scribe.corpus.Corpus;
import app.scribe.corpus.CorpusInfo;
import app.scribe.corpus.RecordText;
import app.scribe.generation.RecordSampler;
import app.scribe.generation.SamplingSettings;
import app.scribe.ui.common.BackgroundWork;
import app.scribe.ui.common.Session;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Locale;
import java.util.Set;

/**
 * The Generate tab's records, for a model trained on records: "Write 20 records" draws whole records with the tab's
 * temperature, top-k, top-p, penalty and seed, and lists them marked new or copied (found verbatim among the records
 * of the book the model learnt from, when that book is open as records in Books). Shown only for such a model.
 */
public final class RecordsView extends VBox {
    static final int COUNT = 20;

    private final GenerationViewModel generation;
    private final Session session;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final Button writeButton = new Button("Write " + COUNT + " records");
    private final CheckBox newOnlyCheck = new CheckBox("new only");
    private final ListView<Row> list = new ListView<>(rows);
    private final Label summary = new Label();
    private final BooleanBinding listing;

    /** One record listed: {@code checked} when the training records were there to compare it with. */
    record Row(RecordSampler.Item item, boolean checked) {
        String mark() {
            return !checked ? "?" : item.copied() ? "copied" : "new";
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-7s %s   (%.2f nats/char)", mark(), item.text().replace("\n", " / "),
                    -item.score());
        }
    }

    public RecordsView(GenerationViewModel generation) {
        super(4);
        this.generation = generation;
        this.session = generation.session();
        setId("recordsView");
        writeButton.setId("writeRecordsButton");
        writeButton.setMinWidth(USE_PREF_SIZE);
        newOnlyCheck.setId("newOnlyCheck");
        newOnlyCheck.setMinWidth(USE_PREF_SIZE);
        newOnlyCheck.setTooltip(new Tooltip("Draw until every record is new: none found in the book, none twice (at "
                + "most " + RecordSampler.MAX_DRAWS_PER_RECORD + " draws per record)"));
        list.setId("recordsList");
        list.setPrefHeight(200);
        list.setMinHeight(120);
        VBox.setVgrow(list, Priority.ALWAYS);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(Row row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.toString());
            }
        });
        summary.setId("recordsSummary");
        summary.setWrapText(true);
        HBox bar = new HBox(6, writeButton, newOnlyCheck);
        bar.setAlignment(Pos.CENTER_LEFT);
        getChildren().setAll(bar, list, summary);
        visibleProperty().bind(Bindings.createBooleanBinding(() -> records() != null, session.modelProperty()));
        managedProperty().bind(visibleProperty());
        listing = visibleProperty().and(Bindings.isNotEmpty(rows));
        list.visibleProperty().bind(listing);
        list.managedProperty().bind(listing);
        summary.managedProperty().bind(summary.textProperty().isNotEmpty());
        session.modelProperty().addListener((obs, old, now) -> clear());
        writeButton.setOnAction(e -> write());
    }

    /**
     * Whether records are listed: the list then takes the room of the generated text, which gives way to it (the text
     * beside it would be another one, often of another model).
     */
    public BooleanBinding listing() {
        return listing;
    }

    /** Empties the list, for a new text or another model. */
    public void clear() {
        rows.clear();
        summary.setText("");
    }

    /** The records in the list, in the order they were drawn. */
    public ObservableList<Row> rows() {
        return rows;
    }

    private CorpusInfo.RecordsInfo records() {
        Session.ModelState state = session.modelProperty().get();
        return state == null || state.corpus() == null ? null : state.corpus().records();
    }

    private void write() {
        Session.ModelState state = session.modelOrExplain();
        CorpusInfo.RecordsInfo records = records();
        if (state == null || records == null) {
            return;
        }
        SamplingSettings settings;
        long seed;
        try {
            settings = generation.form().samplingSettings();
            seed = generation.form().parseSeed();
        } catch (ScribeException e) {
            session.messages().error(e.getMessage());
            return;
        }
        Corpus open = session.corpusProperty().get();
        Corpus book = open != null && open.isRecords() && open.sha256().equals(state.corpus().sha256()) ? open : null;
        boolean newOnly = newOnlyCheck.isSelected();
        rows.clear();
        writeButton.setDisable(true);
        summary.setText("Writing " + COUNT + " records…");
        session.modelCopy().thenApplyAsync(copy -> {
            Set<String> known = book == null ? Set.of() : RecordText.of(book).texts();
            return new RecordSampler(copy, state.vocabulary(), records.longest())
                    .write(COUNT, newOnly, known, settings, seed, item -> { }, () -> false);
        }, session.background().generation()).whenComplete((written, failure) -> BackgroundWork.onFx(() -> {
            writeButton.setDisable(false);
            if (failure != null) {
                summary.setText("");
                session.messages().failure(failure);
                return;
            }
            written.items().forEach(item -> rows.add(new Row(item, book != null)));
            summary.setText(describe(written, book != null, state.corpus().name()));
        }));
    }

    private static String describe(RecordSampler.Written written, boolean checked, String book) {
        String counts = checked ? String.format("%d new, %d copied from %s", written.fresh(), written.copied(), book)
                : "Not compared with the book: open " + book + " as Records in Books to tell new records from copied";
        return String.format(Locale.ROOT, "%s. %d draws, %.0f%% well-formed%s.", counts, written.drawn(),
                100 * written.wellFormedShare(), written.exhausted() ? "; stopped at the draw limit" : "");
    }
}
