package app.scribe.training;

import app.scribe.ScribeException;
import app.scribe.corpus.BatchSource;
import app.scribe.corpus.Corpus;

/**
 * A time budget's model, chosen for this machine: its speed measured just before on a small probe model (the
 * probe's time comes off the budget), then {@link TimeBudget}'s choice. The command line's {@code train --minutes}
 * and the app's "Train for ... minutes" both choose here.
 *
 * @param choice      what was chosen, with its schedule and the sentence that says why
 * @param minutesLeft the minutes left to train once the speed was measured
 */
public record BudgetChoice(TimeBudget.Choice choice, double minutesLeft) {
    /** The probe's share of the budget, within its fewest and most seconds. */
    private static final double PROBE_SHARE = 0.06;
    private static final double MIN_PROBE_SECONDS = 2;
    private static final double MAX_PROBE_SECONDS = 8;

    /**
     * Measures the speed and chooses a model for {@code minutes} on {@code corpus} (validated on {@code validation}
     * when not null, else on its own last part); refused with a sentence when the time is too short.
     */
    public static BudgetChoice choose(String engine, Corpus corpus, char[] validation, double minutes, long seed) {
        int longest = BatchSource.longestSequence(corpus, validation);
        long started = System.nanoTime();
        SizeAdvice.Speed speed = SpeedProbe.measure(engine, corpus, longest,
                Math.max(MIN_PROBE_SECONDS, Math.min(MAX_PROBE_SECONDS, minutes * 60 * PROBE_SHARE)));
        double left = minutes - (System.nanoTime() - started) / 60e9;
        if (left <= 0) {
            throw new ScribeException(minutes + " minutes are too short to measure this machine's speed and train: "
                    + "give more time.");
        }
        long trainingCharacters = validation == null ? new BatchSource(corpus, 1, 1).trainingCharacters()
                : corpus.length();
        return new BudgetChoice(TimeBudget.choose(left, trainingCharacters, corpus.vocabulary().size(), longest,
                speed, seed), left);
    }
}
