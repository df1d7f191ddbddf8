package app.scribe.ui.generate;

import app.scribe.ui.common.BackgroundWork;
import app.scribe.ui.common.Session;

import app.scribe.ScribeException;
import app.scribe.generation.Generator;
import app.scribe.generation.SamplingSettings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * One prompt written at several temperatures side by side, all with the same seed: the seed report's table
 * (T = 0.5 / 1.0 / 2.0 by default). Prompt, length, seed and the rest of the sampling settings (greedy, top-k,
 * top-p, repetition penalty) are those of the Generate tab; only the temperature differs from column to column.
 */
public final class TemperatureGridViewModel {
    /** One column of the grid. */
    public record Column(double temperature, String text) {
    }

    static final int MAX_COLUMNS = 8;

    private final Session session;
    private final GenerationViewModel generation;
    private final StringProperty temperatures = new SimpleStringProperty("0.5, 1.0, 2.0");
    private final ObservableList<Column> columns = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);

    public TemperatureGridViewModel(Session session, GenerationViewModel generation) {
        this.session = session;
        this.generation = generation;
    }

    public StringProperty temperaturesProperty() { return temperatures; }
    public ObservableList<Column> columns() { return columns; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }

    /** The temperatures typed in, checked: one to {@value #MAX_COLUMNS} numbers that {@link SamplingSettings} takes. */
    public List<Double> parseTemperatures() {
        List<Double> out = new ArrayList<>();
        for (String part : temperatures.get().split("[,;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            double t;
            try {
                t = Double.parseDouble(part);
            } catch (NumberFormatException e) {
                throw new ScribeException("Temperatures must be numbers separated by commas, such as 0.5, 1.0, 2.0 (got '"
                        + part + "').");
            }
            out.add(SamplingSettings.plain().withTemperature(t).temperature());
        }
        if (out.isEmpty() || out.size() > MAX_COLUMNS) {
            throw new ScribeException("Give between 1 and " + MAX_COLUMNS + " temperatures (got " + out.size() + ").");
        }
        return out;
    }

    public void generate() {
        if (running.get()) {
            return;
        }
        Session.ModelState state = session.modelOrExplain();
        if (state == null) {
            return;
        }
        List<Double> ts;
        long seed;
        SamplingSettings settings;
        String prompt = generation.form().typedPrompt();
        int length = generation.form().lengthProperty().get();
        try {
            ts = parseTemperatures();
            seed = generation.form().parseSeed();
            settings = generation.form().samplingSettings();
            new Generator(state.model(), state.vocabulary()).encodePrompt(prompt);
        } catch (ScribeException e) {
            session.messages().error(e.getMessage());
            return;
        }
        running.set(true);
        columns.clear();
        session.modelCopy().thenAcceptAsync(copy -> {
            Generator generator = new Generator(copy, state.vocabulary());
            for (double t : ts) {
                String text = generator.generate(prompt, length, settings.withTemperature(t), seed, ch -> { },
                        () -> false);
                BackgroundWork.onFx(() -> columns.add(new Column(t, prompt + text)));
            }
        }, session.background().generation()).whenComplete((ok, failure) -> BackgroundWork.onFx(() -> {
            running.set(false);
            if (failure != null) {
                session.messages().failure(failure);
            }
        }));
    }
}
