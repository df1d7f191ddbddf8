package app.scribe.ui.training;

import app.scribe.ui.common.FieldProblems;
import app.scribe.ui.common.Keys;
import app.scribe.ui.common.Messages;
import app.scribe.ui.common.Session;
import app.scribe.ui.common.TypedSeed;

import app.scribe.ScribeException;
import app.scribe.model.CellOptions;
import app.scribe.model.CellType;
import app.scribe.model.Hyperparameters;
import app.scribe.model.Optimizer;
import app.scribe.training.CheckpointPolicy;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.function.Function;

/**
 * The Train tab's form: the settings of the next run (a new model's shape, and the training settings of any run),
 * validated into {@link Hyperparameters}, and filled in from a model brought in. The run
 * ({@link TrainingViewModel}) and the size advice read it.
 */
public final class TrainingForm {
    /** The most steps the form takes. */
    public static final int MAX_STEPS = 100_000_000;
    private static final int DEFAULT_STEPS = 2000;
    private static final Hyperparameters DEFAULTS = Hyperparameters.defaults();
    private static final String DEFAULT_RATE = "2e-3";

    private final Messages messages;
    private final FieldProblems problems;
    private final BooleanExpression shapeLocked;
    private final ObjectProperty<Integer> hiddenSize = new SimpleObjectProperty<>(DEFAULTS.hiddenSize());
    private final ObjectProperty<Integer> layers = new SimpleObjectProperty<>(DEFAULTS.layers());
    private final ObjectProperty<Integer> seqLength = new SimpleObjectProperty<>(DEFAULTS.seqLength());
    private final ObjectProperty<Integer> batchSize = new SimpleObjectProperty<>(DEFAULTS.batchSize());
    private final ObjectProperty<CellType> cell = new SimpleObjectProperty<>(DEFAULTS.cell());
    private final ObjectProperty<CellOptions> cellOptions = new SimpleObjectProperty<>(DEFAULTS.cellOptions());
    private final ObjectProperty<Optimizer> optimizer = new SimpleObjectProperty<>(DEFAULTS.optimizer());
    private final StringProperty learningRate = new SimpleStringProperty(DEFAULT_RATE);
    private final StringProperty weightDecay = new SimpleStringProperty("0");
    private final ObjectProperty<Double> dropout = new SimpleObjectProperty<>(DEFAULTS.dropout());
    private final StringProperty seed = new SimpleStringProperty(Long.toString(DEFAULTS.seed()));
    private final ObjectProperty<Integer> steps = new SimpleObjectProperty<>(DEFAULT_STEPS);
    /** Whether Steps holds what a model brought in raised it to, rather than what the user chose. */
    private boolean stepsRaisedForModel;
    private final ObjectProperty<Integer> autosaveMinutes =
            new SimpleObjectProperty<>((int) CheckpointPolicy.defaults().everyMinutes());
    private final ObjectProperty<Integer> patience = new SimpleObjectProperty<>(0);
    /** Minutes a new model trains for, its size chosen for them (0: Steps and the form's size instead). */
    private final ObjectProperty<Integer> budgetMinutes = new SimpleObjectProperty<>(0);
    /** Counts the times the form was filled in anew (a model brought in, New model): typed texts give way. */
    private final IntegerProperty filled = new SimpleIntegerProperty(0);

    TrainingForm(Session session) {
        this.messages = session.messages();
        this.problems = new FieldProblems(messages);
        this.shapeLocked = session.modelProperty().isNotNull();
        cell.addListener((obs, old, now) -> cellOptions.set(now == null ? CellOptions.NONE : now.defaultOptions()));
        steps.addListener((obs, old, now) -> stepsRaisedForModel = false); // the user's own choice from now on
        for (StringProperty field : textFields()) {
            field.addListener((obs, old, now) -> {
                if (problemOf(field) == null) {
                    problems.fixed(field);
                }
            });
        }
    }

    private List<StringProperty> textFields() {
        return List.of(learningRate, weightDecay, seed);
    }

    /** Whether a model is in use, whose shape (cell, layers, hidden units) the form shows and cannot change. */
    public BooleanExpression shapeLockedProperty() { return shapeLocked; }
    /**
     * What is wrong with the form's fields while it lasts: the spinners' typed numbers, and the texts of Learning
     * rate, Weight decay and Seed (keyed by their properties) once {@link #commit committed}.
     */
    public FieldProblems problems() { return problems; }
    /** Changes each time the form is filled in anew: a field's typed text gives way to the value it shows. */
    public IntegerProperty filledProperty() { return filled; }
    public ObjectProperty<Integer> hiddenSizeProperty() { return hiddenSize; }
    public ObjectProperty<Integer> layersProperty() { return layers; }
    public ObjectProperty<Integer> seqLengthProperty() { return seqLength; }
    public ObjectProperty<Integer> batchSizeProperty() { return batchSize; }
    public ObjectProperty<CellType> cellProperty() { return cell; }
    public ObjectProperty<CellOptions> cellOptionsProperty() { return cellOptions; }
    public ObjectProperty<Optimizer> optimizerProperty() { return optimizer; }
    public StringProperty learningRateProperty() { return learningRate; }
    public StringProperty weightDecayProperty() { return weightDecay; }
    public ObjectProperty<Double> dropoutProperty() { return dropout; }
    public StringProperty seedProperty() { return seed; }
    public ObjectProperty<Integer> stepsProperty() { return steps; }
    public ObjectProperty<Integer> autosaveMinutesProperty() { return autosaveMinutes; }
    public ObjectProperty<Integer> patienceProperty() { return patience; }
    public ObjectProperty<Integer> budgetMinutesProperty() { return budgetMinutes; }

