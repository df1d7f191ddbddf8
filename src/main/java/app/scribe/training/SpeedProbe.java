package app.scribe.training;

import app.scribe.corpus.BatchSource;
import app.scribe.corpus.Corpus;
import app.scribe.model.CharModel;
import app.scribe.model.Engines;
import app.scribe.model.Hyperparameters;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Measures this machine's training speed now, for a {@link TimeBudget}: a throwaway model of the budget's kind (2 x
 * 64, 50 x 32 characters a step) trains on the corpus for a few seconds, the first half of them untimed. The speed
 * is given in parameter-characters per second, which stays close to constant across sizes (see {@link SizeAdvice}).
 */
public final class SpeedProbe {
    /** Small, so that the warm-up's steps come quickly; the speed per parameter is close to a larger model's. */
    private static final int PROBE_HIDDEN = 64;
    private static final int WARM_STEPS = 40;
    /** A step of the middle size the budget picks from (sequence, batch). */
    private static final int[] PROBE_SHAPE = TimeBudget.SHAPES[2];
    /** At least this many steps warm up, and as many are timed. */
    private static final int MIN_STEPS = 2;

    private SpeedProbe() {
    }

    /** Trains for about {@code seconds} on sequences of at most {@code longestSequence} (what the corpus allows). */
    public static SizeAdvice.Speed measure(String engine, Corpus corpus, int longestSequence, double seconds) {
        Hyperparameters d = Hyperparameters.defaults();
        Hyperparameters hp = new Hyperparameters(PROBE_HIDDEN, TimeBudget.LAYERS,
                Math.min(PROBE_SHAPE[0], longestSequence), PROBE_SHAPE[1], d.optimizer(),
                d.learningRate(), d.decayRate(), d.decayEvery(), d.clipNorm(), 0, d.seed());
        CharModel model = Engines.create(engine, corpus.vocabulary().size(), hp);
        BatchSource batches = new BatchSource(corpus, hp.seqLength(), hp.batchSize());
        SplittableRandom random = new SplittableRandom(hp.seed());
        // The first steps load native code and compile the hot loops, which takes steps rather than seconds:
        // untimed, for half the time and at least WARM_STEPS steps (unless that takes the whole time).
        long warm = System.nanoTime();
        for (int i = 0; i < MIN_STEPS || i < WARM_STEPS && System.nanoTime() - warm < seconds * 1e9
                || System.nanoTime() - warm < seconds / 2 * 1e9; i++) {
            model.train(batches.trainingBatch(random), hp.learningRate());
        }
        long start = System.nanoTime();
        long steps = 0;
        double elapsed;
        do {
            model.train(batches.trainingBatch(random), hp.learningRate());
            steps++;
            elapsed = (System.nanoTime() - start) / 1e9;
        } while (steps < MIN_STEPS || elapsed < seconds / 2);
        double charsPerSecond = steps * hp.batchSize() * hp.seqLength() / elapsed;
        long parameters = SizeAdvice.parameters(hp, corpus.vocabulary().size());
        return new SizeAdvice.Speed(charsPerSecond * parameters, String.format(Locale.ROOT,
                "measured just now: %,.0f chars/s at %,d parameters", charsPerSecond, parameters));
    }
}
