package app.scribe.engine.fast;

import app.scribe.corpus.Batch;
import app.scribe.engine.dl4j.Dl4jCharModel;
import app.scribe.model.Hyperparameters;
import app.scribe.model.Optimizer;
import app.scribe.model.Stepper;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Dl4jEquivalenceTest {
    static final int VOCAB = 7;

    static Hyperparameters hp(int hidden, int layers, int seq, int batch) {
        return new Hyperparameters(hidden, layers, seq, batch, Optimizer.ADAM, 2e-3, 0.96, 5000, 5.0, 0.0, 7);
    }

    static Batch randomBatch(int batch, int seq, int vocab, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] in = new int[batch * seq];
        int[] out = new int[batch * seq];
        for (int i = 0; i < in.length; i++) {
            in[i] = random.nextInt(vocab);
            out[i] = random.nextInt(vocab);
        }
        return new Batch(batch, seq, in, out);
    }

    /** Randomises every weight (biases included) so that each gate matters. */
    static void randomise(FastCharModel model, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < model.layout.size; i++) {
            model.params.buffer.put(i, (float) (random.nextDouble() * 1.6 - 0.8));
        }
    }

    static INDArray oneHot(int[] indices, int batch, int seq, int vocab) {
        INDArray a = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, batch, vocab, seq);
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < seq; t++) {
                a.putScalar(new long[]{b, indices[b * seq + t], t}, 1f);
            }
        }
        return a;
    }

    @Test
    void lossProbabilitiesAndGradientsEqualDl4j() {
        for (int layers = 1; layers <= 3; layers++) {
            int hidden = 6;
            int seq = 5;
            int batch = 4;
            FastCharModel fast = new FastCharModel(VOCAB, hp(hidden, layers, seq, batch), 2);
            randomise(fast, 100 + layers);
            Dl4jCharModel dl4j = new Dl4jCharModel(VOCAB, hp(hidden, layers, seq, batch));
            dl4j.load(fast.parameters());
            Batch b = randomBatch(batch, seq, VOCAB, 9 + layers);

            assertEquals(dl4j.loss(b), fast.loss(b), 1e-4 * dl4j.loss(b), "loss, layers " + layers);

            MultiLayerNetwork net = dl4j.network();
            INDArray probs = net.output(oneHot(b.inputs(), batch, seq, VOCAB), false);
            float[] ours = fast.probabilities(b);
            for (int i = 0; i < batch; i++) {
                for (int t = 0; t < seq; t++) {
                    for (int k = 0; k < VOCAB; k++) {
                        float expected = probs.getFloat(i, k, t);
                        float actual = ours[(i * seq + t) * VOCAB + k];
                        assertEquals(expected, actual, 1e-4 * Math.abs(expected) + 1e-6,
                                "p layers " + layers + " b " + i + " t " + t + " k " + k);
                    }
                }
            }

            net.setInput(oneHot(b.inputs(), batch, seq, VOCAB));
            net.setLabels(oneHot(b.targets(), batch, seq, VOCAB));
            net.computeGradientAndScore();
            Gradient gradient = net.gradient();
            float[] g = fast.gradient(b);
            Block[] blocks = fast.layout.blocks();
            int[] offsets = fast.layout.offsets();
            for (int p = 0; p < blocks.length; p++) {
                String name = blocks[p].name();
                float[] expected = gradient.getGradientFor(name).dup('c').data().asFloat();
                int count = blocks[p].size();
                assertEquals(count, expected.length, name);
                double maxDiff = 0;
                double maxRef = 0;
                for (int i = 0; i < count; i++) {
                    // DL4J's raw gradient sums over time steps and the batch (its updater divides by the batch
                    // size later); ours is the gradient of the mean over all characters.
                    double ourValue = g[offsets[p] + i] * (double) seq * batch;
                    maxDiff = Math.max(maxDiff, Math.abs(ourValue - expected[i]));
                    maxRef = Math.max(maxRef, Math.abs(expected[i]));
                }
                assertTrue(maxDiff <= 1e-4 * maxRef + 1e-7,
                        "gradient " + name + " layers " + layers + ": max diff " + maxDiff + " of " + maxRef);
            }
        }
    }

    @Test
    void cellStatesAreFiniteChangeEveryStepAndEqualDl4j() {
        int hidden = 6;
        for (int layers = 1; layers <= 3; layers++) {
            FastCharModel fast = new FastCharModel(VOCAB, hp(hidden, layers, 5, 1), 1);
            randomise(fast, 40 + layers);
            Dl4jCharModel dl4j = new Dl4jCharModel(VOCAB, hp(hidden, layers, 5, 1));
            dl4j.load(fast.parameters());
            Stepper ours = fast.stepper();
            Stepper theirs = dl4j.stepper();
            float[][] before = new float[layers][hidden];
            for (int l = 0; l < layers; l++) {
                float[] zeros = new float[hidden];
                ours.cellState(l, before[l]);
                assertArrayEquals(zeros, before[l], "fast, before the first step");
                theirs.cellState(l, zeros);
                assertArrayEquals(new float[hidden], zeros, "dl4j, before the first step");
            }
            for (int c : new int[]{3, 1, 4, 1, 5, 6}) {
                ours.step(c);
                theirs.step(c);
                for (int l = 0; l < layers; l++) {
                    float[] a = new float[hidden];
                    float[] b = new float[hidden];
                    ours.cellState(l, a);
                    theirs.cellState(l, b);
                    for (int u = 0; u < hidden; u++) {
                        assertTrue(Float.isFinite(a[u]), "finite, layer " + l);
                        assertEquals(b[u], a[u], 1e-5 * Math.abs(b[u]) + 1e-6, "layer " + l + " unit " + u);
                    }
                    assertFalse(Arrays.equals(before[l], a), "changed, layer " + l + " char " + c);
                    before[l] = a;
                }
            }
            float[] original = new float[hidden];
            float[] copied = new float[hidden];
            theirs.cellState(layers - 1, original);
            theirs.copy().cellState(layers - 1, copied);
            assertArrayEquals(original, copied, "a copy carries the cell");
        }
    }
}
