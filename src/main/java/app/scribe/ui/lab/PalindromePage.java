package app.scribe.ui.lab;

import app.scribe.ui.common.ChoiceLabels;

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
import javafx.scene.control.Label;
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
    final ChoiceBox<String> mode = new ChoiceBox<>();
    final ChoiceBox<CellType> cell = new ChoiceBox<>();
    final TextField length = new TextField("20");
    final TextField cells = new TextField("rnn,lstm");
    final TextField lengths = new TextField("5-30:5");
    final TextField seeds = new TextField("3");
    final TextField steps = new TextField(Integer.toString(TaskSettings.DEFAULT_STEPS));
    final TextField hidden = new TextField(Integer.toString(TaskSettings.DEFAULT_HIDDEN));
    final TextField batch = new TextField(Integer.toString(TaskSettings.DEFAULT_BATCH));
    final TextField lr = new TextField(Numbers.format(TaskSettings.DEFAULT_LEARNING_RATE));
    final ChoiceBox<Optimizer> optimizer = new ChoiceBox<>();
    final TextField seed = new TextField(Long.toString(TaskSettings.DEFAULT_SEED));
    private final Label lengthError;
    private final Label cellsError;
    private final Label lengthsError;
    private final Label seedsError;
    private final Label stepsError;
    private final Label hiddenError;
    private final Label batchError;
    private final Label lrError;
    private final Label seedError;

    PalindromePage() {
        super("palindrome", "Can the network remember T - 1 steps? It reads the first T - 1 digits of a palindrome "
                        + "and must name the last, which equals the first.",
                "Seed 000: the vanilla RNN's accuracy drops from length ~17, the LSTM stays at 1.0 up to 25 "
                        + "(seed 001 saw no clear gap). Defaults as in the reports: hidden 128, batch 128, RMSprop "
                        + "lr 1e-3, clip 10, 4000 test palindromes; a run ends early after 100 steps at accuracy 1.0.",
                "step (one run) or length T (sweep)", "loss / accuracy");
        mode.getItems().addAll(ONE, SWEEP);
        mode.setValue(ONE);
        cell.getItems().addAll(CellType.values());
        cell.setConverter(new ChoiceLabels<>(CellType::id));
        cell.setValue(CellType.LSTM);
        optimizer.getItems().addAll(Optimizer.values());
        optimizer.setConverter(new ChoiceLabels<>(Optimizer::label));
        optimizer.setValue(Optimizer.RMSPROP);
        field("What", mode, "Mode");
        field("One run: cell", cell, "Cell");
        lengthError = field("One run: length T", length, "Length");
        cellsError = field("Sweep: cells", cells, "Cells");
        lengthsError = field("Sweep: lengths (from-to:step)", lengths, "Lengths");
        seedsError = field("Sweep: seeds", seeds, "Seeds");
        stepsError = field("Steps per run", steps, "Steps");
        hiddenError = field("Hidden units", hidden, "Hidden");
        batchError = field("Batch", batch, "Batch");
        lrError = field("Learning rate", lr, "Lr");
        field("Optimizer", optimizer, "Optimizer");
        seedError = field("Seed", seed, "Seed");
    }

    @Override
    Experiment prepare() {
        boolean sweep = SWEEP.equals(mode.getValue());
        Integer t = sweep ? Integer.valueOf(5) : read(lengthError, () -> lengthOf(length.getText()));
        Integer n = read(stepsError, () -> LabForm.whole(steps, 1, 1_000_000, "steps"));
        Integer h = read(hiddenError, () -> LabForm.whole(hidden, 1, 2048, "hidden units"));
        Integer b = read(batchError, () -> LabForm.whole(batch, 1, 4096, "the batch"));
        Double rate = read(lrError, () -> {
            double v = Double.parseDouble(lr.getText().strip());
            if (!(v > 0 && v <= 10)) {
                throw new ScribeException("the learning rate must be above 0 and at most 10.");
            }
            return v;
        });
        Long s = read(seedError, () -> Long.parseLong(seed.getText().strip()));
        TaskSettings base = new TaskSettings(cell.getValue(), t, n, h, b, rate, optimizer.getValue(), s);
        if (!sweep) {
            return (sink, stop) -> one(base, sink, stop);
        }
        List<CellType> cellList = read(cellsError, () -> Sweep.cells(cells.getText()));
        List<Integer> lengthList = read(lengthsError, () -> {
            List<Integer> list = Sweep.lengths(lengths.getText());
            list.forEach(PalindromePage::checkLength);
            return list;
        });
        Integer seedCount = read(seedsError, () -> Integer.parseInt(seeds.getText().strip()));
        List<TaskSettings> plan = read(seedsError, () -> Sweep.plan(base, cellList, lengthList, seedCount));
        return (sink, stop) -> sweep(plan, sink, stop);
    }

    /** A palindrome length from a field, refused outside 2-1000. */
    static int lengthOf(String text) {
        return checkLength(Integer.parseInt(text.strip()));
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
