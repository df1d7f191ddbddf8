package app.scribe.ui.training;

import app.scribe.ui.common.BackgroundWork;
import app.scribe.ui.common.Keys;
import app.scribe.ui.common.Session;
import app.scribe.ui.common.TypedSeed;

import app.scribe.ScribeException;
import app.scribe.corpus.Corpus;
import app.scribe.model.Engines;
import app.scribe.model.Hyperparameters;
import app.scribe.model.CellOptions;
import app.scribe.model.CellType;
import app.scribe.model.Optimizer;
import app.scribe.persistence.CheckpointWriter;
import app.scribe.persistence.CheckpointFile;
import app.scribe.training.CheckpointPolicy;
import app.scribe.training.CheckpointSink;
import app.scribe.training.SizeAdvice;
import app.scribe.training.Trainer;
import app.scribe.training.TrainingEvent;
import app.scribe.training.TrainingHistory;
import app.scribe.training.TrainingPlan;
import app.scribe.training.TrainingStart;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The training pane. The trainer runs on its own thread and publishes events into a queue; a timeline drains the
 * queue on the FX thread ten times a second, so a run at full speed costs the UI one small update per frame,
 * not one per step.
 */
public final class TrainingViewModel {
    public enum Phase { IDLE, RUNNING, PAUSED }

    /** The most steps the form takes. */
    public static final int MAX_STEPS = 100_000_000;

    private static final Hyperparameters DEFAULTS = Hyperparameters.defaults();

