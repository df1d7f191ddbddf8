package app.scribe.training;

/**
 * The learning rate of each step of a run that knows its end: {@code progress} is the share of the run's budget
 * used so far, 0 to 1 (training time against the time limit when there is one, else steps against the step
 * budget). Without one the trainer uses the model's own step decay ({@code Hyperparameters.learningRateAt}).
 */
@FunctionalInterface
public interface LearningRateSchedule {
    double rate(long step, double progress);

    /**
     * {@code rate} at {@code fromStep}, then the model's own step decay counted from there: a model continued on
     * another text at a rate of its own.
     */
    static LearningRateSchedule from(double rate, long fromStep, app.scribe.model.Hyperparameters hp) {
        return (step, progress) -> rate * Math.pow(hp.decayRate(), Math.max(0, step - fromStep) / hp.decayEvery());
    }
}
