package app.scribe.ui.inside;

import app.scribe.ui.common.BackgroundWork;
import app.scribe.ui.common.FieldProblems;
import app.scribe.ui.common.Session;

import app.scribe.analysis.InterestingCells;
import app.scribe.analysis.TextTrace;
import app.scribe.analysis.Tracer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;


/**
 * The Inside tab: the model reads a text and one cell's state (an LSTM's memory c, a GRU's or RNN's output h) is
 * shown on every character, as in
 * "Visualizing and Understanding Recurrent Networks". The user picks a layer and a cell, or one of the cells Scribe
 * finds interesting (most variable; following quotes; following the position in the line).
 */
public final class CellsViewModel {
    /** More characters than this make the heatmap too slow to draw; longer texts are cut. */
    public static final int MAX_CHARACTERS = 3000;
    private static final int CELLS_PER_CRITERION = 4;

    /** Said when Read finds no text; taken back once there is one. */
    static final String NO_TEXT = "Type or paste a text to look inside the model with, or use the generated text.";

    private final Session session;
    private final FieldProblems problems;
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<Integer> layer = new SimpleObjectProperty<>(1);
    private final ObjectProperty<Integer> unit = new SimpleObjectProperty<>(0);
    private final ReadOnlyObjectWrapper<TextTrace> trace = new ReadOnlyObjectWrapper<>();
    private final ObservableList<InterestingCells.Cell> interesting = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper(false);

    public CellsViewModel(Session session) {
        this.session = session;
        this.problems = new FieldProblems(session.messages());
        text.addListener((obs, old, now) -> {
            if (now != null && !now.isEmpty()) {
                session.messages().withdraw(NO_TEXT);
            }
        });
        // What the Inside tab shows belongs to one model: another (or none) clears it, more training reads it again.
        session.modelProperty().addListener((obs, old, now) -> {
            trace.set(null);
            interesting.clear();
        });
        session.runsEndedProperty().addListener((obs, old, now) -> {
            if (trace.get() != null) {
                read();
            }
        });
    }

    public StringProperty textProperty() { return text; }
    /** 1-based, as shown. */
    public ObjectProperty<Integer> layerProperty() { return layer; }
    public ObjectProperty<Integer> unitProperty() { return unit; }
    public ReadOnlyObjectProperty<TextTrace> traceProperty() { return trace.getReadOnlyProperty(); }
    public ObservableList<InterestingCells.Cell> interesting() { return interesting; }
    public ReadOnlyBooleanProperty readingProperty() { return reading.getReadOnlyProperty(); }
    /** What is wrong with the layer or cell typed. */
    public FieldProblems problems() { return problems; }

    /** Reads the text with the current model, recording every cell, and ranks the cells; off the FX thread. */
    public void read() {
        Session.ModelState state = session.modelOrExplain();
        String source = state == null ? null : session.textOrExplain(text.get(), NO_TEXT);
        if (source == null) {
            return;
        }
        if (source.codePointCount(0, source.length()) > MAX_CHARACTERS) {
            source = source.substring(0, source.offsetByCodePoints(0, MAX_CHARACTERS));
            session.messages().info("The heatmap shows the first " + MAX_CHARACTERS + " characters.");
        }
        String toRead = state.vocabulary().prepare(source);
        reading.set(true);
        session.modelCopy().thenApplyAsync(copy -> {
            TextTrace read = new Tracer(copy, state.vocabulary()).trace("", toRead, true);
            return new Reading(read, InterestingCells.rank(read, CELLS_PER_CRITERION));
        }, session.background().generation()).whenComplete((result, failure) -> BackgroundWork.onFx(() -> {
            reading.set(false);
            if (failure != null) {
                session.messages().failure(failure);
                return;
            }
            interesting.setAll(result.cells());
            trace.set(result.trace());
            if (!result.cells().isEmpty()) {
                pick(result.cells().get(0));
            } else {
                layer.set(Math.min(layer.get(), result.trace().layers()));
                unit.set(Math.min(unit.get(), result.trace().hiddenSize() - 1));
            }
        }));
    }

    public void pick(InterestingCells.Cell cell) {
        if (cell != null) {
            layer.set(cell.layer() + 1);
            unit.set(cell.unit());
        }
    }

    private record Reading(TextTrace trace, java.util.List<InterestingCells.Cell> cells) {
    }

    /** The shown cell's activation (tanh of an LSTM's memory, else h) at each position of the trace. */
    public double[] values() {
        TextTrace read = trace.get();
        double[] out = new double[read == null ? 0 : read.length()];
        int cell = (layer.get() - 1) * (read == null ? 0 : read.hiddenSize()) + unit.get();
        for (int i = 0; i < out.length; i++) {
            out[i] = InterestingCells.activation(read, i, cell, read.hiddenSize());
        }
        return out;
    }
}
