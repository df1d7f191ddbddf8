package app.scribe.cli;

import app.scribe.ScribeException;
import app.scribe.corpus.BatchSource;
import app.scribe.corpus.Corpus;
import app.scribe.training.SizeAdvice;
import app.scribe.training.SpeedProbe;
import app.scribe.training.TimeBudget;
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
    /** The probe's share of the budget, within its fewest and most seconds. */
    private static final double PROBE_SHARE = 0.06;
    private static final double MIN_PROBE_SECONDS = 2;
    private static final double MAX_PROBE_SECONDS = 8;

    private AutoSize() {
    }

    /** The budget's choice and the minutes left to train once the speed was measured. */
    record Chosen(TimeBudget.Choice choice, double minutesLeft) {
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
    static Chosen choose(PrintWriter console, String engine, Corpus corpus, char[] validation, double minutes,
                         long seed) {
        int longest = BatchSource.longestSequence(corpus, validation);
        long started = System.nanoTime();
        SizeAdvice.Speed speed = SpeedProbe.measure(engine, corpus, longest,
                Math.max(MIN_PROBE_SECONDS, Math.min(MAX_PROBE_SECONDS, minutes * 60 * PROBE_SHARE)));
        double left = minutes - (System.nanoTime() - started) / 60e9;
        if (left <= 0) {
            throw new ScribeException("--minutes " + minutes + " is too short to measure this machine's speed and"
                    + " train: give more time.");
        }
        long trainingCharacters = validation == null ? new BatchSource(corpus, 1, 1).trainingCharacters()
                : corpus.length();
        TimeBudget.Choice choice = TimeBudget.choose(left, trainingCharacters, corpus.vocabulary().size(), longest,
                speed, seed);
        console.println(choice.reason());
        console.flush();
        return new Chosen(choice, left);
    }
}
