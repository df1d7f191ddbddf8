package app.scribe.ui.lab;

import app.scribe.lab.GradientFlow;
import app.scribe.lab.Numbers;
import app.scribe.lab.Sweep;
import app.scribe.lab.TaskSettings;
import app.scribe.model.CellType;
import app.scribe.model.Optimizer;
import javafx.scene.control.TextField;

import java.util.List;
import java.util.StringJoiner;

/** Page 2: the norm of dL/dh_t along a palindrome, at initialisation and after training, for each cell. */
public final class GradientsPage extends LabPage {
    final TextField cells = form.text("Cells", "Cells", CellType.ids());
    final TextField length = form.text("Length T", "Length", "30");
    final TextField trained = form.text("Then train steps", "Trained", "300");
    final TextField seed = form.text("Seed", "Seed", "1");

    GradientsPage() {
        super("gradients", "How far back does the loss reach? The norm of dL/dh_t for every step t, L the loss at the "
                        + "last step, on a log scale.",
                "Seed 001, figure 2: RNN and LSTM gradients follow much the same curve; seed 000 (question 1.1): "
                        + "through an RNN they carry W_hh^(t-k), so they vanish or explode with its spectral radius.",
                "t", "log10 ‖dL/dh_t‖");
    }

    @Override
    Experiment prepare() {
        List<CellType> cellList = form.read(cells, () -> Sweep.cells(cells.getText()));
        Integer t = form.read(length, () -> PalindromePage.lengthOf(length.getText()));
        Integer n = form.read(trained, () -> LabForm.whole(trained, 0, 1_000_000, "training steps"));
        Long s = form.read(seed, () -> Long.parseLong(seed.getText().strip()));
        return (sink, stop) -> {
            sink.header(List.of("cell", "when", "t", "grad_norm"));
            StringJoiner ratios = new StringJoiner("; ", "Norm at t = 0 over the last step: ", ".");
            for (int i = 0; i < cellList.size() && !stop.requested(); i++) {
                CellType c = cellList.get(i);
                TaskSettings settings = new TaskSettings(c, t, 1, TaskSettings.DEFAULT_HIDDEN,
                        TaskSettings.DEFAULT_BATCH, TaskSettings.DEFAULT_LEARNING_RATE, Optimizer.RMSPROP, s);
                int done = i;
                GradientFlow.Result r = GradientFlow.measure(settings, n, stop, (step, loss, accuracy) ->
                        sink.progress((done + (double) step / Math.max(1, n)) / cellList.size()));
                plot(sink, c.id() + " at initialisation", r.initial());
                if (n > 0) {
                    plot(sink, c.id() + " after " + r.trainedSteps() + " steps", r.trained());
                }
                double[] first = r.initial();
                ratios.add(c.id() + " " + Numbers.result(first[0] / first[first.length - 1]) + " at initialisation"
                        + (n > 0 ? ", " + Numbers.result(r.ratio()) + " trained" : ""));
                sink.progress((i + 1.0) / cellList.size());
            }
            return stop.requested() ? "Stopped." : ratios.toString();
        };
    }

    private static void plot(Sink sink, String name, double[] norms) {
        for (int t = 0; t < norms.length; t++) {
            sink.point(name, t, Math.log10(norms[t]));
            sink.row(List.of(name.split(" ")[0], name.substring(name.indexOf(' ') + 1), Integer.toString(t),
                    Numbers.result(norms[t])));
        }
    }
}
