package app.scribe.ui.lab;

import app.scribe.lab.Numbers;
import app.scribe.lab.OptimizerRace;
import app.scribe.lab.TaskRun;
import app.scribe.lab.TaskSettings;
import app.scribe.model.CellType;
import app.scribe.model.Optimizer;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;

import java.util.List;

/** Page 5: the palindrome task with SGD, momentum, RMSprop and Adam from the same initial weights. */
public final class OptimizersPage extends LabPage {
    final ChoiceBox<CellType> cell = form.field("Cell", LabForm.choice(List.of(CellType.values()), CellType.LSTM,
            CellType::id), "Cell");
    final TextField length = form.text("Length T", "Length", "10");
    final TextField steps = form.text("Steps each", "Steps", "500");
    final TextField seed = form.text("Seed", "Seed", Long.toString(TaskSettings.DEFAULT_SEED));

    OptimizersPage() {
        super("optimizers", "Which update rule learns fastest? The same network, the same initial weights and the "
                        + "same batches, trained with SGD, SGD with momentum, RMSprop and Adam.",
                "Seeds 000 and 001 (question 1.4): momentum damps oscillations and adaptive rates (RMSprop, Adam) "
                        + "scale each weight's step, so they converge faster than plain SGD. Rates: sgd 0.1, "
                        + "momentum 0.01, rmsprop and adam 1e-3.",
                "step", "loss (nats)");
    }

    @Override
    Experiment prepare() {
        Integer t = form.read(length, () -> PalindromePage.lengthOf(length.getText()));
        Integer n = form.read(steps, () -> LabForm.whole(steps, 1, 1_000_000, "steps"));
        Long s = form.read(seed, () -> Long.parseLong(seed.getText().strip()));
        TaskSettings base = new TaskSettings(cell.getValue(), t, n, TaskSettings.DEFAULT_HIDDEN,
                TaskSettings.DEFAULT_BATCH, TaskSettings.DEFAULT_LEARNING_RATE, Optimizer.RMSPROP, s);
        int count = Optimizer.values().length;
        return (sink, stop) -> {
            sink.header(List.of("optimizer", "learning_rate", "steps", "final_loss", "ending"));
            List<TaskRun.Result> results = OptimizerRace.run(base, stop, (o, step, loss) -> {
                if (step % PalindromePage.PLOT_EVERY == 0) {
                    sink.point(o.id(), step, loss);
                    sink.progress((o.ordinal() + (double) step / n) / count);
                }
            });
            StringBuilder notes = new StringBuilder();
            for (TaskRun.Result r : results) {
                sink.row(List.of(r.settings().optimizer().id(), Numbers.format(r.settings().learningRate()),
                        Integer.toString(r.steps()), Numbers.result(r.finalLoss()), r.ending().text));
                if (r.message() != null) {
                    notes.append(' ').append(r.message());
                }
            }
            return (stop.requested() ? "Stopped." : "Trained with " + results.size() + " optimizers.") + notes;
        };
    }
}
