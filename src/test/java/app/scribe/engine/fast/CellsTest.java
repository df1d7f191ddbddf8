package app.scribe.engine.fast;

import app.scribe.TestCorpora;
import app.scribe.corpus.Batch;
import app.scribe.corpus.BatchSource;
import app.scribe.corpus.Corpus;
import app.scribe.corpus.CorpusReader;
import app.scribe.model.CellOptions;
import app.scribe.model.CellType;
import app.scribe.model.Hyperparameters;
import app.scribe.model.Optimizer;
import app.scribe.model.Stepper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.SplittableRandom;

import static app.scribe.engine.fast.Dl4jEquivalenceTest.randomBatch;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every cell of the fast engine must do, each checked for every cell. */
class CellsTest {
    private static final int VOCAB = 6;

    /** A leak, so that the closed time gate's slope is checked too. */
    private static Hyperparameters hp(CellType cell, int hidden, int layers, int seq, int batch) {
        Hyperparameters hp = new Hyperparameters(hidden, layers, seq, batch, Optimizer.ADAM, 2e-2, 0.96, 5000, 5.0,
                0.0, 11).withCell(cell);
        return cell == CellType.TGLSTM ? hp.withCellOptions(CellOptions.NONE.with("leak", 0.1)) : hp;
    }

    /** Windows of random characters starting at 0, 3, 11, ... in their text. */
    private static Batch batch(int batch, int seq, long seed) {
        Batch plain = randomBatch(batch, seq, VOCAB, seed);
        int[] starts = new int[batch];
        for (int b = 0; b < batch; b++) {
            starts[b] = b * (b + 5) / 2 * 2 - b;
        }
        return new Batch(batch, seq, plain.inputs(), plain.targets(), starts);
    }

    /**
     * Random weights; a time-gated cell's gates get open ratio 0.9 and periods in [2, 8) and shifts in [-3, 5)
     * drawn until no position of {@code batch} lies within 0.03 of a kink of k (phi = 0, r_on / 2, r_on), so that
     * finite differences of size 1e-2 stay on one side.
     */
    private static void randomise(FastCharModel model, long seed, Batch batch) {
        randomise(model, seed, batch, false);
    }

    /** As above; {@code textClock}: the gates' time is the position in the text (origin 0), else in the window. */
    private static void randomise(FastCharModel model, long seed, Batch batch, boolean textClock) {
        Dl4jEquivalenceTest.randomise(model, seed);
        SplittableRandom random = new SplittableRandom(seed);
        for (int l = 0; l < model.layout.layers; l++) {
            if (!(model.layout.cell(l) instanceof TimeGatedLstmCell cell)) {
                continue;
            }
            for (int j = 0; j < cell.hidden; j++) {
                float period;
                float shift;
                do {
                    period = (float) (2 + 6 * random.nextDouble());
                    shift = (float) (-3 + 8 * random.nextDouble());
                } while (!farFromKinks(batch, period, shift, 0.9f, textClock));
                model.params.buffer.put(cell.at(3) + j, period);
                model.params.buffer.put(cell.at(4) + j, shift);
                model.params.buffer.put(cell.at(5) + j, 0.9f);
            }
        }
    }

