package app.scribe.training;

import app.scribe.ScribeException;
import app.scribe.model.CellOptions;
import app.scribe.model.CellType;
import app.scribe.model.Hyperparameters;
import app.scribe.model.Optimizer;

import java.util.Locale;

/**
 * Picks a model and its learning-rate schedule for a time budget ("train for M minutes"), from the corpus's size and
 * the machine's speed, so that the validation loss is lowest when the time is up. The rule, with the runs behind
 * it, is in BENCHMARKS.md, "Quality":
 * <ul>
 * <li>Size: the budget buys {@code speed x seconds} parameter-characters; a 2-layer LSTM gets the most parameters
 *     that still read {@link #CHARS_PER_PARAMETER} characters each, but no more than the text has characters (2 x 128
 *     reading 17 characters a parameter gave 1.63-1.68 nats, 2 x 32 reading 246 a parameter 1.89), and at least
 *     {@link #MIN_HIDDEN} units (in 90 s under load 2 x 64 scored 1.84, 2 x 32 1.89 and 1.93).</li>
 * <li>Shape of a step: the most characters a step ({@link #SHAPES}, sequence x batch) that still leave
 *     {@link #MIN_STEPS} steps; short runs are short of steps (on Tiny Shakespeare, 4 million characters at 2e-3:
 *     4,166 steps of 30 x 32 gave 1.64 nats, 2,083 of 30 x 64 1.68; with the decay, 1,250 of 100 x 32 1.84 against
 *     1.72).</li>
 * <li>Dropout between layers grows with the epochs the run will read: none up to {@link #EPOCHS_WITHOUT_DROPOUT},
 *     then 0.05 a doubling, at most {@link #MAX_DROPOUT} (not measured yet, nor the decay of such long runs).</li>
 * <li>Schedule: RMSprop at {@link #PEAK_RATE} (1.63 nats against 1.68 at 2e-3), warmed up over
 *     {@link #WARMUP_STEPS} steps; a run of more than {@link #EPOCHS_WITHOUT_DROPOUT} epochs decays it linearly over
 *     the last {@link #DECAY_SHARE} of the time to {@link #FINAL_SHARE} of the peak at the deadline. A short run
 *     holds it to the end: decaying cost 0.03 (last 20 %) to 0.18 nats (cosine) at 2,083 steps.</li>
 * </ul>
 */
public final class TimeBudget {
    static final double CHARS_PER_PARAMETER = 10;
    static final int MIN_HIDDEN = 64;
    static final int HIDDEN_STEP = 32;
    static final int MAX_HIDDEN = 1024;
    static final int LAYERS = 2;
    /** Sequence length and batch of a step, most characters first. */
    static final int[][] SHAPES = {{100, 64}, {100, 32}, {50, 32}, {30, 32}};
    static final long MIN_STEPS = 4000;
    static final double PEAK_RATE = 3e-3;
    static final int WARMUP_STEPS = 50;
    static final double DECAY_SHARE = 0.2;
    static final double FINAL_SHARE = 0.1;
    static final double EPOCHS_WITHOUT_DROPOUT = 8;
    static final double MAX_DROPOUT = 0.3;

    private TimeBudget() {
    }

    /**
     * What the budget chose: the settings, the schedule to train them with (see {@link Trainer#setSchedule}), the
     * steps it expects to take at the measured speed (the time, not this, ends the run) and one line saying what and
     * why, for the user.
     */
    public record Choice(Hyperparameters hyperparameters, LearningRateSchedule schedule, long expectedSteps,
                         String reason) {
    }

