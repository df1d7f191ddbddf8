package app.scribe.cli;

import app.scribe.ScribeException;
import app.scribe.corpus.Corpus;
import app.scribe.training.BudgetChoice;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code train --size auto}: whether a run picks its own model for its time ({@link TimeBudget}), and the choice,
 * made once the corpus is read on the speed measured just then.
 */
final class AutoSize {
    /** The options that set what the budget chooses. */
    static final List<String> SIZE_OPTIONS = List.of("--cell", "--hidden", "--layers", "--seq", "--batch", "--lr",
            "--optimizer", "--dropout", "--weight-decay", "--leak");
    private AutoSize() {
    }

    /**
     * Whether this run picks its own size: {@code --size auto}, or by default a time given without {@code --steps},
     * size options or {@code --resume}. {@code --size manual} keeps the flags and their defaults.
     */
    static boolean applies(String size, ParseResult parsed, Double minutes, Long steps, Path resume) {
        List<String> given = SIZE_OPTIONS.stream().filter(parsed::hasMatchedOption).toList();
        if (size == null) {
            return minutes != null && steps == null && resume == null && given.isEmpty();
        }
        if (size.equals("manual")) {
            return false;
        }
        if (!size.equals("auto")) {
            throw new ScribeException("--size must be auto or manual (got " + size + ").");
        }
        if (minutes == null || steps != null) {
            throw new ScribeException("--size auto chooses the model for a time: give --minutes and no --steps.");
        }
        if (resume != null) {
            throw new ScribeException("--size auto starts a new model: leave out --resume.");
        }
        if (!given.isEmpty()) {
            throw new ScribeException("--size auto chooses " + String.join(", ", given)
                    + " itself: leave them out or use --size manual.");
        }
        return true;
    }

    /** Measures the speed, chooses and prints the choice in one line; the probe's time comes off the budget. */
    static BudgetChoice choose(PrintWriter console, String engine, Corpus corpus, char[] validation, double minutes,
                               long seed) {
        BudgetChoice chosen = BudgetChoice.choose(engine, corpus, validation, minutes, seed);
        console.println(chosen.choice().reason());
        console.flush();
        return chosen;
    }
}
