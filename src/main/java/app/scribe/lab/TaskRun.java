package app.scribe.lab;

import app.scribe.corpus.Batch;
import app.scribe.engine.fast.LastStepNetwork;

import java.util.SplittableRandom;

/**
 * Trains one network on palindromes: fresh batches every step, the training accuracy of each batch measured before
 * the step, an early end once it has been 1.0 for {@link #SETTLED_STEPS} steps in a row, a stop on request or on
 * a loss that is no longer finite; then the accuracy on {@link TaskSettings#TEST_SIZE} fresh palindromes.
 */
public final class TaskRun {
    public static final int SETTLED_STEPS = 100;
    private static final int TEST_CHUNK = 500;

    /** Told after every step. */
    public interface Listener {
        void step(int step, double loss, double trainAccuracy);
    }

    /** How a run ended. */
    public enum Ending {
        BUDGET("all steps"), SETTLED("early: train accuracy 1.0 for " + SETTLED_STEPS + " steps"),
        STOPPED("stopped"), DIVERGED("diverged");

        public final String text;

        Ending(String text) {
            this.text = text;
        }
    }

    public record Result(TaskSettings settings, int steps, double finalLoss, double testAccuracy, Ending ending,
                         String message) {
    }

    private TaskRun() {
    }

    public static Result run(TaskSettings s, Stop stop, Listener listener) {
        return run(s, s.network(), stop, listener);
    }

    /** Trains {@code network} (built from {@code s}) and tests it, unless it diverged or was stopped. */
    public static Result run(TaskSettings s, LastStepNetwork network, Stop stop, Listener listener) {
        Result trained = trainOnly(s, network, stop, true, listener);
        if (trained.ending() == Ending.DIVERGED || trained.ending() == Ending.STOPPED) {
            return trained;
        }
        return new Result(s, trained.steps(), trained.finalLoss(), testAccuracy(s, network), trained.ending(), null);
    }

    /** The training loop alone (ending early only when {@code settle}); the result's test accuracy is NaN. */
    public static Result trainOnly(TaskSettings s, LastStepNetwork network, Stop stop, boolean settle,
                                   Listener listener) {
        SplittableRandom data = new SplittableRandom(s.seed() * 31 + 7);
        int settled = 0;
        int step = 0;
        double loss = Double.NaN;
        Ending ending = Ending.BUDGET;
        while (step < s.steps()) {
            if (stop.requested()) {
                ending = Ending.STOPPED;
                break;
            }
            Batch batch = Palindromes.batch(s.length(), s.batch(), data);
            double accuracy = (double) Palindromes.correct(batch, network.predict(batch)) / s.batch();
            loss = network.train(batch, s.learningRate());
            step++;
            if (!Double.isFinite(loss)) {
                String what = s.cell().id() + " with " + s.optimizer().id() + " at learning rate "
                        + Numbers.format(s.learningRate());
                return new Result(s, step, loss, Double.NaN, Ending.DIVERGED, "Training diverged: the loss of the "
                        + what + " became " + loss + " at step " + step + "; try a lower learning rate.");
            }
            listener.step(step, loss, accuracy);
            settled = accuracy == 1.0 ? settled + 1 : 0;
            if (settle && settled >= SETTLED_STEPS) {
                ending = Ending.SETTLED;
                break;
            }
        }
        return new Result(s, step, loss, Double.NaN, ending, null);
    }

    /** Accuracy on fresh palindromes drawn from a stream of their own. */
    public static double testAccuracy(TaskSettings s, LastStepNetwork network) {
        SplittableRandom test = new SplittableRandom(s.seed() * 31 + 1_000_003);
        int hits = 0;
        for (int done = 0; done < TaskSettings.TEST_SIZE; done += TEST_CHUNK) {
            Batch batch = Palindromes.batch(s.length(), Math.min(TEST_CHUNK, TaskSettings.TEST_SIZE - done), test);
            hits += Palindromes.correct(batch, network.predict(batch));
        }
        return (double) hits / TaskSettings.TEST_SIZE;
    }
}
