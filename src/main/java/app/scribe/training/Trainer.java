package app.scribe.training;

import app.scribe.ScribeException;
import app.scribe.corpus.Batch;
import app.scribe.corpus.Corpus;
import app.scribe.corpus.CorpusInfo;
import app.scribe.corpus.TrainingWindows;
import app.scribe.model.CharModel;
import app.scribe.generation.Generator;
import app.scribe.model.Hyperparameters;
import app.scribe.model.MemoryEstimate;
import app.scribe.generation.RecordSampler;
import app.scribe.generation.SamplingSettings;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The training loop. {@link #run()} blocks the calling thread, which becomes the model's owner for the run;
 * {@link #pause()}, {@link #resume()} and {@link #stop()} may be called from any thread. The trainer never calls
 * the UI: it publishes {@link TrainingEvent}s to listeners, which must return quickly.
 */
public final class Trainer {
    /** The seed report's temperatures: a sample at each, with the same seed, at every sampling step. */
    public static final List<Double> SAMPLE_TEMPERATURES = List.of(0.5, 1.0, 2.0);
    /** A run with a time limit samples at each tenth of its budget (of the time, or of the steps when further). */
    private static final int TIMED_SAMPLES = 10;

    private final CharModel model;
    private final Corpus corpus;
    private final TrainingPlan plan;
    private final TrainingHistory history;
    private final TrainingWindows batches;
    private final List<Consumer<TrainingEvent>> listeners = new CopyOnWriteArrayList<>();
    /** The one monitor: pause and resume, snapshot requests, and whether a run is going. */
    private final Object lock = new Object();
    private boolean paused;
    private volatile boolean running;
    private volatile boolean stopRequested;
    private final Queue<CompletableFuture<CharModel>> snapshotRequests = new ConcurrentLinkedQueue<>();
    private CheckpointPolicy checkpointPolicy = CheckpointPolicy.none();
    private CheckpointSink checkpoints = (kind, snapshot, saved) -> { };
    private LearningRateSchedule schedule;

    public Trainer(CharModel model, Corpus corpus, TrainingPlan plan, TrainingHistory history) {
        this(model, corpus, plan, history, null);
    }

    /**
     * A trainer that validates on {@code validation} (a separate text in the corpus's vocabulary indices, see
     * {@code ValidationText}) and trains on the whole corpus; with {@code null}, on the last 5 % of every book.
     */
    public Trainer(CharModel model, Corpus corpus, TrainingPlan plan, TrainingHistory history, char[] validation) {
        this.model = model;
        this.corpus = corpus;
        this.plan = plan;
        this.history = Objects.requireNonNull(history);
        Hyperparameters hp = model.hyperparameters();
        MemoryEstimate.requireTrainable(model.engine(), model.vocabSize(), hp);
        if (corpus.vocabulary().size() != model.vocabSize()) {
            throw new ScribeException("The model was built for " + model.vocabSize() + " characters but "
                    + corpus.name() + " has " + corpus.vocabulary().size() + ".");
        }
        if (validation != null && corpus.isRecords()) {
            throw new ScribeException("A text of records validates on its own held-out records, not on another text.");
        }
        this.batches = TrainingWindows.of(corpus, hp.seqLength(), hp.batchSize(), validation);
    }

    public void addListener(Consumer<TrainingEvent> listener) {
        listeners.add(listener);
    }

    /** Hands checkpoints to {@code sink} as {@code policy} says; set before {@link #run()}. */
    public void setCheckpoints(CheckpointPolicy policy, CheckpointSink sink) {
        this.checkpointPolicy = Objects.requireNonNull(policy);
        this.checkpoints = Objects.requireNonNull(sink);
    }

    /** Sets each step's learning rate by {@code schedule}, not the model's step decay; set before {@link #run()}. */
    public void setSchedule(LearningRateSchedule schedule) {
        this.schedule = Objects.requireNonNull(schedule);
    }

    /** What letter frequencies alone would score on this run's validation text (see {@link TrainingWindows}). */
    public double validationUnigramEntropy() {
        return batches.validationUnigramEntropy();
    }

    public TrainingHistory history() {
        return history;
    }

    public void pause() {
        synchronized (lock) {
            paused = true;
        }
    }

    public void resume() {
        synchronized (lock) {
            paused = false;
            lock.notifyAll();
        }
    }

    public void stop() {
        stopRequested = true;
        resume();
    }

    /**
     * A copy of the model as of the last completed step, made on the training thread between steps (or at once
     * when the run is over). While the trainer runs, other threads generate from such a copy, never from the live
     * model.
     */
    public CompletableFuture<CharModel> requestSnapshot() {
        CompletableFuture<CharModel> request = new CompletableFuture<>();
        synchronized (lock) {
            snapshotRequests.add(request);
            lock.notifyAll();
            // The training thread sets running under this lock before its first step, so a copy made here on the
            // caller's thread can never overlap a training step.
            if (!running) {
                serveSnapshots();
            }
        }
        return request;
    }

    private void serveSnapshots() {
        synchronized (lock) {
            CompletableFuture<CharModel> request;
            while ((request = snapshotRequests.poll()) != null) {
                try {
                    request.complete(model.copy());
                } catch (RuntimeException e) {
                    request.completeExceptionally(e);
                }
            }
        }
    }

    /** Trains until the step budget, the time limit or a stop; returns the final validation loss. */
    public double run() {
        List<Batch> validation = batches.validationBatches();
        history.trainOn(CorpusInfo.of(corpus));
        RunClock clock = new RunClock(history.step(), System.nanoTime());
        setRunning(true);
        String reason;
        try {
            reason = trainSteps(validation, clock);
        } catch (ScribeException e) {
            fail(e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            fail("Training failed: " + e);
            throw e;
        }
        long step = history.step();
        if (history.validationLoss().isEmpty() || history.validationLoss().get(history.validationLoss().size() - 1).step() != step) {
            evaluate(step, validation);
        }
        if (checkpointPolicy.savesLatest() && step > clock.startStep) {
            checkpoint(CheckpointSink.Kind.LATEST);
        }
        setRunning(false);
        publish(new TrainingEvent.Finished(step, reason));
        return history.lastValidationLoss();
    }

    /** Steps until a stop condition holds; returns why the run ended. */
    private String trainSteps(List<Batch> validation, RunClock clock) {
        while (history.step() < plan.totalSteps()) {
            if (waitWhilePaused(clock)) {
                return "stopped by the user";
            }
            trainStep(clock);
            long step = history.step();
            boolean evaluated = step % plan.evaluateEvery() == 0 || step >= plan.totalSteps();
            afterStep(step, evaluated, validation, clock);
            String early = earlyStop(evaluated, clock.trainedMillis());
            if (early != null) {
                return early;
            }
        }
        return "reached " + plan.totalSteps() + " steps";
    }

    /** One optimiser step, recorded and published. */
    private void trainStep(RunClock clock) {
        Hyperparameters hp = model.hyperparameters();
        long step = history.step();
        double lr = schedule == null ? hp.learningRateAt(step) : schedule.rate(step, progress(step, clock));
        long t0 = System.nanoTime();
        double loss = model.train(batches.trainingBatch(batchRandom(hp.seed(), step)), lr);
        if (!Double.isFinite(loss)) {
            throw new ScribeException("Training diverged at step " + (step + 1)
                    + " (the loss is not a number); lower the learning rate and start again.");
        }
        long now = clock.stepEnded();
        history.advance(step + 1, (now - t0) / 1_000_000);
        step++;
        double smoothed = clock.smooth(loss);
        if (step % plan.recordEvery() == 0 || step == 1) {
            history.addTrainingLoss(step, smoothed);
        }
        long charsPerStep = (long) hp.batchSize() * hp.seqLength();
        double charsPerSecond = clock.charsPerSecond(now, charsPerStep);
        long trained = clock.trainedMillis();
        long eta = (long) ((plan.totalSteps() - step) * (double) trained / (step - clock.startStep));
        if (plan.maxMinutes() > 0) {
            eta = Math.min(eta, Math.max(0, (long) (plan.maxMinutes() * 60_000) - trained));
        }
        publish(new TrainingEvent.Progress(step, (double) step * charsPerStep / batches.trainingCharacters(),
                loss, smoothed, charsPerSecond, trained, eta, lr));
    }

    /** Validation, samples, checkpoints and snapshots due after a step. */
    private void afterStep(long step, boolean evaluated, List<Batch> validation, RunClock clock) {
        if (evaluated) {
            evaluate(step, validation);
        }
        if (sampleDue(step, clock)) {
            sample(step);
        }
        if (checkpointPolicy.due(step - clock.lastCheckpointStep, clock.lastStepEnd - clock.lastCheckpointTime)) {
            checkpoint(CheckpointSink.Kind.LATEST);
            clock.lastCheckpointStep = step;
            clock.lastCheckpointTime = System.nanoTime();
        }
        serveSnapshots();
    }

    /**
     * Whether the step takes samples: every {@code sampleEvery} steps of the run (counted from its first step, so that
     * a continued model's run has its samples spread like a new one's) and at the last; with a time limit, whose steps
     * are not known ahead, at each tenth of the budget instead (the time used, or the steps when they are further).
     */
    private boolean sampleDue(long step, RunClock clock) {
        if (step >= plan.totalSteps()) {
            return true;
        }
        if (plan.maxMinutes() <= 0) {
            return (step - clock.startStep) % plan.sampleEvery() == 0;
        }
        double used = Math.max((double) (step - clock.startStep) / Math.max(1, plan.totalSteps() - clock.startStep),
                clock.trainedMillis() / (plan.maxMinutes() * 60_000));
        int tenth = (int) Math.min(TIMED_SAMPLES, Math.floor(used * TIMED_SAMPLES));
        if (tenth > clock.timedSamples) {
            clock.timedSamples = tenth;
            return true;
        }
        return false;
    }

    /** The share of the budget used before {@code step}: training time against the time limit, else steps. */
    private double progress(long step, RunClock clock) {
        double used = plan.maxMinutes() > 0 ? (System.nanoTime() - clock.started) / (plan.maxMinutes() * 60e9)
                : (double) step / plan.totalSteps();
        return Math.min(1, Math.max(0, used));
    }

    /** Why the run stops before its last step (patience run out, time limit reached), or null to go on. */
    private String earlyStop(boolean evaluated, long trainedMillis) {
        if (evaluated && plan.patience() > 0 && history.validationsSinceBest() >= plan.patience()) {
            TrainingHistory.Point best = history.bestValidation();
            return String.format(java.util.Locale.ROOT, "stopped early: no better validation loss in %d "
                    + "validations (best %.4f at step %d)", plan.patience(), best.loss(), best.step());
        }
        if (plan.maxMinutes() > 0 && trainedMillis >= plan.maxMinutes() * 60_000) {
            return "reached the time limit of " + new java.math.BigDecimal(plan.maxMinutes())
                    .round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString() + " minutes";
        }
        return null;
    }

    /**
     * Waits while paused, serving snapshots meanwhile; the time spent paused is not training time, so it counts
     * neither toward the time limit nor the speed. Returns whether the run is to stop.
     */
    private boolean waitWhilePaused(RunClock clock) {
        long waitStart = System.nanoTime();
        boolean stop = awaitUnpaused();
        clock.skip(System.nanoTime() - waitStart);
        return stop;
    }

    private void fail(String message) {
        setRunning(false);
        publish(new TrainingEvent.Failed(history.step(), message));
    }

    /** Marks the run as going or over; once it is over, requests are served at once on the caller's thread. */
    private void setRunning(boolean now) {
        synchronized (lock) {
            running = now;
            if (!now) {
                serveSnapshots();
            }
        }
    }

    /** The batch of a step depends only on the seed and the step, so a resumed run draws what a straight run would. */
    static SplittableRandom batchRandom(long seed, long step) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + step);
    }

    private boolean awaitUnpaused() {
        synchronized (lock) {
            while (paused && !stopRequested) {
                serveSnapshots();
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
            }
        }
        return stopRequested || Thread.currentThread().isInterrupted();
    }

    private void evaluate(long step, List<Batch> validation) {
        double total = 0;
        long count = 0;
        for (Batch batch : validation) {
            int n = batch.batchSize() * batch.seqLength();
            total += model.loss(batch) * n;
            count += n;
        }
        double loss = total / count;
        TrainingHistory.Point bestBefore = history.bestValidation();
        history.addValidationLoss(step, loss);
        publish(new TrainingEvent.Evaluation(step, loss));
        if (checkpointPolicy.keepBest() && (bestBefore == null || loss < bestBefore.loss())) {
            checkpoint(CheckpointSink.Kind.BEST);
        }
    }

    private void checkpoint(CheckpointSink.Kind kind) {
        checkpoints.checkpoint(kind, model.copy(), history.copy());
    }

    private void sample(long step) {
        Generator generator = new Generator(model, corpus.vocabulary());
        for (double temperature : SAMPLE_TEMPERATURES) {
            SamplingSettings settings = SamplingSettings.plain().withTemperature(temperature);
            String text = corpus.isRecords() ? RecordSampler.preview(model, corpus, plan.sampleLength(), settings, step)
                    : generator.generate("", plan.sampleLength(), settings, step, ch -> { }, () -> false);
            history.addSample(step, temperature, text);
            publish(new TrainingEvent.SampleTaken(step, temperature, text));
        }
    }

    private void publish(TrainingEvent event) {
        for (Consumer<TrainingEvent> listener : listeners) {
            listener.accept(event);
        }
    }
}