    /** The settings in the form, validated; throws a ScribeException naming the bad value. */
    public Hyperparameters hyperparameters() {
        double lr = parse(learningRate, TrainingForm::rate);
        double decay = parse(weightDecay, TrainingForm::decay);
        return new Hyperparameters(hiddenSize.get(), layers.get(), seqLength.get(), batchSize.get(), optimizer.get(),
                lr, DEFAULTS.decayRate(), DEFAULTS.decayEvery(), DEFAULTS.clipNorm(), dropout.get(),
                TypedSeed.parse(seed.get()), decay, cell.get(), cellOptions.get());
    }

    private static double parse(StringProperty field, Function<String, Double> read) {
        return read.apply(field.get() == null ? "" : field.get().trim());
    }

    private static double rate(String text) {
        return number(text, "Learning rate must be a number such as 2e-3");
    }

    private static double decay(String text) {
        return number(text, "Weight decay must be a number such as 0 or 1e-4");
    }

    /** {@code text} as a number, or a refusal that starts with {@code mustBe} and quotes what was typed. */
    private static double number(String text, String mustBe) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new ScribeException(mustBe + " (got '" + text + "').");
        }
    }

    /** The sentence for what the text {@code field} holds (not a number, or out of its range), or null when good. */
    String problemOf(StringProperty field) {
        try {
            if (field == learningRate) {
                inRange(parse(learningRate, TrainingForm::rate), DEFAULTS.weightDecay());
            } else if (field == weightDecay) {
                inRange(DEFAULTS.learningRate(), parse(weightDecay, TrainingForm::decay));
            } else {
                TypedSeed.parse(seed.get());
            }
            return null;
        } catch (ScribeException e) {
            return e.getMessage();
        }
    }

    /** Refuses a rate or a decay out of the range the settings take, in the settings' own sentence. */
    private static void inRange(double lr, double decay) {
        new Hyperparameters(DEFAULTS.hiddenSize(), DEFAULTS.layers(), DEFAULTS.seqLength(), DEFAULTS.batchSize(),
                DEFAULTS.optimizer(), lr, DEFAULTS.decayRate(), DEFAULTS.decayEvery(), DEFAULTS.clipNorm(),
                DEFAULTS.dropout(), DEFAULTS.seed(), decay, DEFAULTS.cell(), DEFAULTS.cellOptions());
    }

    /** The text {@code field} was left or entered: its problem is marked and said, or its old one taken back. */
    public void commit(StringProperty field) {
        String sentence = problemOf(field);
        if (sentence == null) {
            problems.fixed(field);
        } else {
            problems.report(field, sentence);
        }
    }

    /**
     * True, with the first problem said, while a field has one (a text not yet left counts): the run must not start
     * with a value the field does not show.
     */
    public boolean refuse() {
        for (StringProperty field : textFields()) {
            String sentence = problemOf(field);
            if (sentence != null) {
                problems.mark(field, sentence);
            }
        }
        return problems.refuse();
    }

    /** Enter in a training field: says whether the form's settings are valid, and how to train. */
    public void check() {
        if (!refuse()) {
            messages.info("The settings are valid; Train (" + Keys.TRAIN.getDisplayText() + ") uses them.");
        }
    }

    /**
     * Shows the settings of a model brought in (loaded, or a starter) at {@code step}; when Steps would not train it
     * further, Train trains it on by as many steps again.
     */
    void show(Hyperparameters hp, long step) {
        hiddenSize.set(hp.hiddenSize());
        layers.set(hp.layers());
        seqLength.set(hp.seqLength());
        batchSize.set(hp.batchSize());
        cell.set(hp.cell());
        cellOptions.set(hp.cellOptions());
        optimizer.set(hp.optimizer());
        RunStatusText.showNumber(learningRate, hp.learningRate());
        RunStatusText.showNumber(weightDecay, hp.weightDecay());
        dropout.set(hp.dropout());
        seed.set(Long.toString(hp.seed()));
        // Steps that only held what the last model raised them to follow this model's step (a model at step 0 is
        // the run's own new model, whose Steps the user or the minutes chose).
        if (steps.get() <= step || stepsRaisedForModel && step > 0) {
            steps.set((int) Math.min(MAX_STEPS, step + DEFAULT_STEPS));
            stepsRaisedForModel = true;
        }
        filled.set(filled.get() + 1);
    }

    /** Steps of a run that the clock ends: what it expects to take, not the user's choice (New model resets it). */
    void expectSteps(long expected) {
        steps.set((int) Math.max(1, Math.min(MAX_STEPS, expected)));
        stepsRaisedForModel = true;
    }

    /**
     * For a new model: the default model and training settings (nothing of the last model's shape or of a continued
     * run's rate), and Steps back to its default when it only held what the last model raised it to. The run's own
     * settings (minutes, autosave, early stop) stay as the user set them.
     */
    void forNewModel() {
        show(DEFAULTS, 0);
        learningRate.set(DEFAULT_RATE);
        if (stepsRaisedForModel) {
            steps.set(DEFAULT_STEPS);
        }
    }
}
