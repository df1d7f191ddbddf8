package app.scribe.ui.generate;

import app.scribe.ui.common.FieldProblems;
import app.scribe.ui.common.Messages;
import app.scribe.ui.common.TypedSeed;

import app.scribe.generation.SamplingSettings;
import app.scribe.generation.StopRule;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Locale;

/**
 * The Generate tab's form: what to write (prompt, length, seed, where to stop) and how the characters are drawn
 * (greedy, temperature, top-k, top-p, repetition penalty, beam, and the most characters that may be copied verbatim
 * from the open books). Read on the FX thread; the view-models turn it into settings for the worker threads.
 */
public final class GenerationForm {
    private static final SamplingSettings PLAIN = SamplingSettings.plain();
    /** The copy limit the form offers first, when it is turned on. */
    public static final int SUGGESTED_MAX_COPY = 20;

    private final StringProperty prompt = new SimpleStringProperty("");
    private final ObjectProperty<Integer> length = new SimpleObjectProperty<>(400);
    private final BooleanProperty greedy = new SimpleBooleanProperty(false);
    private final DoubleProperty temperature = new SimpleDoubleProperty(PLAIN.temperature());
    /** 0: no top-k cut. */
    private final ObjectProperty<Integer> topK = new SimpleObjectProperty<>(0);
    private final ObjectProperty<Double> topP = new SimpleObjectProperty<>(PLAIN.topP());
    private final ObjectProperty<Double> repetitionPenalty = new SimpleObjectProperty<>(PLAIN.repetitionPenalty());
    private final ObjectProperty<Integer> beamWidth = new SimpleObjectProperty<>(0);
    /** 0: no limit on verbatim copying. */
    private final ObjectProperty<Integer> maxCopy = new SimpleObjectProperty<>(0);
    private final StringProperty stopAt = new SimpleStringProperty("");
    private final BooleanProperty stopAtSentenceEnd = new SimpleBooleanProperty(false);
    private final StringProperty seed = new SimpleStringProperty("1");
    private final FieldProblems problems;

    public GenerationForm(Messages messages) {
        this.problems = new FieldProblems(messages);
    }

    /** What is wrong with the numbers typed in the form; Generate and Write 20 refuse to run while it is not empty. */
    public FieldProblems problems() { return problems; }

    public StringProperty promptProperty() { return prompt; }
    public ObjectProperty<Integer> lengthProperty() { return length; }
    public BooleanProperty greedyProperty() { return greedy; }
    public DoubleProperty temperatureProperty() { return temperature; }
    public ObjectProperty<Integer> topKProperty() { return topK; }
    public ObjectProperty<Double> topPProperty() { return topP; }
    public ObjectProperty<Double> repetitionPenaltyProperty() { return repetitionPenalty; }
    public ObjectProperty<Integer> beamWidthProperty() { return beamWidth; }
    /** The most characters a text may copy verbatim from the open books; 0 turns the limit off. */
    public ObjectProperty<Integer> maxCopyProperty() { return maxCopy; }
    public StringProperty stopAtProperty() { return stopAt; }
    public BooleanProperty stopAtSentenceEndProperty() { return stopAtSentenceEnd; }
    public StringProperty seedProperty() { return seed; }

    /** The prompt as typed, never null. */
    public String typedPrompt() {
        return prompt.get() == null ? "" : prompt.get();
    }

    /** How the next character is drawn, from the form; throws a message naming a bad value. */
    public SamplingSettings samplingSettings() {
        SamplingSettings settings = greedy.get() ? SamplingSettings.greedy()
                : SamplingSettings.plain().withTemperature(temperature.get());
        if (!greedy.get() && topK.get() > 0) {
            settings = settings.withTopK(topK.get());
        }
        return settings.withTopP(topP.get()).withRepetitionPenalty(repetitionPenalty.get());
    }

    public StopRule stopRule() {
        return new StopRule(stopAt.get(), stopAtSentenceEnd.get());
    }

    /** The seed typed in; throws a message when it is not a whole number. */
    public long parseSeed() {
        return TypedSeed.parse(seed.get());
    }

    /** The strategy in a few words, for the history's labels. */
    public String describe() {
        String strategy = beamWidth.get() > 0 ? "beam " + beamWidth.get()
                : greedy.get() ? "greedy" : String.format(Locale.ROOT, "T %.2f", temperature.get());
        return maxCopy.get() > 0 ? strategy + ", copy ≤ " + maxCopy.get() : strategy;
    }
}
