package app.scribe.ui.training;

import app.scribe.ui.common.BackgroundWork;
import app.scribe.ui.common.Session;

import app.scribe.ScribeException;
import app.scribe.corpus.Corpus;
import app.scribe.model.Engines;
import app.scribe.persistence.CheckpointWriter;
import app.scribe.persistence.CheckpointFile;
import app.scribe.training.CheckpointPolicy;
import app.scribe.training.SizeAdvice;
import app.scribe.training.Trainer;
import app.scribe.training.TrainingHistory;
import app.scribe.training.TrainingPlan;
import app.scribe.training.BudgetChoice;
import app.scribe.training.TrainingStart;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The training pane's run: Train (a new model from the {@link TrainingForm}, or the current one continued), Pause,
 * Resume, Stop and New model, with autosave. The trainer runs on its own thread; what the pane shows of it comes
 * through a {@link RunFeed}.
 */
public final class TrainingViewModel {
    /** CHOOSING: measuring the machine's speed to choose a model for the minutes given, before it runs. */
    public enum Phase { IDLE, CHOOSING, RUNNING, PAUSED }

    private final Session session;
    private final TrainingForm form;
    private final RunFeed feed;
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.IDLE);
    private final BooleanProperty bitsPerChar = new SimpleBooleanProperty(false);
    private Trainer trainer;
    private Function<Boolean, Path> autosaveTarget;
    private Consumer<CheckpointWriter.Written> afterAutosave = written -> { };

    public TrainingViewModel(Session session) {
        this.session = session;
        this.form = new TrainingForm(session);
        this.feed = new RunFeed(session, () -> form.stepsProperty().get(), () -> phase.get() == Phase.PAUSED);
        session.modelProperty().addListener((obs, old, now) -> {
            feed.show(now);
            if (now != null) {
                form.show(now.model().hyperparameters(), now.history().step());
            }
        });
        Continuation.suggestRates(session, form.learningRateProperty(), feed::status);
    }

    /** The settings of the next run. */
    public TrainingForm form() { return form; }

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
    public ReadOnlyObjectProperty<SizeAdvice.Speed> speedProperty() { return feed.speedProperty(); }
    public ReadOnlyStringProperty statusProperty() { return feed.statusProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return feed.progressProperty(); }
    public ReadOnlyDoubleProperty unigramBaselineProperty() { return feed.unigramBaselineProperty(); }
    public ObservableList<TrainingHistory.Point> trainingLoss() { return feed.trainingLoss(); }
    public ObservableList<TrainingHistory.Point> validationLoss() { return feed.validationLoss(); }
    public ObservableList<TrainingHistory.Sample> samples() { return feed.samples(); }

    /**
     * Continues the current model when there is one for this corpus, else starts a new one from the form, or, with
     * minutes given, one chosen for them; nothing while a field of the form has a problem.
     */
    public void train() {
        if (phase.get() != Phase.IDLE || form.refuse()) {
            return;
        }
        Corpus corpus = session.corpusProperty().get();
        if (corpus == null) {
            session.messages().error("Pick a corpus first.");
            return;
        }
        int minutes = form.budgetMinutesProperty().get();
        if (session.modelProperty().get() == null && minutes > 0) {
            chooseThenTrain(corpus, minutes);
            return;
        }
        launch(corpus, null, null);
    }

    /**
     * Measures this machine's speed off the FX thread and chooses the model for {@code minutes}; the form then shows
     * the choice and the run starts, unless Stop was pressed meanwhile.
     */
    private void chooseThenTrain(Corpus corpus, int minutes) {
        long seed;
        try {
            seed = form.hyperparameters().seed();
        } catch (ScribeException e) {
            session.messages().error(e.getMessage());
            return;
        }
        phase.set(Phase.CHOOSING);
        feed.status("Measuring this machine's speed to choose a model for " + minutes + " minute"
                + (minutes == 1 ? "" : "s") + "…");
        CompletableFuture.supplyAsync(() -> BudgetChoice.choose(Engines.DEFAULT, corpus, null, minutes, seed),
                session.background().training()).whenComplete((chosen, failure) -> BackgroundWork.onFx(() -> {
                    boolean stopped = phase.get() != Phase.CHOOSING;
                    phase.set(Phase.IDLE);
                    if (failure != null) {
                        feed.status("No model chosen.");
                        session.messages().failure(failure);
                    } else if (stopped || corpus != session.corpusProperty().get()) {
                        feed.status("Stopped before training: no model chosen.");
                    } else {
                        form.show(chosen.choice().hyperparameters(), 0);
                        form.expectSteps(chosen.choice().expectedSteps()); // the time ends the run, not Steps
                        session.messages().info(chosen.choice().reason());
                        launch(corpus, new RunFeed.Budget(minutes, chosen.minutesLeft()), chosen);
                    }
                }));
    }

    /** Starts the run on {@code corpus}: for the {@code budget} of {@code chosen} when not null, else for Steps. */
    private void launch(Corpus corpus, RunFeed.Budget budget, BudgetChoice chosen) {
        TrainingStart start;
        try {
            start = prepare(corpus, chosen);
        } catch (ScribeException e) {
            session.messages().error(e.getMessage());
            return;
        }
        if (start == null) {
            return;
        }
        trainer = start.trainer();
        trainer.addListener(feed::publish);
        session.trainedBy(trainer);
        phase.set(Phase.RUNNING);
        feed.started(budget);
        CompletableFuture.runAsync(() -> {
            try (start) {
                double baseline = start.trainer().validationUnigramEntropy();
                BackgroundWork.onFx(() -> feed.unigramBaseline(baseline));
                start.run();
            }
        }, session.background().training()).whenComplete((ok, failure) -> BackgroundWork.onFx(() -> finished(failure)));
    }

    /** The run Train starts on {@code corpus}, or null (said why) when there is none to start. */
    private TrainingStart prepare(Corpus corpus, BudgetChoice chosen) {
        Session.ModelState state = session.modelProperty().get();
        boolean newModel = state == null;
        int steps = form.stepsProperty().get();
        TrainingStart.Subject subject = null;
        boolean anotherText = !newModel && Continuation.onAnotherText(session);
        double rate = newModel ? 0 : form.hyperparameters().learningRate();
        if (newModel) {
            subject = TrainingStart.create(Engines.DEFAULT, form.hyperparameters(), corpus);
            session.modelProperty().set(new Session.ModelState(subject.model(), subject.vocabulary(),
                    subject.corpus(), subject.history()));
        } else if (state.history().step() >= steps) {
            session.messages().error("The model is already at step " + state.history().step() + " and Steps is "
                    + steps + ": raise Steps to train it further.");
            return null;
        }
        int autosaveMinutes = form.autosaveMinutesProperty().get();
        boolean autosaving = autosaveTarget != null && autosaveMinutes > 0;
        // A model continued on another text is saved as a new model: the file it came from stays as it is.
        Path latest = autosaving ? autosaveTarget.apply(newModel || anotherText) : null;
        if (autosaving && latest == null) {
            return null;
        }
        TrainingStart.Continued continued = newModel ? null
                : Continuation.start(session, corpus, form.learningRateProperty());
        TrainingStart start = new TrainingStart(continued == null ? subject : continued.subject(),
                continued == null ? corpus : continued.corpus(),
                chosen == null ? TrainingPlan.forSteps(newModel ? 0 : state.history().step(), steps)
                        .withPatience(form.patienceProperty().get())
                        : TrainingPlan.forMinutes(chosen.minutesLeft(), chosen.choice().expectedSteps()));
        Continuation.schedule(start, continued, rate);
        if (chosen != null) {
            start.trainer().setSchedule(chosen.choice().schedule());
        }
        if (latest != null) {
            start.checkpoints(new CheckpointPolicy(0, autosaveMinutes, true), autosave(latest));
        }
        return start;
    }

    private CheckpointFile autosave(Path latest) {
        return CheckpointFile.lock(latest,
                written -> BackgroundWork.onFx(() -> {
                    feed.autosaved(written);
                    afterAutosave.accept(written);
                }),
                message -> BackgroundWork.onFx(() -> session.messages().error(message)));
    }

    public void pause() {
        if (phase.get() == Phase.RUNNING) {
            trainer.pause();
            phase.set(Phase.PAUSED);
            feed.paused();
        }
    }

    public void resume() {
        if (phase.get() == Phase.PAUSED) {
            trainer.resume();
            phase.set(Phase.RUNNING);
        }
    }

    public void stop() {
        if (phase.get() == Phase.CHOOSING) {
            phase.set(Phase.IDLE); // the choice, when it comes, is dropped
            feed.status("Stopped before training: no model chosen.");
        } else if (phase.get() != Phase.IDLE) {
            feed.stopping();
            trainer.stop();
        }
    }

    /** Forgets the current model so that the next Train starts afresh from the form's settings. */
    public void resetModel() {
        if (phase.get() == Phase.IDLE) {
            form.forNewModel();
            session.modelProperty().set(null);
            feed.status("New model: press Train to start from the settings below.");
        }
    }

    public boolean isBusy() {
        return phase.get() != Phase.IDLE;
    }

    private void finished(Throwable failure) {
        feed.finished();
        session.trainedBy(null);
        phase.set(Phase.IDLE);
        if (failure != null) {
            session.messages().failure(failure);
        }
    }
}
