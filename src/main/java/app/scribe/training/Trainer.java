package app.scribe.training;

import app.scribe.ScribeException;
import app.scribe.corpus.Batch;
import app.scribe.corpus.BatchSource;
import app.scribe.corpus.Corpus;
import app.scribe.model.CharModel;
import app.scribe.model.Generator;
import app.scribe.model.Hyperparameters;
import app.scribe.model.SamplingSettings;

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
    private static final double SMOOTHING = 0.95;
    /** The seed report's temperatures: a sample at each, with the same seed, at every sampling step. */
    public static final List<Double> SAMPLE_TEMPERATURES = List.of(0.5, 1.0, 2.0);

    private final CharModel model;
    private final Corpus corpus;
    private final TrainingPlan plan;
    private final TrainingHistory history;
    private final BatchSource batches;
    private final List<Consumer<TrainingEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private boolean paused;
    private volatile boolean running;
    private volatile boolean stopRequested;
    private final Queue<CompletableFuture<CharModel>> snapshotRequests = new ConcurrentLinkedQueue<>();
    private CheckpointPolicy checkpointPolicy = CheckpointPolicy.none();
    private CheckpointSink checkpoints = (kind, snapshot, saved) -> { };

    public Trainer(CharModel model, Corpus corpus, TrainingPlan plan, TrainingHistory history) {
        this.model = model;
        this.corpus = corpus;
        this.plan = plan;
        this.history = Objects.requireNonNull(history);
        Hyperparameters hp = model.hyperparameters();
        if (corpus.vocabulary().size() != model.vocabSize()) {
            throw new ScribeException("The model was built for " + model.vocabSize() + " characters but "
                    + corpus.name() + " has " + corpus.vocabulary().size() + ".");
        }
        this.batches = new BatchSource(corpus, hp.seqLength(), hp.batchSize());
    }

    public void addListener(Consumer<TrainingEvent> listener) {
        listeners.add(listener);
    }

    /** Hands checkpoints to {@code sink} as {@code policy} says; set before {@link #run()}. */
    public void setCheckpoints(CheckpointPolicy policy, CheckpointSink sink) {
        this.checkpointPolicy = Objects.requireNonNull(policy);
        this.checkpoints = Objects.requireNonNull(sink);
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
        }
        synchronized (this) {
            // Checked under the same monitor that run() takes to start, so a copy made here on the caller's thread
            // can never overlap the first training step.
            if (!running) {
                serveSnapshots();
            }
        }
        return request;
    }

    private synchronized void serveSnapshots() {
        CompletableFuture<CharModel> request;
        while ((request = snapshotRequests.poll()) != null) {
            try {
                request.complete(model.copy());
            } catch (RuntimeException e) {
                request.completeExceptionally(e);
            }
        }
    }

    /** Trains until the step budget, the time limit or a stop; returns the final validation loss. */
    public double run() {
        Hyperparameters hp = model.hyperparameters();
        List<Batch> validation = batches.validationBatches();
        long startStep = history.step();
        long started = System.nanoTime();
        long windowStart = started;
        long windowSteps = 0;
        long lastCheckpointStep = startStep;
        long lastCheckpointTime = started;
        double smoothed = Double.NaN;
        long charsPerStep = (long) hp.batchSize() * hp.seqLength();
        synchronized (this) {
            running = true;
        }
        String reason = "reached " + plan.totalSteps() + " steps";
        try {
            while (history.step() < plan.totalSteps()) {
                long waitStart = System.nanoTime();
                boolean stopNow = awaitUnpaused();
                // Time spent paused is not training time: it counts neither toward the time limit nor the speed.
                long waited = System.nanoTime() - waitStart;
                started += waited;
                windowStart += waited;
                lastCheckpointTime += waited;
                if (stopNow) {
                    reason = "stopped by the user";
                    break;
                }
                long step = history.step();
                double lr = hp.learningRateAt(step);
                long t0 = System.nanoTime();
                double loss = model.train(batches.trainingBatch(batchRandom(hp.seed(), step)), lr);
                if (!Double.isFinite(loss)) {
                    throw new ScribeException("Training diverged at step " + (step + 1)
                            + " (the loss is not a number); lower the learning rate and start again.");
                }
                long now = System.nanoTime();
                history.advance(step + 1, (now - t0) / 1_000_000);
                step++;
                windowSteps++;
                smoothed = Double.isNaN(smoothed) ? loss : SMOOTHING * smoothed + (1 - SMOOTHING) * loss;
                if (step % plan.recordEvery() == 0 || step == 1) {
                    history.addTrainingLoss(step, smoothed);
                }
                double seconds = (now - windowStart) / 1e9;
                double charsPerSecond = windowSteps * charsPerStep / Math.max(seconds, 1e-9);
                if (seconds > 2) {
                    windowStart = now;
                    windowSteps = 0;
                }
                long elapsed = (now - started) / 1_000_000;
                long eta = (long) ((plan.totalSteps() - step) * (double) elapsed / (step - startStep));
                publish(new TrainingEvent.Progress(step, (double) step * charsPerStep / batches.trainingCharacters(),
                        loss, smoothed, charsPerSecond, history.trainingMillis(), eta, lr));
                boolean last = step >= plan.totalSteps();
                boolean evaluated = step % plan.evaluateEvery() == 0 || last;
                if (evaluated) {
                    evaluate(step, validation);
                }
                if (step % plan.sampleEvery() == 0 || last) {
                    sample(step);
                }
                if (checkpointPolicy.due(step - lastCheckpointStep, now - lastCheckpointTime)) {
                    checkpoint(CheckpointSink.Kind.LATEST);
                    lastCheckpointStep = step;
                    lastCheckpointTime = System.nanoTime();
                }
                serveSnapshots();
                if (evaluated && plan.patience() > 0 && history.validationsSinceBest() >= plan.patience()) {
                    TrainingHistory.Point best = history.bestValidation();
                    reason = String.format(java.util.Locale.ROOT, "stopped early: no better validation loss in %d "
                            + "validations (best %.4f at step %d)", plan.patience(), best.loss(), best.step());
                    break;
                }
                if (plan.maxMinutes() > 0 && elapsed >= plan.maxMinutes() * 60_000) {
                    reason = "reached the time limit of " + plan.maxMinutes() + " minutes";
                    break;
                }
            }
        } catch (ScribeException e) {
            finish();
            publish(new TrainingEvent.Failed(history.step(), e.getMessage()));
            throw e;
        } catch (RuntimeException e) {
            finish();
            publish(new TrainingEvent.Failed(history.step(), "Training failed: " + e));
            throw e;
        }
        long step = history.step();
        if (history.validationLoss().isEmpty() || history.validationLoss().get(history.validationLoss().size() - 1).step() != step) {
            evaluate(step, validation);
        }
        if (checkpointPolicy.savesLatest() && step > startStep) {
            checkpoint(CheckpointSink.Kind.LATEST);
        }
        finish();
        publish(new TrainingEvent.Finished(step, reason));
        return history.lastValidationLoss();
    }

    private void finish() {
        running = false;
        serveSnapshots();
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
            String text = generator.generate("", plan.sampleLength(), SamplingSettings.plain().withTemperature(temperature), step,
                    ch -> { }, () -> false);
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