    private final Session session;
    private final BooleanExpression shapeLocked;
    private final ObjectProperty<Integer> hiddenSize = new SimpleObjectProperty<>(DEFAULTS.hiddenSize());
    private final ObjectProperty<Integer> layers = new SimpleObjectProperty<>(DEFAULTS.layers());
    private final ObjectProperty<Integer> seqLength = new SimpleObjectProperty<>(DEFAULTS.seqLength());
    private final ObjectProperty<Integer> batchSize = new SimpleObjectProperty<>(DEFAULTS.batchSize());
    private final ObjectProperty<CellType> cell = new SimpleObjectProperty<>(DEFAULTS.cell());
    private final ObjectProperty<CellOptions> cellOptions = new SimpleObjectProperty<>(DEFAULTS.cellOptions());
    private final ObjectProperty<Optimizer> optimizer = new SimpleObjectProperty<>(DEFAULTS.optimizer());
    private final StringProperty learningRate = new SimpleStringProperty("2e-3");
    private final StringProperty weightDecay = new SimpleStringProperty("0");
    private final ObjectProperty<Double> dropout = new SimpleObjectProperty<>(DEFAULTS.dropout());
    private final StringProperty seed = new SimpleStringProperty(Long.toString(DEFAULTS.seed()));
    private static final int DEFAULT_STEPS = 2000;
    private final ObjectProperty<Integer> steps = new SimpleObjectProperty<>(DEFAULT_STEPS);
    private final ObjectProperty<Integer> autosaveMinutes =
            new SimpleObjectProperty<>((int) CheckpointPolicy.defaults().everyMinutes());
    private final ObjectProperty<Integer> patience = new SimpleObjectProperty<>(0);
    private final BooleanProperty bitsPerChar = new SimpleBooleanProperty(false);

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.IDLE);
    private static final String PICK_A_CORPUS = "Pick a corpus, then press Train.";

    private final ReadOnlyObjectWrapper<SizeAdvice.Speed> speed = new ReadOnlyObjectWrapper<>(SizeAdvice.Speed.assumed());
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(PICK_A_CORPUS);
    /** The run's step over its Steps, or indeterminate (-1) until its first step is reported. */
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ObservableList<TrainingHistory.Point> trainingLoss = FXCollections.observableArrayList();
    private final ObservableList<TrainingHistory.Point> validationLoss = FXCollections.observableArrayList();
    private final ObservableList<TrainingHistory.Sample> samples = FXCollections.observableArrayList();

    private final ConcurrentLinkedQueue<TrainingEvent> events = new ConcurrentLinkedQueue<>();
    private final Timeline pump = new Timeline(new KeyFrame(Duration.millis(100), e -> drain()));
    private Trainer trainer;
    private Function<Boolean, Path> autosaveTarget;
    private Consumer<CheckpointWriter.Written> afterAutosave = written -> { };
    private String autosaveNote = "";
    private String shownStatus = "";
    private TrainingEvent.Progress lastProgress;

    public TrainingViewModel(Session session) {
        this.session = session;
        this.shapeLocked = session.modelProperty().isNotNull();
        pump.setCycleCount(Timeline.INDEFINITE);
        cell.addListener((obs, old, now) -> cellOptions.set(now == null ? CellOptions.NONE : now.defaultOptions()));
        session.modelProperty().addListener((obs, old, now) -> showHistory(now));
        session.corpusProperty().addListener((obs, old, now) -> {
            if (now != null && PICK_A_CORPUS.equals(status.get())) {
                status.set("Press Train to train a model on this text.");
            }
        });
    }

    /** Whether a model is in use, whose shape (cell, layers, hidden units) the form shows and cannot change. */
    public BooleanExpression shapeLockedProperty() { return shapeLocked; }
    /** A value typed in the form that cannot be taken, said in one sentence. */
    public void reject(String sentence) { session.messages().error(sentence); }
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

    /**
     * Turns on autosave: {@code target} gives the file for the latest checkpoint (told whether the model is new, so
     * that a new model never overwrites an older one's files), or null when the user cancelled the run;
     * {@code written} is told of each write on the FX thread.
     */
    public void setAutosave(Function<Boolean, Path> target, Consumer<CheckpointWriter.Written> written) {
        this.autosaveTarget = target;
        this.afterAutosave = written;
    }
    public BooleanProperty bitsPerCharProperty() { return bitsPerChar; }
    public ReadOnlyObjectProperty<Phase> phaseProperty() { return phase.getReadOnlyProperty(); }
    /** The last training run's speed in this session, or the assumed one before any run. */
    public ReadOnlyObjectProperty<SizeAdvice.Speed> speedProperty() { return speed.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ObservableList<TrainingHistory.Point> trainingLoss() { return trainingLoss; }
    public ObservableList<TrainingHistory.Point> validationLoss() { return validationLoss; }
    public ObservableList<TrainingHistory.Sample> samples() { return samples; }

    /** The settings in the form, validated; throws a ScribeException naming the bad value. */
    public Hyperparameters formHyperparameters() {
        double lr;
        double decay;
        try {
            lr = Double.parseDouble(learningRate.get().trim());
        } catch (NumberFormatException e) {
            throw new ScribeException("learning rate must be a number such as 2e-3 (got '" + learningRate.get() + "').");
        }
        try {
            decay = Double.parseDouble(weightDecay.get().trim());
        } catch (NumberFormatException e) {
            throw new ScribeException("weight decay must be a number such as 0 or 1e-4 (got '" + weightDecay.get()
                    + "').");
        }
        long seedValue = TypedSeed.parse(seed.get());
        return new Hyperparameters(hiddenSize.get(), layers.get(), seqLength.get(), batchSize.get(), optimizer.get(),
                lr, DEFAULTS.decayRate(), DEFAULTS.decayEvery(), DEFAULTS.clipNorm(), dropout.get(), seedValue, decay,
                cell.get(), cellOptions.get());
    }

    /** Enter in a training field: says whether the form's settings are valid, and how to train. */
    public void checkForm() {
        try {
            formHyperparameters();
            session.messages().info("The settings are valid; Train (" + Keys.TRAIN.getDisplayText() + ") uses them.");
        } catch (ScribeException e) {
            session.messages().error(e.getMessage());
        }
    }

    /** Continues the current model when there is one for this corpus, else starts a new one from the form. */
    public void train() {
        if (phase.get() != Phase.IDLE) {
            return;
        }
        Corpus corpus = session.corpusProperty().get();
        if (corpus == null) {
            session.messages().error("Pick a corpus first.");
            return;
        }
        Session.ModelState state = session.modelProperty().get();
        boolean newModel = state == null;
        TrainingStart start;
        try {
            TrainingStart.Subject subject;
            if (newModel) {
                subject = TrainingStart.create(Engines.DEFAULT, formHyperparameters(), corpus);
                session.modelProperty().set(new Session.ModelState(subject.model(), subject.vocabulary(),
                        subject.corpus(), subject.history()));
            } else if (state.history().step() >= steps.get()) {
                session.messages().error("The model is already at step " + state.history().step() + " and Steps is "
                        + steps.get() + ": raise Steps to train it further.");
                return;
            } else {
                subject = TrainingStart.resume(new TrainingStart.Subject(state.model(), state.vocabulary(),
                        state.corpus(), state.history()), corpus, warning -> session.messages().info("Note: " + warning));
            }
            boolean autosaving = autosaveTarget != null && autosaveMinutes.get() > 0;
            Path latest = autosaving ? autosaveTarget.apply(newModel) : null;
            if (autosaving && latest == null) {
                return;
            }
            start = new TrainingStart(subject, corpus, TrainingPlan.forSteps(steps.get()).withPatience(patience.get()));
            if (latest != null) {
                start.checkpoints(new CheckpointPolicy(0, autosaveMinutes.get(), true), autosave(latest));
            }
        } catch (ScribeException e) {
            session.messages().error(e.getMessage());
            return;
        }
        trainer = start.trainer();
        trainer.addListener(events::add);
        session.trainedBy(trainer);
        phase.set(Phase.RUNNING);
        autosaveNote = "";
        lastProgress = null;
        status.set("Starting…");
        progress.set(-1);
        pump.play();
        CompletableFuture.runAsync(() -> {
            try (start) {
                start.run();
            }
        }, session.background().training()).whenComplete((ok, failure) -> BackgroundWork.onFx(() -> finished(failure)));
    }

    private CheckpointFile autosave(Path latest) {
        return CheckpointFile.lock(latest,
                written -> BackgroundWork.onFx(() -> {
                    if (written.kind() == CheckpointSink.Kind.LATEST) {
                        autosaveNote = " · autosaved step " + written.step() + " to " + written.file().getFileName();
                        status.set(shownStatus + autosaveNote);
                    }
                    afterAutosave.accept(written);
                }),
                message -> BackgroundWork.onFx(() -> session.messages().error(message)));
    }

    public void pause() {
        if (phase.get() == Phase.RUNNING) {
            trainer.pause();
            phase.set(Phase.PAUSED);
            showRunStatus(pausedStatus());
        }
    }

    public void resume() {
        if (phase.get() == Phase.PAUSED) {
            trainer.resume();
            phase.set(Phase.RUNNING);
        }
    }

    public void stop() {
        if (phase.get() != Phase.IDLE) {
            trainer.stop();
        }
    }

    /** Forgets the current model so that the next Train starts afresh from the form's settings. */
    public void resetModel() {
        if (phase.get() == Phase.IDLE) {
            session.modelProperty().set(null);
            status.set("New model: press Train to start from the settings above.");
        }
    }

    public boolean isBusy() {
        return phase.get() != Phase.IDLE;
    }

    private void finished(Throwable failure) {
        drain();
        pump.stop();
        session.trainedBy(null);
        phase.set(Phase.IDLE);
        if (failure != null) {
            session.messages().failure(failure);
        }
    }

    private void drain() {
        TrainingEvent.Progress latest = null;
        String outcome = null;
        List<TrainingHistory.Point> newValidation = new ArrayList<>();
        TrainingEvent event;
        while ((event = events.poll()) != null) {
            if (event instanceof TrainingEvent.Progress p) {
                latest = p;
            } else if (event instanceof TrainingEvent.Evaluation e) {
                newValidation.add(new TrainingHistory.Point(e.step(), e.validationLoss()));
            } else if (event instanceof TrainingEvent.SampleTaken s) {
                samples.add(new TrainingHistory.Sample(s.step(), s.temperature(), s.text()));
            } else if (event instanceof TrainingEvent.Finished f) {
                outcome = "Finished at step " + f.step() + ": " + f.reason() + ".";
            } else if (event instanceof TrainingEvent.Failed f) {
                outcome = "Stopped at step " + f.step() + ": " + f.message();
            }
        }
        validationLoss.addAll(newValidation);
        if (latest != null) {
            lastProgress = latest;
            Session.ModelState running = session.modelProperty().get();
            if (running != null && latest.charsPerSecond() > 0) {
                speed.set(SizeAdvice.Speed.measured(latest.charsPerSecond(), SizeAdvice.parameters(
                        running.model().hyperparameters(), running.model().vocabSize())));
            }
            appendTrainingPoints();
            progress.set(Math.min(1, (double) latest.step() / trainerTotal()));
            showRunStatus(phase.get() == Phase.PAUSED ? pausedStatus() : describe(latest));
        }
        if (outcome != null) {
            showRunStatus(outcome + lastValidation());
        }
    }

    private void showRunStatus(String text) {
        shownStatus = text;
        status.set(text + autosaveNote);
    }

    /** Copies the history's recorded training points that the chart does not have yet. */
    private void appendTrainingPoints() {
        Session.ModelState state = session.modelProperty().get();
        if (state == null) {
            return;
        }
        List<TrainingHistory.Point> all = state.history().trainingLoss();
        if (all.size() > trainingLoss.size()) {
            trainingLoss.addAll(all.subList(trainingLoss.size(), all.size()));
        }
    }

    private String lastValidation() {
        return validationLoss.isEmpty() ? "" : String.format(" Validation loss %.3f nats/char.",
                validationLoss.get(validationLoss.size() - 1).loss());
    }

    private String describe(TrainingEvent.Progress p) {
        return RunStatusText.running(p, trainerTotal());
    }

    /** While paused there is no speed and no ETA to show, only where the run stands. */
    private String pausedStatus() {
        return RunStatusText.paused(lastProgress, trainerTotal());
    }

    private long trainerTotal() {
        return Math.max(steps.get(), session.modelProperty().get() == null ? 0 : session.modelProperty().get().history().step());
    }

    private void showHistory(Session.ModelState state) {
        trainingLoss.clear();
        validationLoss.clear();
        samples.clear();
        if (state != null) {
            trainingLoss.addAll(state.history().trainingLoss());
            validationLoss.addAll(state.history().validationLoss());
            samples.addAll(state.history().samples());
            status.set(state.history().step() == 0 ? "New model, not trained yet."
                    : "Model at step " + state.history().step() + "." + lastValidation());
            copyFormFrom(state.model().hyperparameters());
            if (steps.get() <= state.history().step()) {
                // A model brought in (loaded, or a starter) trains on when Train is pressed, by as many steps again.
                steps.set((int) Math.min(MAX_STEPS, state.history().step() + DEFAULT_STEPS));
            }
        }
    }

    private void copyFormFrom(Hyperparameters hp) {
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
    }
}
