package app.scribe.training;

/**
 * The learning rate of each step of a run that knows its end: {@code progress} is the share of the run's budget
 * used so far, 0 to 1 (training time against the time limit when there is one, else steps against the step
 * budget). Without one the trainer uses the model's own step decay ({@code Hyperparameters.learningRateAt}).
 */
@FunctionalInterface
public interface LearningRateSchedule {
    double rate(long step, double progress);
}
