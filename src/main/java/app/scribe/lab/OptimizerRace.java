package app.scribe.lab;

import app.scribe.model.Optimizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Page 5, optimisers: the same palindrome task from the same initial weights and the same batches, trained with
 * SGD, SGD with momentum, RMSprop and Adam, each at its customary learning rate.
 */
public final class OptimizerRace {
    /** Customary learning rates: the adaptive rules at the seeds' 1e-3; SGD at 0.1; momentum 0.9 at 0.01. */
    public static final Map<Optimizer, Double> LEARNING_RATES = Map.of(Optimizer.SGD, 0.1, Optimizer.MOMENTUM, 0.01,
            Optimizer.RMSPROP, 1e-3, Optimizer.ADAM, 1e-3);

    public interface Listener {
        void step(Optimizer optimizer, int step, double loss);
    }

    private OptimizerRace() {
    }

    public static List<TaskRun.Result> run(TaskSettings base, Stop stop, Listener listener) {
        List<TaskRun.Result> results = new ArrayList<>();
        for (Optimizer o : Optimizer.values()) {
            if (stop.requested()) {
                break;
            }
            TaskSettings s = base.withOptimizer(o, LEARNING_RATES.get(o));
            results.add(TaskRun.trainOnly(s, s.network(), stop, false, (step, loss, accuracy) -> listener.step(o, step,
                    loss)));
        }
        return results;
    }
}
