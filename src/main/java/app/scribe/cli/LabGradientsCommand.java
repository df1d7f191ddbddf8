package app.scribe.cli;

import app.scribe.lab.GradientFlow;
import app.scribe.lab.Numbers;
import app.scribe.lab.Stop;
import app.scribe.lab.TaskSettings;
import app.scribe.model.CellType;
import app.scribe.model.Optimizer;
import app.scribe.ScribeException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

@Command(name = "gradients", description = "The norm of dL/dh_t at every step t of a palindrome, for any cell.")
final class LabGradientsCommand extends LabReport {
    @Option(names = "--cell", required = true, completionCandidates = CellChoices.class,
            description = "the cell: ${COMPLETION-CANDIDATES}")
    String cell;

    @Option(names = "--length", required = true, description = "the palindrome length T, 2-1000")
    int length;

    @Option(names = "--trained-steps", description = "training steps before measuring (default 0: at initialisation)")
    int trainedSteps;

    @Option(names = "--seed", description = "random seed (default 42)")
    long seed = TaskSettings.DEFAULT_SEED;

    @Override
    void print(PrintWriter out) {
        if (trainedSteps < 0 || trainedSteps > 1_000_000) {
            throw new ScribeException("--trained-steps must be between 0 and 1000000 (got " + trainedSteps + ").");
        }
        TaskSettings s = new TaskSettings(CellType.parse(cell), length, 1, TaskSettings.DEFAULT_HIDDEN,
                TaskSettings.DEFAULT_BATCH, TaskSettings.DEFAULT_LEARNING_RATE, Optimizer.RMSPROP, seed);
        GradientFlow.Result r = GradientFlow.measure(s, trainedSteps, new Stop(), (step, loss, accuracy) -> {
        });
        double[] norms = r.trained();
        for (int t = 0; t < norms.length; t++) {
            out.println("t=" + t + " grad_norm=" + Numbers.result(norms[t]));
        }
    }
}
