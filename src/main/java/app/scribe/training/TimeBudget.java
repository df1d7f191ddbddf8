package app.scribe.training;

import app.scribe.ScribeException;
import app.scribe.model.CellOptions;
import app.scribe.model.CellType;
import app.scribe.model.Hyperparameters;
import app.scribe.model.Optimizer;

import java.util.Locale;

/**
 * Picks a model and its learning-rate schedule for a time budget ("train for M minutes"), from the corpus's size and
 * the machine's speed, so that the validation loss is lowest when the time is up.
 *
 * <p>The rule, measured on Tiny Shakespeare on the 2-core build machine (BENCHMARKS.md, "Quality"):
 * <ul>
 * <li>Size: the budget buys {@code speed x seconds} parameter-characters; a 2-layer LSTM gets the most parameters
 *     that still read {@link #CHARS_PER_PARAMETER} characters each (fewer, larger models underfit in the time,
 *     smaller ones stop improving), but no more parameters than the training text has characters.</li>
 * <li>Dropout between layers grows with the epochs the run will read: none up to {@link #EPOCHS_WITHOUT_DROPOUT},
 *     then 0.05 a doubling, at most {@link #MAX_DROPOUT}.</li>
 * <li>Sequences of {@link #SEQ_LENGTH} characters, batches of {@link #BATCH}, RMSprop.</li>
 * <li>The schedule warms up over {@link #WARMUP_STEPS} steps and then follows a cosine from the peak rate down to
 *     {@link #FINAL_SHARE} of it at the deadline.</li>
 * </ul>
 */
public final class TimeBudget {
    static final double CHARS_PER_PARAMETER = 20;
    static final int MIN_HIDDEN = 32;
    static final int HIDDEN_STEP = 32;
    static final int MAX_HIDDEN = 1024;
    static final int LAYERS = 2;
    static final int SEQ_LENGTH = 100;
    static final int BATCH = 64;
    static final double PEAK_RATE = 3e-3;
    static final int WARMUP_STEPS = 100;
    static final double FINAL_SHARE = 0.05;
    static final double EPOCHS_WITHOUT_DROPOUT = 4;
    static final double MAX_DROPOUT = 0.3;

    private TimeBudget() {
    }

    /**
     * What the budget chose: the settings, the schedule to train them with (see {@link Trainer#setSchedule}) and
     * one line saying what and why, for the user.
     */
    public record Choice(Hyperparameters hyperparameters, LearningRateSchedule schedule, String reason) {
    }

    /**
     * Warm-up from a tenth of the peak over {@code warmupSteps}, then a cosine from the peak at progress 0 to
     * {@code finalShare} of it at the deadline (progress 1).
     */
    public record WarmupCosine(double peak, long warmupSteps, double finalShare) implements LearningRateSchedule {
        @Override
        public double rate(long step, double progress) {
            double cosine = finalShare + (1 - finalShare) * 0.5 * (1 + Math.cos(Math.PI * progress));
            double warmup = step >= warmupSteps ? 1 : 0.1 + 0.9 * step / warmupSteps;
            return peak * cosine * warmup;
        }
    }

    /**
     * @param minutes            the training time
     * @param trainingCharacters the characters one epoch reads
     * @param vocabulary         the corpus's distinct characters
     * @param longestSequence    the longest sequences the corpus can be cut into ({@code BatchSource.longestSequence})
     * @param speed              this machine's training speed (measured, or {@link SizeAdvice.Speed#assumed()})
     * @param seed               the run's random seed
     */
    public static Choice choose(double minutes, long trainingCharacters, int vocabulary, int longestSequence,
                                SizeAdvice.Speed speed, long seed) {
        if (!(minutes > 0) || trainingCharacters < 1 || vocabulary < 1 || longestSequence < 1) {
            throw new ScribeException("A time budget needs a positive time and a corpus to train on.");
        }
        double budget = speed.parameterCharsPerSecond() * minutes * 60;
        long byTime = (long) Math.sqrt(budget / CHARS_PER_PARAMETER);
        long target = Math.min(byTime, trainingCharacters);
        int hidden = hiddenFor(target, vocabulary);
        int seq = Math.min(SEQ_LENGTH, longestSequence);
        Hyperparameters hp = settings(hidden, seq, 0, seed);
        long parameters = SizeAdvice.parameters(hp, vocabulary);
        double characters = budget / parameters;
        double epochs = characters / trainingCharacters;
        double dropout = dropoutFor(epochs);
        hp = settings(hidden, seq, dropout, seed);
        WarmupCosine schedule = new WarmupCosine(PEAK_RATE, WARMUP_STEPS, FINAL_SHARE);
        String why = byTime <= trainingCharacters
                ? String.format(Locale.ROOT, "the most parameters that still read %.0f characters each in the time",
                CHARS_PER_PARAMETER)
                : "no more parameters than the text has characters";
        String reason = String.format(Locale.ROOT, "auto size for %s: %d x %d %s, %,d parameters (%s), reading about"
                        + " %s characters = %.1f epochs of %,d at %,.0f chars/s (%s); dropout %.2f (%s); sequences of"
                        + " %d, batches of %d; %s %.0e warmed up over %d steps, then a cosine down to %.0e at the end",
                minutes(minutes), hp.layers(), hidden, hp.cell().id(), parameters, why, millions(characters), epochs,
                trainingCharacters, speed.parameterCharsPerSecond() / parameters, speed.source(), dropout,
                epochs <= EPOCHS_WITHOUT_DROPOUT ? "few epochs: nothing to regularise" : "many epochs: against overfitting",
                seq, BATCH, hp.optimizer().id(), PEAK_RATE, WARMUP_STEPS, PEAK_RATE * FINAL_SHARE);
        return new Choice(hp, schedule, reason);
    }

    /** The largest hidden size, a multiple of {@link #HIDDEN_STEP}, whose model has at most {@code parameters}. */
    static int hiddenFor(long parameters, int vocabulary) {
        int hidden = MIN_HIDDEN;
        while (hidden + HIDDEN_STEP <= MAX_HIDDEN
                && SizeAdvice.parameters(settings(hidden + HIDDEN_STEP, 1, 0, 0), vocabulary) <= parameters) {
            hidden += HIDDEN_STEP;
        }
        return hidden;
    }

    /** No dropout up to a few epochs, then 0.05 more for every doubling of them, at most {@link #MAX_DROPOUT}. */
    static double dropoutFor(double epochs) {
        if (epochs <= EPOCHS_WITHOUT_DROPOUT) {
            return 0;
        }
        double steps = Math.floor(Math.log(epochs / EPOCHS_WITHOUT_DROPOUT) / Math.log(2)) + 1;
        return Math.min(MAX_DROPOUT, 0.05 * steps);
    }

    private static Hyperparameters settings(int hidden, int seq, double dropout, long seed) {
        Hyperparameters d = Hyperparameters.defaults();
        return new Hyperparameters(hidden, LAYERS, seq, BATCH, Optimizer.RMSPROP, PEAK_RATE, d.decayRate(),
                d.decayEvery(), d.clipNorm(), dropout, seed, 0, CellType.LSTM, CellOptions.NONE);
    }

    private static String minutes(double minutes) {
        return minutes == Math.rint(minutes) ? (long) minutes + " min" : String.format(Locale.ROOT, "%.2f min", minutes);
    }

    private static String millions(double characters) {
        return characters >= 1e6 ? String.format(Locale.ROOT, "%.1f million", characters / 1e6)
                : String.format(Locale.ROOT, "%,.0f", characters);
    }
}