    private static boolean farFromKinks(Batch batch, float period, float shift, float open, boolean textClock) {
        for (int b = 0; b < batch.batchSize(); b++) {
            for (int t = 0; t < batch.seqLength(); t++) {
                double d = (textClock ? batch.position(b, t) : t) - (double) shift;
                double phi = (d - period * Math.floor(d / period)) / period;
                for (double kink : new double[]{0, open / 2, open, 1}) {
                    if (Math.abs(phi - kink) < 0.03) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Central differences on every weight of a small two-layer model; in every block some are far from 0. */
    @ParameterizedTest
    @EnumSource(CellType.class)
    void gradientsEqualFiniteDifferencesForEveryParameter(CellType cell) {
        assertGradientsEqualFiniteDifferences(cell, hp(cell, 4, 2, 5, 3), false);
    }

    /** The time-gated LSTM of older model files, whose clock is the position in the text, has exact gradients too. */
    @Test
    void theTextClockOfOlderTimeGatedModelsHasExactGradients() {
        Hyperparameters hp = hp(CellType.TGLSTM, 4, 2, 5, 3);
        assertGradientsEqualFiniteDifferences(CellType.TGLSTM,
                hp.withCellOptions(hp.cellOptions().with("origin", 0)), true);
    }

    private static void assertGradientsEqualFiniteDifferences(CellType cell, Hyperparameters hp, boolean textClock) {
        FastCharModel model = new FastCharModel(VOCAB, hp, 1);
        Batch batch = batch(3, 5, 5);
        // With the window's clock all rows share their gates' openness; seed 9 gives the tglstm's first layer
        // recurrent gradients large enough to compare (seed 3's stay under 2e-4).
        randomise(model, cell == CellType.TGLSTM && !textClock ? 9 : 3, batch, textClock);
        float[] analytic = model.gradient(batch);
        Block[] blocks = model.layout.blocks();
        int[] offsets = model.layout.offsets();
        for (int k = 0; k < blocks.length; k++) {
            int compared = 0;
            for (int i = offsets[k]; i < offsets[k] + blocks[k].size(); i++) {
                float saved = model.params.buffer.get(i);
                float eps = 1e-2f;
                model.params.buffer.put(i, saved + eps);
                double plus = model.loss(batch);
                model.params.buffer.put(i, saved - eps);
                double minus = model.loss(batch);
                model.params.buffer.put(i, saved);
                double numeric = (plus - minus) / (2 * eps);
                double a = analytic[i];
                assertTrue(Math.abs(a - numeric) <= 5e-5 + 2e-2 * Math.abs(numeric), cell + " " + blocks[k].name()
                        + " [" + (i - offsets[k]) + "]: analytic " + a + ", numeric " + numeric);
                if (Math.abs(numeric) > 2e-4) {
                    compared++;
                }
            }
            assertTrue(compared > 0, cell + " " + blocks[k].name() + ": no gradient large enough to compare");
        }
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void theStepperGivesTheBatchForwardsProbabilities(CellType cell) {
        FastCharModel model = new FastCharModel(VOCAB, hp(cell, 6, 3, 9, 1), 1);
        Batch batch = randomBatch(1, 9, VOCAB, 6);
        randomise(model, 4, batch);
        float[] expected = model.probabilities(batch);
        Stepper stepper = model.stepper();
        Stepper branch = null;
        for (int t = 0; t < 9; t++) {
            float[] p = stepper.step(batch.input(0, t));
            for (int k = 0; k < VOCAB; k++) {
                assertEquals(expected[t * VOCAB + k], p[k], 1e-5, cell + " t " + t + " k " + k);
            }
            if (t == 4) {
                branch = stepper.copy();
            }
        }
        for (int t = 5; t < 9; t++) {
            float[] p = branch.step(batch.input(0, t));
            for (int k = 0; k < VOCAB; k++) {
                assertEquals(expected[t * VOCAB + k], p[k], 1e-5, cell + " copy t " + t + " k " + k);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void oneWorkerGivesWhatTwoGive(CellType cell) {
        FastCharModel one = new FastCharModel(VOCAB, hp(cell, 5, 2, 4, 3), 1);
        Batch batch = batch(3, 4, 2);
        randomise(one, 8, batch);
        FastCharModel two = new FastCharModel(VOCAB, hp(cell, 5, 2, 4, 3), 2);
        two.load(one.parameters());
        float[] a = one.gradient(batch);
        float[] b = two.gradient(batch);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-5 * Math.abs(a[i]) + 1e-7, cell + " gradient " + i);
        }
        assertEquals(one.loss(batch), two.loss(batch), 1e-6);
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void parametersRoundTripAndContinueExactly(CellType cell) {
        Hyperparameters hp = hp(cell, 5, 2, 4, 3);
        FastCharModel model = new FastCharModel(VOCAB, hp);
        for (int s = 0; s < 5; s++) {
            model.train(batch(3, 4, s), 2e-2);
        }
        FastCharModel restored = new FastCharModel(VOCAB, hp);
        restored.load(model.parameters());
        for (int s = 5; s < 8; s++) {
            Batch b = batch(3, 4, s);
            assertEquals(model.train(b, 2e-2), restored.train(b, 2e-2), 0.0, cell + " step " + s);
        }
        Batch probe = batch(3, 4, 99);
        assertArrayEquals(model.probabilities(probe), restored.probabilities(probe), cell.id());
    }

    /** A few hundred steps on a real book must learn far more than character frequencies. */
    @ParameterizedTest
    @EnumSource(CellType.class)
    void aSmallModelBeatsTheBooksUnigramEntropy(CellType cell) throws IOException {
        Corpus corpus = TestCorpora.shakespeareCorpus("shakespeare-60k.txt", 60_000);
        Hyperparameters hp = new Hyperparameters(48, 1, 24, 16, Optimizer.ADAM, 1e-2, 1.0, 1000, 5.0, 0.0, 5)
                .withCell(cell);
        double loss = validationLossAfter(corpus, hp, 300, new SplittableRandom(1));
        double unigram = corpus.unigramEntropy();
        assertTrue(loss < unigram - 0.5, cell + ": validation loss " + loss + " nats/char, unigram entropy "
                + unigram);
    }

    /**
     * The time-gated LSTM at the app's settings (RMSprop 2e-3, sequence 30, batch 64, clipping at 5): 300 steps of
     * one layer of 64 units on a whole book end 0.3 nats or more under the unigram entropy of the text the loss is
     * measured on. With the text's clock and the former initialisation it stayed at the unigram entropy (LAB.md,
     * page 3); the windows come from anywhere in the book, so a clock counted from the text's start would run to
     * over a million. The Dutch book's validation tail is its translator's footnotes, 0.27 nats above the whole
     * book's entropy: measured against the whole book, even the LSTM would end only 0.27 under it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"vanity_fair.txt", "darwin_reis_om_de_wereld_nl.txt"})
    void theTimeGatedCellLearnsABookAtTheAppsSettings(String book) throws IOException {
        Corpus corpus = new CorpusReader().fromBytes(book, Files.readAllBytes(TestCorpora.book(book)));
        Hyperparameters hp = new Hyperparameters(64, 1, 30, 64, Optimizer.RMSPROP, 2e-3, 0.96, 5000, 5.0, 0.0, 42)
                .withCell(CellType.TGLSTM);
        double loss = validationLossAfter(corpus, hp, 300, new SplittableRandom(hp.seed()));
        double unigram = new BatchSource(corpus, hp.seqLength(), hp.batchSize()).validationUnigramEntropy();
        assertTrue(loss <= unigram - 0.3, book + ": tglstm validation loss " + loss
                + " nats/char, unigram entropy of the validation text " + unigram);
    }

    /** Trains a fresh model {@code steps} steps on random windows of {@code corpus}; its mean validation loss. */
    private static double validationLossAfter(Corpus corpus, Hyperparameters hp, int steps, SplittableRandom random) {
        FastCharModel model = new FastCharModel(corpus.vocabulary().size(), hp);
        BatchSource source = new BatchSource(corpus, hp.seqLength(), hp.batchSize());
        for (int s = 0; s < steps; s++) {
            model.train(source.trainingBatch(random), hp.learningRate());
        }
        double loss = 0;
        int batches = 0;
        for (Batch b : source.validationBatches()) {
            loss += model.loss(b);
            batches++;
        }
        return loss / batches;
    }
}
