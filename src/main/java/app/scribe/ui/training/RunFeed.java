package app.scribe.ui.training;

import app.scribe.corpus.Corpus;
import app.scribe.corpus.TrainingWindows;
import app.scribe.model.Hyperparameters;
import app.scribe.ui.common.Session;

import app.scribe.persistence.CheckpointWriter;
import app.scribe.training.CheckpointSink;
import app.scribe.training.SizeAdvice;
import app.scribe.training.TrainingEvent;
import app.scribe.training.TrainingHistory;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * What the Train tab shows of a run: the trainer publishes its events into a queue from its own thread, and a
 * timeline drains the queue on the FX thread ten times a second into the status line, the progress, the speed, the
 * loss curves and the samples, so a run at full speed costs the UI one small update per frame, not one per step.
 * Between runs it shows the history of the model in use.
 */
final class RunFeed {
    private static final String PICK_A_CORPUS = "Pick a corpus, then press Train.";

    private final Session session;
    private final LongSupplier steps;
    private final BooleanSupplier paused;
    private final ReadOnlyObjectWrapper<SizeAdvice.Speed> speed = new ReadOnlyObjectWrapper<>(SizeAdvice.Speed.assumed());
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(PICK_A_CORPUS);
    /** The run's step over its Steps, or indeterminate (-1) until its first step is reported. */
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    /** What letter frequencies alone score on the run's validation text, in nats; NaN until a run on this text. */
    private final ReadOnlyDoubleWrapper unigramBaseline = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ObservableList<TrainingHistory.Point> trainingLoss = FXCollections.observableArrayList();
    private final ObservableList<TrainingHistory.Point> validationLoss = FXCollections.observableArrayList();
    private final ObservableList<TrainingHistory.Sample> samples = FXCollections.observableArrayList();

    private final ConcurrentLinkedQueue<TrainingEvent> events = new ConcurrentLinkedQueue<>();
    private final Timeline pump = new Timeline(new KeyFrame(Duration.millis(100), e -> drain()));
    /** The budget of a run the clock ends, or null for one that Steps ends. */
    private Budget budget;
    private boolean stopRequested;
    private String autosaveNote = "";
    private String shownStatus = "";
    private TrainingEvent.Progress lastProgress;

    /**
     * A run for a number of minutes: {@code minutes} as the user gave them, {@code trainingMinutes} what is left of
     * them to train once this machine's speed was measured.
     */
    record Budget(int minutes, double trainingMinutes) {
    }

    /** {@code steps} gives the form's Steps; {@code paused} whether the run is paused. */
    RunFeed(Session session, LongSupplier steps, BooleanSupplier paused) {
        this.session = session;
        this.steps = steps;
        this.paused = paused;
        pump.setCycleCount(Timeline.INDEFINITE);
        session.corpusProperty().addListener((obs, old, now) -> {
            measureBaseline(now);
            if (now != null && PICK_A_CORPUS.equals(status.get())) {
                status.set("Press Train to train a model on this text.");
            }
        });
        measureBaseline(session.corpusProperty().get());
    }

    /**
     * What letter frequencies alone score on {@code corpus}'s validation text, measured off the FX thread in the
     * default windows; a run replaces it with its own windows' figure. A text too short for them has none yet.
     */
    private void measureBaseline(Corpus corpus) {
        unigramBaseline.set(Double.NaN);
        if (corpus != null) {
            Hyperparameters d = Hyperparameters.defaults();
            session.background().io(() -> TrainingWindows.of(corpus, d.seqLength(), d.batchSize(), null)
                            .validationUnigramEntropy(),
                    nats -> {
                        if (session.corpusProperty().get() == corpus) {
                            unigramBaseline.set(nats);
                        }
                    }, tooShort -> { });
        }
    }

    ReadOnlyObjectProperty<SizeAdvice.Speed> speedProperty() { return speed.getReadOnlyProperty(); }
    ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    ReadOnlyDoubleProperty unigramBaselineProperty() { return unigramBaseline.getReadOnlyProperty(); }
    ObservableList<TrainingHistory.Point> trainingLoss() { return trainingLoss; }
    ObservableList<TrainingHistory.Point> validationLoss() { return validationLoss; }
    ObservableList<TrainingHistory.Sample> samples() { return samples; }

    /** Takes a trainer's event; any thread. */
    void publish(TrainingEvent event) {
        events.add(event);
    }

    /** The run's validation text scores {@code nats} by letter frequencies alone; on the FX thread. */
    void unigramBaseline(double nats) {
        unigramBaseline.set(nats);
    }

    void status(String text) {
        status.set(text);
    }

    /** A run starts, for Steps, or for {@code budget} when not null: the status waits for its first step. */
    void started(Budget budget) {
        this.budget = budget;
        stopRequested = false;
        autosaveNote = "";
        lastProgress = null;
        status.set("Starting…");
        progress.set(-1);
        pump.play();
    }

    /** Stop was pressed: the run ends by the user's hand, not by its budget. */
    void stopping() {
        stopRequested = true;
    }

    void paused() {
        showRunStatus(pausedStatus());
    }

    /** The run has ended: what it left in the queue is shown, and the pump stops. */
    void finished() {
        drain();
        pump.stop();
    }

    /** Notes a checkpoint written (on the FX thread) after the status. */
    void autosaved(CheckpointWriter.Written written) {
        if (written.kind() == CheckpointSink.Kind.LATEST) {
            autosaveNote = " · autosaved step " + written.step() + " to " + written.file().getFileName();
            status.set(shownStatus + autosaveNote);
        }
    }

    /** Shows the history of the model now in use, or none. */
    void show(Session.ModelState state) {
        trainingLoss.clear();
        validationLoss.clear();
        samples.clear();
        if (state != null) {
            trainingLoss.addAll(state.history().trainingLoss());
            validationLoss.addAll(state.history().validationLoss());
            samples.addAll(state.history().samples());
            status.set(state.history().step() == 0 ? "New model, not trained yet."
                    : "Model at step " + state.history().step() + "." + lastValidation());
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
                TrainingEvent.Progress last = latest != null ? latest : lastProgress;
                outcome = budget != null && !stopRequested && last != null
                        ? RunStatusText.budgetUsed(f.step(), budget, last.elapsedMillis())
                        : "Finished at step " + f.step() + ": " + f.reason() + ".";
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
            progress.set(Math.min(1, budget == null ? (double) latest.step() / total()
                    : latest.elapsedMillis() / Math.max(1.0, latest.elapsedMillis() + latest.etaMillis())));
            showRunStatus(paused.getAsBoolean() ? pausedStatus() : budget == null
                    ? RunStatusText.running(latest, total()) : RunStatusText.timed(latest, budget));
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

    /** While paused there is no speed and no ETA to show, only where the run stands. */
    private String pausedStatus() {
        return RunStatusText.paused(lastProgress, budget == null ? total() : 0);
    }

    /** The run's last step: the form's Steps, or the model's step when it is already past them. */
    private long total() {
        Session.ModelState state = session.modelProperty().get();
        return Math.max(steps.getAsLong(), state == null ? 0 : state.history().step());
    }
}
