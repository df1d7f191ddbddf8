package app.scribe.cli;

import app.scribe.Printable;
import app.scribe.ScribeException;
import app.scribe.lab.NewFile;
import app.scribe.lab.Numbers;
import app.scribe.lab.PlotPicture;
import app.scribe.lab.Stop;
import app.scribe.lab.Sweep;
import app.scribe.lab.TaskRun;
import app.scribe.lab.TaskSettings;
import app.scribe.lab.SweepTables;
import app.scribe.model.CellType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

@Command(name = "palindrome", description = "Train a cell to name the last digit of a palindrome (one run, or a "
        + "sweep over cells, lengths and seeds).")
final class LabPalindromeCommand extends LabReport {
    private static final int REPORT_EVERY = 100;

    @Option(names = "--cell", completionCandidates = CellChoices.class,
            description = "one run: the cell, one of ${COMPLETION-CANDIDATES}")
    String cell;

    @Option(names = "--length", description = "one run: the palindrome length T, 2-1000")
    Integer length;

    @Option(names = "--cells", completionCandidates = CellChoices.class,
            description = "sweep: cells separated by commas, of ${COMPLETION-CANDIDATES}")
    String cells;

    @Option(names = "--lengths", description = "sweep: FROM-TO:STEP or a list (default 5-30:5)")
    String lengths = "5-30:5";

    @Option(names = "--seeds", description = "sweep: seeds per cell and length (default 3)")
    int seeds = 3;

    @Option(names = "--steps", description = "training steps per run (default " + TaskSettings.DEFAULT_STEPS + ")")
    int steps = TaskSettings.DEFAULT_STEPS;

    @Option(names = "--hidden", description = "hidden units (default 128)")
    int hidden = TaskSettings.DEFAULT_HIDDEN;

    @Option(names = "--batch", description = "batch size (default 128)")
    int batch = TaskSettings.DEFAULT_BATCH;

    @Mixin
    OptimizerOptions rule = new OptimizerOptions(TaskSettings.DEFAULT_LEARNING_RATE);

    @Option(names = "--seed", description = "random seed; a sweep uses seed, seed+1, ... (default 42)")
    long seed = TaskSettings.DEFAULT_SEED;

    @Option(names = "--csv", description = "sweep: also write the table to this new CSV file")
    Path csv;

    @Option(names = "--png", description = "sweep: also draw accuracy against length to this new PNG file")
    Path png;

    @Option(names = "--threads", description = "sweep: runs at once (default: cores, at most 2)")
    int threads = Sweep.defaultThreads();

    @Override
    void print(PrintWriter out) {
        boolean single = cell != null || length != null;
        if (single && cells != null) {
            throw new ScribeException("Give --cell and --length for one run, or --cells for a sweep, not both.");
        }
        if (!single && cells == null) {
            throw new ScribeException("Give --cell and --length for one run, or --cells (and --lengths) for a "
                    + "sweep.");
        }
        if (single && (cell == null || length == null)) {
            throw new ScribeException("One run needs both --cell and --length.");
        }
        if (threads < 1 || threads > 64) {
            throw new ScribeException("Threads must be between 1 and 64 (got " + threads + ").");
        }
        CellType first = CellType.parse(single ? cell : cells.split(",")[0]);
        TaskSettings base = new TaskSettings(first, single ? length : 5, steps, hidden, batch, rule.lr,
                rule.rule(), seed);
        if (single) {
            one(base, out);
        } else {
            sweep(base, out);
        }
    }

    private void one(TaskSettings s, PrintWriter out) {
        TaskRun.Result r = TaskRun.run(s, new Stop(), (step, loss, accuracy) -> {
            if (step % REPORT_EVERY == 0) {
                out.println("step=" + step + " loss=" + Numbers.result(loss) + " train_accuracy="
                        + Numbers.result(accuracy));
                out.flush();
            }
        });
        if (r.ending() == TaskRun.Ending.DIVERGED) {
            throw new ScribeException(r.message());
        }
        out.println("steps=" + r.steps() + " ending=" + r.ending().text);
        out.println("accuracy=" + Numbers.result(r.testAccuracy()));
    }

    private void sweep(TaskSettings base, PrintWriter out) {
        List<CellType> cellList = Sweep.cells(cells);
        List<TaskSettings> plan = Sweep.plan(base, cellList, Sweep.lengths(lengths), seeds);
        NewFile.requireNew(csv, png);
        long started = System.nanoTime();
        out.println("runs=" + plan.size() + " threads=" + threads);
        out.flush();
        List<TaskRun.Result> results = Sweep.run(plan, threads, new Stop(), r -> {
            out.println("finished cell=" + r.settings().cell().id() + " length=" + r.settings().length() + " seed="
                    + r.settings().seed() + " steps=" + r.steps() + " accuracy=" + Numbers.result(r.testAccuracy()));
            out.flush();
        });
        SweepTables tables = new SweepTables(results);
        tables.runs().aligned().forEach(out::println);
        tables.summary().aligned().forEach(out::println);
        out.printf("seconds=%.0f%n", (System.nanoTime() - started) / 1e9);
        if (csv != null) {
            out.println("csv=" + Printable.escape(tables.runs().writeCsv(csv).toString()));
        }
        if (png != null) {
            out.println("png=" + Printable.escape(PlotPicture.write(tables.picture(), png).toString()));
        }
    }
}
