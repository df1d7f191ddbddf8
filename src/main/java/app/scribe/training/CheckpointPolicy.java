package app.scribe.training;

import app.scribe.ScribeException;

/**
 * When a run hands out checkpoints: the latest model every {@code everySteps} steps and/or every
 * {@code everyMinutes} minutes of training (0 turns either off), plus the best model by validation loss whenever a
 * validation improves on all earlier ones, when {@code keepBest} is set. A run with either interval set also hands
 * out the latest model when it ends.
 */
public record CheckpointPolicy(long everySteps, double everyMinutes, boolean keepBest) {
    public static final double MAX_MINUTES = 24 * 60;

    public CheckpointPolicy {
        if (everySteps < 0 || everySteps > 100_000_000L) {
            throw new ScribeException("Checkpoint steps must be between 0 (off) and 100000000 (got " + everySteps
                    + ").");
        }
        if (!(everyMinutes >= 0 && everyMinutes <= MAX_MINUTES)) {
            throw new ScribeException("Checkpoint minutes must be between 0 (off) and " + (int) MAX_MINUTES
                    + " (got " + everyMinutes + ").");
        }
    }

    public static CheckpointPolicy none() {
        return new CheckpointPolicy(0, 0, false);
    }

    /** Every five minutes and at the end, and the best: a closed lid or a crash costs at most five minutes. */
    public static CheckpointPolicy defaults() {
        return new CheckpointPolicy(0, 5, true);
    }

    public boolean savesLatest() {
        return everySteps > 0 || everyMinutes > 0;
    }

    boolean due(long stepsSinceLast, long nanosSinceLast) {
        return (everySteps > 0 && stepsSinceLast >= everySteps)
                || (everyMinutes > 0 && nanosSinceLast >= everyMinutes * 60e9);
    }
}
