package app.scribe.training;

import app.scribe.ScribeException;

/**
 * How long to train and how often to look: the step budget (total, counting steps of earlier sessions), an optional
 * wall-clock limit, the intervals for validation, recorded loss points and samples, and the early-stopping patience:
 * the run ends after that many validations in a row without a new best (0 = never).
 */
public record TrainingPlan(long totalSteps, double maxMinutes, int evaluateEvery, int sampleEvery, int sampleLength,
                           int recordEvery, int patience) {
    public static final int MAX_PATIENCE = 1000;
    public static final long MAX_STEPS = 100_000_000L;

    public TrainingPlan {
        if (totalSteps < 1 || totalSteps > MAX_STEPS) {
            throw new ScribeException("Steps must be between 1 and 100000000 (got " + totalSteps + ").");
        }
        if (!(maxMinutes >= 0 && maxMinutes <= 60 * 24 * 30)) {
            throw new ScribeException("Minutes must be between 0 (no limit) and 43200 (got " + maxMinutes + ").");
        }
        if (evaluateEvery < 1 || sampleEvery < 1 || sampleLength < 1 || recordEvery < 1) {
            throw new ScribeException("Evaluation, sample and record intervals must be at least 1.");
        }
        if (patience < 0 || patience > MAX_PATIENCE) {
            throw new ScribeException("Patience must be between 0 (no early stopping) and " + MAX_PATIENCE
                    + " validations (got " + patience + ").");
        }
    }

    /** Validation and samples at evenly spaced steps: ten samples across the budget, as in the seed report. */
    public static TrainingPlan forSteps(long totalSteps) {
        return forSteps(0, totalSteps);
    }

    /**
     * A run that continues a model at {@code fromStep} up to {@code totalSteps}: validation and ten samples spread
     * over the run's own steps (the {@link Trainer} counts them from the run's first step), as a new model's run.
     */
    public static TrainingPlan forSteps(long fromStep, long totalSteps) {
        long runSteps = Math.max(1, totalSteps - fromStep);
        int evaluateEvery = (int) Math.max(10, Math.min(250, runSteps / 20));
        int sampleEvery = (int) Math.max(10, runSteps / 10);
        return new TrainingPlan(totalSteps, 0, evaluateEvery, sampleEvery, 120, 5, 0);
    }

    /**
     * A run the clock ends after {@code minutes}: validation spaced for the steps it expects to take, and ten samples
     * spread over the time (see {@link Trainer}), however many steps it takes.
     */
    public static TrainingPlan forMinutes(double minutes, long expectedSteps) {
        TrainingPlan spaced = forSteps(Math.max(1, Math.min(MAX_STEPS, expectedSteps)));
        return new TrainingPlan(MAX_STEPS, minutes, spaced.evaluateEvery, spaced.sampleEvery, spaced.sampleLength,
                spaced.recordEvery, 0);
    }

    public TrainingPlan withMaxMinutes(double minutes) {
        return new TrainingPlan(totalSteps, minutes, evaluateEvery, sampleEvery, sampleLength, recordEvery, patience);
    }

    public TrainingPlan withPatience(int validations) {
        return new TrainingPlan(totalSteps, maxMinutes, evaluateEvery, sampleEvery, sampleLength, recordEvery,
                validations);
    }
}