    /**
     * Warm-up from a tenth of the peak over {@code warmupSteps}, the peak until {@code decayFrom} of the budget,
     * then a straight line down to {@code finalShare} of the peak at the deadline (progress 1); no decay when
     * {@code decayFrom} is 1.
     */
    public record WarmupHoldDecay(double peak, long warmupSteps, double decayFrom, double finalShare)
            implements LearningRateSchedule {
        @Override
        public double rate(long step, double progress) {
            double warmup = step >= warmupSteps ? 1 : 0.1 + 0.9 * step / warmupSteps;
            double decay = progress <= decayFrom ? 1
                    : 1 - (1 - finalShare) * (progress - decayFrom) / (1 - decayFrom);
            return peak * warmup * decay;
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
        long parameters = SizeAdvice.parameters(settings(hidden, 1, 1, 0, seed), vocabulary);
        double characters = budget / parameters;
        double epochs = characters / trainingCharacters;
        int[] shape = shapeFor(characters, longestSequence);
        double dropout = dropoutFor(epochs);
        Hyperparameters hp = settings(hidden, shape[0], shape[1], dropout, seed);
        boolean decays = epochs > EPOCHS_WITHOUT_DROPOUT;
        WarmupHoldDecay schedule = new WarmupHoldDecay(PEAK_RATE, WARMUP_STEPS, decays ? 1 - DECAY_SHARE : 1,
                decays ? FINAL_SHARE : 1);
        String why = parameters > target ? "the smallest model the budget picks"
                : byTime <= trainingCharacters
                ? String.format(Locale.ROOT, "the most that still read %.0f characters each in the time",
                CHARS_PER_PARAMETER)
                : "no more than the text has characters";
        String reason = String.format(Locale.ROOT, "auto size for %s: %d x %d %s, %,d parameters (%s), reading about"
                        + " %s characters = %.1f epochs of %,d at %,.0f chars/s (%s); dropout %.2f (%s); sequences of"
                        + " %d, batches of %d (about %,.0f steps); %s %.0e after %d warm-up steps, %s",
                minutes(minutes), hp.layers(), hidden, hp.cell().id(), parameters, why, millions(characters), epochs,
                trainingCharacters, speed.parameterCharsPerSecond() / parameters, speed.source(), dropout,
                decays ? "many epochs: against overfitting" : "few epochs: nothing to regularise", shape[0], shape[1],
                characters / (shape[0] * shape[1]), hp.optimizer().id(), PEAK_RATE, WARMUP_STEPS,
                decays ? String.format(Locale.ROOT, "decaying over the last %.0f %% of the time to %.0e",
                        100 * DECAY_SHARE, PEAK_RATE * FINAL_SHARE) : "held to the end (a short run needs every step)");
        return new Choice(hp, schedule, Math.round(characters / (shape[0] * shape[1])), reason);
    }

    /** The largest hidden size, a multiple of {@link #HIDDEN_STEP}, whose model has at most {@code parameters}. */
    static int hiddenFor(long parameters, int vocabulary) {
        int hidden = MIN_HIDDEN;
        while (hidden + HIDDEN_STEP <= MAX_HIDDEN
                && SizeAdvice.parameters(settings(hidden + HIDDEN_STEP, 1, 1, 0, 0), vocabulary) <= parameters) {
            hidden += HIDDEN_STEP;
        }
        return hidden;
    }

    /** The largest step of {@link #SHAPES} that leaves {@link #MIN_STEPS} in {@code characters}, else the smallest. */
    static int[] shapeFor(double characters, int longestSequence) {
        int[] shape = SHAPES[SHAPES.length - 1];
        for (int[] candidate : SHAPES) {
            if (characters / ((double) candidate[0] * candidate[1]) >= MIN_STEPS) {
                shape = candidate;
                break;
            }
        }
        return new int[]{Math.min(shape[0], longestSequence), shape[1]};
    }

    /** No dropout up to a few epochs, then 0.05 more for every doubling of them, at most {@link #MAX_DROPOUT}. */
    static double dropoutFor(double epochs) {
        if (epochs <= EPOCHS_WITHOUT_DROPOUT) {
            return 0;
        }
        double doublings = Math.floor(Math.log(epochs / EPOCHS_WITHOUT_DROPOUT) / Math.log(2)) + 1;
        return Math.min(MAX_DROPOUT, 0.05 * doublings);
    }

    private static Hyperparameters settings(int hidden, int seq, int batch, double dropout, long seed) {
        Hyperparameters d = Hyperparameters.defaults();
        return new Hyperparameters(hidden, LAYERS, seq, batch, Optimizer.RMSPROP, PEAK_RATE, d.decayRate(),
                d.decayEvery(), d.clipNorm(), dropout, seed, 0, CellType.LSTM, CellOptions.NONE);
    }

    private static String minutes(double minutes) {
        return minutes == Math.rint(minutes) ? (long) minutes + " min"
                : String.format(Locale.ROOT, "%.2f min", minutes);
    }

    private static String millions(double characters) {
        return characters >= 1e6 ? String.format(Locale.ROOT, "%.1f million", characters / 1e6)
                : String.format(Locale.ROOT, "%,.0f", characters);
    }
}
