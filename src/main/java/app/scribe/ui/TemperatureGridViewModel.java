package app.scribe.ui;

import app.scribe.ScribeException;
import app.scribe.model.Generator;
import app.scribe.model.Sampler;
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
 * (T = 0.5 / 1.0 / 2.0 by default). Prompt, length and seed are those of the Generate tab.
 */
public final class TemperatureGridViewModel {
    /** One column of the grid. */
    public record Column(double temperature, String text) {
    }

    static final int MAX_COLUMNS = 8;

    private final Session session;
    private final TrainingViewModel training;
    private final GenerationViewModel generation;
    private final StringProperty temperatures = new SimpleStringProperty("0.5, 1.0, 2.0");
    private final ObservableList<Column> columns = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);

    public TemperatureGridViewModel(Session session, TrainingViewModel training, GenerationViewModel generation) {
        this.session = session;
        this.training = training;
        this.generation = generation;
    }

    public StringProperty temperaturesProperty() { return temperatures; }
    public ObservableList<Column> columns() { return columns; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }

    /** The temperatures typed in, checked: one to {@value #MAX_COLUMNS} numbers above 0 and at most 10. */
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
                throw new ScribeException("temperatures must be numbers separated by commas, such as 0.5, 1.0, 2.0 (got '"
                        + part + "').");
            }
            if (!(t > 0 && t <= 10)) {
                throw new ScribeException("each temperature must be above 0 and at most 10 (got " + part + ").");
            }
            out.add(t);
        }
        if (out.isEmpty() || out.size() > MAX_COLUMNS) {
            throw new ScribeException("give between 1 and " + MAX_COLUMNS + " temperatures (got " + out.size() + ").");
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
        String prompt = generation.promptProperty().get() == null ? "" : generation.promptProperty().get();
        int length = generation.lengthProperty().get();
        try {
            ts = parseTemperatures();
            seed = Long.parseLong(generation.seedProperty().get().trim());
            new Generator(state.model(), state.vocabulary()).encodePrompt(prompt);
        } catch (NumberFormatException e) {
            session.messages().error("seed must be a whole number (got '" + generation.seedProperty().get() + "').");
            return;
        } catch (ScribeException e) {
            session.messages().error(e.getMessage());
            return;
        }
        running.set(true);
        columns.clear();
        training.modelForGeneration().thenAcceptAsync(copy -> {
            Generator generator = new Generator(copy, state.vocabulary());
            for (double t : ts) {
                String text = generator.generate(prompt, length, Sampler.temperature(t), seed, ch -> { }, () -> false);
                Background.onFx(() -> columns.add(new Column(t, prompt + text)));
            }
        }, session.background().generation()).whenComplete((ok, failure) -> Background.onFx(() -> {
            running.set(false);
            if (failure != null) {
                session.messages().failure(failure);
            }
        }));
    }
}
