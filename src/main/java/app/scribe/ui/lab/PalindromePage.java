package app.scribe.ui.lab;

import app.scribe.ScribeException;
import app.scribe.lab.Numbers;
import app.scribe.lab.Stop;
import app.scribe.lab.Sweep;
import app.scribe.lab.SweepTables;
import app.scribe.lab.TaskRun;
import app.scribe.lab.TaskSettings;
import app.scribe.model.CellType;
import app.scribe.model.Optimizer;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;

import java.util.ArrayList;
import java.util.List;

/**
 * Page 1: palindromes. One run of one cell at one length (loss and training accuracy as it trains, then the test
 * accuracy), or a sweep over cells, lengths and seeds (test accuracy against length, mean and mean ± spread,
 * filling in as runs end).
 */
public final class PalindromePage extends LabPage {
    static final String ONE = "One run";
    static final String SWEEP = "Sweep";
    static final int PLOT_EVERY = 5;
    final ChoiceBox<String> mode = form.field("What", LabForm.choice(List.of(ONE, SWEEP), ONE, m -> m), "Mode");
    final ChoiceBox<CellType> cell = form.field("One run: cell", LabForm.choice(List.of(CellType.values()),
            CellType.LSTM, CellType::id), "Cell");
    final TextField length = form.text("One run: length T", "Length", "20");
    final TextField cells = form.text("Sweep: cells", "Cells", "rnn,lstm");
    final TextField lengths = form.text("Sweep: lengths (from-to:step)", "Lengths", "5-30:5");
    final TextField seeds = form.text("Sweep: seeds", "Seeds", "3");
    final TextField steps = form.text("Steps per run", "Steps", Integer.toString(TaskSettings.DEFAULT_STEPS));
    final TextField hidden = form.text("Hidden units", "Hidden", Integer.toString(TaskSettings.DEFAULT_HIDDEN));
    final TextField batch = form.text("Batch", "Batch", Integer.toString(TaskSettings.DEFAULT_BATCH));
    final TextField lr = form.text("Learning rate", "Lr", Numbers.format(TaskSettings.DEFAULT_LEARNING_RATE));
    final ChoiceBox<Optimizer> optimizer = form.field("Optimizer", LabForm.choice(List.of(Optimizer.values()),
            Optimizer.RMSPROP, Optimizer::label), "Optimizer");
    final TextField seed = form.text("Seed", "Seed", Long.toString(TaskSettings.DEFAULT_SEED));

    PalindromePage() {
        super("palindrome", "Can the network remember T - 1 steps? It reads the first T - 1 digits of a palindrome "
                        + "and must name the last, which equals the first.",
                "Seed 000: the vanilla RNN's accuracy drops from length ~17, the LSTM stays at 1.0 up to 25 "
                        + "(seed 001 saw no clear gap). Defaults as in the reports: hidden 128, batch 128, RMSprop "
                        + "lr 1e-3, clip 10, 4000 test palindromes; a run ends early after 100 steps at accuracy 1.0.",
                "step (one run) or length T (sweep)", "loss / accuracy");
    }

    @Override
    Experiment prepare() {
        boolean sweep = SWEEP.equals(mode.getValue());
        Integer t = sweep ? Integer.valueOf(5) : form.read(length, () -> lengthOf(length.getText()));
        Integer n = form.read(steps, () -> LabForm.whole(steps, 1, 1_000_000, "steps"));
        Integer h = form.read(hidden, () -> LabForm.whole(hidden, 1, 2048, "hidden units"));
        Integer b = form.read(batch, () -> LabForm.whole(batch, 1, 4096, "the batch"));
        Double rate = form.read(lr, () -> {
            double v = Double.parseDouble(lr.getText().strip());
            if (!(v > 0 && v <= 10)) {
                throw new ScribeException("The learning rate must be above 0 and at most 10.");
            }
            return v;
        });
        Long s = form.read(seed, () -> Long.parseLong(seed.getText().strip()));
        TaskSettings base = new TaskSettings(cell.getValue(), t, n, h, b, rate, optimizer.getValue(), s);
        if (!sweep) {
            return (sink, stop) -> one(base, sink, stop);
        }
        List<CellType> cellList = form.read(cells, () -> Sweep.cells(cells.getText()));
        List<Integer> lengthList = form.read(lengths, () -> {
            List<Integer> list = Sweep.lengths(lengths.getText());
            list.forEach(PalindromePage::checkLength);
            return list;
        });
        Integer seedCount = form.read(seeds, () -> LabForm.integer(seeds.getText()));
        List<TaskSettings> plan = form.read(seeds, () -> Sweep.plan(base, cellList, lengthList, seedCount));
        return (sink, stop) -> sweep(plan, sink, stop);
    }

    /** A palindrome length from a field, refused outside 2-1000. */
    static int lengthOf(String text) {
        return checkLength(LabForm.integer(text));
    }

    private static int checkLength(int t) {
        TaskSettings.defaults(CellType.LSTM, t);
        return t;
    }

    private static String one(TaskSettings s, Sink sink, Stop stop) {
        sink.header(SweepTables.RUN_HEADER);
        TaskRun.Result r = TaskRun.run(s, stop, (step, loss, accuracy) -> {
            if (step % PLOT_EVERY == 0) {
                sink.point("loss", step, loss);
                sink.point("train accuracy", step, accuracy);
                sink.progress((double) step / s.steps());
            }
        });
        sink.row(SweepTables.row(r));
        if (r.ending() == TaskRun.Ending.DIVERGED) {
            return r.message();
        }
        if (r.ending() == TaskRun.Ending.STOPPED) {
            return "Stopped after " + r.steps() + " steps (not tested).";
        }
        sink.progress(1);
        return s.cell().id() + " at length " + s.length() + ": test accuracy " + Numbers.result(r.testAccuracy())
                + " after " + r.steps() + " steps (" + r.ending().text + ").";
    }

    private static String sweep(List<TaskSettings> plan, Sink sink, Stop stop) {
        sink.header(SweepTables.RUN_HEADER);
        List<TaskRun.Result> done = new ArrayList<>();
        List<TaskRun.Result> results = Sweep.run(plan, Sweep.defaultThreads(), stop, r -> {
            sink.row(SweepTables.row(r));
            if (r.ending() == TaskRun.Ending.STOPPED || r.ending() == TaskRun.Ending.DIVERGED) {
                return;
            }
            done.add(r);
            CellType c = r.settings().cell();
            int t = r.settings().length();
            for (Sweep.Point p : Sweep.summarise(done)) {
                if (p.cell() == c && p.length() == t) {
                    sink.set(c.id() + " mean", t, p.mean());
                    sink.set(c.id() + " mean - spread", t, p.mean() - p.spread());
                    sink.set(c.id() + " mean + spread", t, p.mean() + p.spread());
                }
            }
            sink.progress((double) done.size() / plan.size());
        });
        long diverged = results.stream().filter(r -> r.ending() == TaskRun.Ending.DIVERGED).count();
        return (stop.requested() ? "Stopped after " : "Finished ") + done.size() + " of " + plan.size() + " runs"
                + (diverged > 0 ? "; " + diverged + " diverged (see the table)." : ".");
    }
}
