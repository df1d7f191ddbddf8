package app.scribe.model.lstm;

import app.scribe.corpus.Batch;
import app.scribe.corpus.BatchSource;
import app.scribe.corpus.Corpus;
import app.scribe.corpus.CorpusReader;
import app.scribe.model.CellType;
import app.scribe.model.Hyperparameters;
import app.scribe.model.Optimizer;
import app.scribe.model.Stepper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import static app.scribe.model.lstm.Dl4jEquivalenceTest.randomBatch;
import static app.scribe.model.lstm.Dl4jEquivalenceTest.randomise;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every cell of the fast engine must do, each checked for every cell. */
class CellsTest {
    private static final int VOCAB = 6;

    private static Hyperparameters hp(CellType cell, int hidden, int layers, int seq, int batch) {
        return new Hyperparameters(hidden, layers, seq, batch, Optimizer.ADAM, 2e-2, 0.96, 5000, 5.0, 0.0, 11)
                .withCell(cell);
    }

    /** Central differences on every weight of a small two-layer model. */
    @ParameterizedTest
    @EnumSource(CellType.class)
    void gradientsEqualFiniteDifferencesForEveryParameter(CellType cell) {
        FastCharModel model = new FastCharModel(VOCAB, hp(cell, 4, 2, 5, 3), 1);
        randomise(model, 3);
        Batch batch = randomBatch(3, 5, VOCAB, 5);
        float[] analytic = model.gradient(batch);
        int checked = 0;
        for (int i = 0; i < model.layout.size; i++) {
            float saved = model.params.buffer.get(i);
            float eps = 1e-2f;
            model.params.buffer.put(i, saved + eps);
            double plus = model.loss(batch);
            model.params.buffer.put(i, saved - eps);
            double minus = model.loss(batch);
            model.params.buffer.put(i, saved);
            double numeric = (plus - minus) / (2 * eps);
            double a = analytic[i];
            double error = Math.abs(a - numeric);
            assertTrue(error <= 2e-4 + 2e-2 * Math.abs(numeric), cell + " parameter " + i + ": analytic " + a
                    + ", numeric " + numeric);
            if (Math.abs(numeric) > 1e-3) {
                checked++;
            }
        }
        assertTrue(checked > model.layout.size / 2, cell + ": only " + checked + " of " + model.layout.size
                + " gradients were large enough to compare");
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void theStepperGivesTheBatchForwardsProbabilities(CellType cell) {
        FastCharModel model = new FastCharModel(VOCAB, hp(cell, 6, 3, 9, 1), 1);
        randomise(model, 4);
        Batch batch = randomBatch(1, 9, VOCAB, 6);
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
        randomise(one, 8);
        FastCharModel two = new FastCharModel(VOCAB, hp(cell, 5, 2, 4, 3), 2);
        two.load(one.parameters());
        Batch batch = randomBatch(3, 4, VOCAB, 2);
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
            model.train(randomBatch(3, 4, VOCAB, s), 2e-2);
        }
        FastCharModel restored = new FastCharModel(VOCAB, hp);
        restored.load(model.parameters());
        for (int s = 5; s < 8; s++) {
            Batch b = randomBatch(3, 4, VOCAB, s);
            assertEquals(model.train(b, 2e-2), restored.train(b, 2e-2), 0.0, cell + " step " + s);
        }
        Batch probe = randomBatch(3, 4, VOCAB, 99);
        assertArrayEquals(model.probabilities(probe), restored.probabilities(probe), cell.id());
    }

    /** A few hundred steps on a real book must learn far more than character frequencies. */
    @ParameterizedTest
    @EnumSource(CellType.class)
    void aSmallModelBeatsTheBooksUnigramEntropy(CellType cell) throws IOException {
        byte[] text = Arrays.copyOf(Files.readAllBytes(Path.of("../shared/corpora/tiny_shakespeare.txt")), 60_000);
        Corpus corpus = new CorpusReader().fromBytes("shakespeare-60k.txt", text);
        Hyperparameters hp = new Hyperparameters(48, 1, 24, 16, Optimizer.ADAM, 1e-2, 1.0, 1000, 5.0, 0.0, 5)
                .withCell(cell);
        FastCharModel model = new FastCharModel(corpus.vocabulary().size(), hp);
        BatchSource source = new BatchSource(corpus, hp.seqLength(), hp.batchSize());
        SplittableRandom random = new SplittableRandom(1);
        for (int s = 0; s < 300; s++) {
            model.train(source.trainingBatch(random), hp.learningRate());
        }
        double loss = 0;
        int batches = 0;
        for (Batch b : source.validationBatches()) {
            loss += model.loss(b);
            batches++;
        }
        loss /= batches;
        double unigram = corpus.unigramEntropy();
        assertTrue(loss < unigram - 0.5, cell + ": validation loss " + loss + " nats/char, unigram entropy "
                + unigram);
    }
}
