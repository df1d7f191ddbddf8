package app.scribe.cli;

import app.scribe.lab.Numbers;
import app.scribe.lab.OptimizerRace;
import app.scribe.lab.Stop;
import app.scribe.lab.TaskRun;
import app.scribe.lab.TaskSettings;
import app.scribe.model.CellType;
import app.scribe.model.Optimizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;

@Command(name = "optimizers", description = "The palindrome task with sgd, momentum, rmsprop and adam from the same "
        + "initial weights.")
final class LabOptimizersCommand extends LabReport {
    @Option(names = "--length", required = true, description = "the palindrome length T, 2-1000")
    int length;

    @Option(names = "--steps", required = true, description = "training steps for each optimizer")
    int steps;

    @Option(names = "--cell", completionCandidates = CellChoices.class,
            description = "the cell: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    String cell = CellType.LSTM.id();

    @Option(names = "--seed", description = "random seed (default 42)")
    long seed = TaskSettings.DEFAULT_SEED;

    @Override
    void print(PrintWriter out) {
        TaskSettings base = new TaskSettings(CellType.parse(cell), length, steps, TaskSettings.DEFAULT_HIDDEN,
                TaskSettings.DEFAULT_BATCH, TaskSettings.DEFAULT_LEARNING_RATE, Optimizer.RMSPROP, seed);
        List<TaskRun.Result> results = OptimizerRace.run(base, new Stop(), (o, step, loss) -> {
        });
        results.stream().filter(r -> r.message() != null).forEach(r -> out.println("note: " + r.message()));
        for (TaskRun.Result r : results) {
            out.println("optimizer=" + r.settings().optimizer().id() + " lr=" + Numbers.format(
                    r.settings().learningRate()) + " final_loss=" + Numbers.result(r.finalLoss()));
        }
    }
}
