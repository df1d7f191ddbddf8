package app.scribe.lab;

import app.scribe.corpus.Batch;
import app.scribe.engine.fast.LastStepNetwork;

import java.util.SplittableRandom;

/**
 * Page 2, gradient flow: for one palindrome batch, the norm of dL/dh_t for every step t (L the loss at the last
 * step), at initialisation and after training (seed 001's figure 2; seed 000's question 1.1 explains the fall
 * through powers of W_hh).
 */
public final class GradientFlow {
    public record Result(TaskSettings settings, double[] initial, double[] trained, int trainedSteps) {
        /** Norm at t = 0 over norm at t = T - 2 (the last step read), after training when trained. */
        public double ratio() {
            double[] n = trainedSteps > 0 ? trained : initial;
            return n[0] / n[n.length - 1];
        }
    }

    private GradientFlow() {
    }

    /** {@code s.steps()} is the number of training steps between the two measurements (0: initial only). */
    public static Result measure(TaskSettings s, int trainedSteps, Stop stop, TaskRun.Listener listener) {
        LastStepNetwork network = s.network();
        Batch probe = Palindromes.batch(s.length(), s.batch(), new SplittableRandom(s.seed() ^ 0x5DEECE66DL));
        double[] initial = network.hiddenGradientNorms(probe);
        if (trainedSteps == 0) {
            return new Result(s, initial, initial, 0);
        }
        TaskSettings training = new TaskSettings(s.cell(), s.length(), trainedSteps, s.hidden(), s.batch(),
                s.learningRate(), s.optimizer(), s.seed());
        TaskRun.Result run = TaskRun.trainOnly(training, network, stop, false, listener);
        return new Result(s, initial, network.hiddenGradientNorms(probe), run.steps());
    }
}
