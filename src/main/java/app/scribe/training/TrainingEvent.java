package app.scribe.training;

/** What a training run tells its listeners. Immutable; published from the training thread. */
public sealed interface TrainingEvent {
    long step();

    /**
     * After each optimizer step. {@code smoothedLoss} is an exponential moving average of the batch losses;
     * {@code elapsedMillis} is this run's training time (pauses left out, earlier runs of the model too) and
     * {@code etaMillis} the training time still to go (with a time limit, at most what is left of it).
     */
    record Progress(long step, double epoch, double batchLoss, double smoothedLoss, double charsPerSecond,
                    long elapsedMillis, long etaMillis, double learningRate) implements TrainingEvent {
    }

    /** Mean loss on the held-out validation text, nats/char. */
    record Evaluation(long step, double validationLoss) implements TrainingEvent {
    }

    /** A short text sampled from the model at this step and temperature. */
    record SampleTaken(long step, double temperature, String text) implements TrainingEvent {
    }

    record Finished(long step, String reason) implements TrainingEvent {
    }

    record Failed(long step, String message) implements TrainingEvent {
    }
}
