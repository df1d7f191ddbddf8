package app.scribe.engine.fast;

import app.scribe.corpus.Batch;
import app.scribe.model.Hyperparameters;
import app.scribe.model.Optimizer;
import app.scribe.model.ParameterSet;
import app.scribe.model.Stepper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.FloatBuffer;
import java.nio.file.Path;

import static app.scribe.engine.fast.Dl4jEquivalenceTest.randomBatch;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fast engine beyond what every cell does (CellsTest): optimizer state, learning, export to DL4J. */
class FastCharModelTest {
    private static final int VOCAB = 7;

    private static Hyperparameters hp(Optimizer optimizer, double dropout) {
        return new Hyperparameters(5, 2, 4, 3, optimizer, 2e-2, 0.96, 5000, 5.0, dropout, 11);
    }

    @Test
    void parametersRoundTripIsExactAndResumesTraining() {
        for (Optimizer optimizer : Optimizer.values()) {
            FastCharModel model = new FastCharModel(VOCAB, hp(optimizer, 0.3));
            for (int s = 0; s < 5; s++) {
                model.train(randomBatch(3, 4, VOCAB, s), 2e-2);
            }
            ParameterSet saved = model.parameters();
            FastCharModel restored = new FastCharModel(VOCAB, hp(optimizer, 0.3));
            restored.load(saved);
            FastCharModel copy = model.copy();
            Batch probe = randomBatch(3, 4, VOCAB, 99);
            assertArrayEquals(model.probabilities(probe), restored.probabilities(probe));
            assertArrayEquals(model.probabilities(probe), copy.probabilities(probe));
            assertEquals(model.steps(), restored.steps());
            for (int s = 5; s < 8; s++) {
                Batch b = randomBatch(3, 4, VOCAB, s);
                double l1 = model.train(b, 2e-2);
                double l2 = restored.train(b, 2e-2);
                double l3 = copy.train(b, 2e-2);
                assertEquals(l1, l2, 0.0);
                assertEquals(l1, l3, 0.0);
            }
            assertArrayEquals(model.probabilities(probe), restored.probabilities(probe), optimizer.name());
            assertArrayEquals(model.probabilities(probe), copy.probabilities(probe), optimizer.name());
        }
    }

    @Test
    void aStepSharedOutBetweenWorkersIsTheOneThreadStep() {
        // Clipping at 0.01 makes every step scale the gradient, so the shared norm matters too.
        for (Optimizer optimizer : Optimizer.values()) {
            Hyperparameters hp = new Hyperparameters(5, 2, 4, 7, optimizer, 2e-2, 0.96, 5000, 0.01, 0.3, 11);
            ParameterSet start = new FastCharModel(VOCAB, hp).parameters();
            FastCharModel shared = new FastCharModel(VOCAB, hp, 3);
            FastCharModel serial = new FastCharModel(VOCAB, hp, 3);
            shared.load(start);
            serial.load(start);
            for (int s = 0; s < 4; s++) {
                Batch b = randomBatch(7, 4, VOCAB, s);
                shared.train(b, 2e-2);
                FloatBuffer g = FloatBuffer.wrap(serial.gradient(b));
                float clip = GradientOptimiser.clip(GradientOptimiser.squaredNorm(g, 0, g.capacity()), 0.01);
                assertTrue(clip < 1f);
                serial.optimiser.update(serial.params.buffer, g, clip, 2e-2);
            }
            float[] expected = new float[serial.layout.size];
            float[] actual = new float[shared.layout.size];
            serial.params.get(expected);
            shared.params.get(actual);
            assertArrayEquals(expected, actual, optimizer.name());
            assertEquals(serial.steps(), shared.steps());
        }
    }

    @Test
    void trainingLowersTheLoss() {
        FastCharModel model = new FastCharModel(VOCAB, new Hyperparameters(16, 2, 8, 8, Optimizer.ADAM, 1e-2,
                0.96, 5000, 5.0, 0.0, 1));
        // A repeating pattern is easy to learn.
        int[] in = new int[64];
        int[] out = new int[64];
        for (int i = 0; i < 64; i++) {
            in[i] = (i % 8) % VOCAB;
            out[i] = ((i % 8) + 1) % VOCAB;
        }
        Batch batch = new Batch(8, 8, in, out);
        double first = model.loss(batch);
        for (int s = 0; s < 150; s++) {
            model.train(batch, 1e-2);
        }
        double last = model.loss(batch);
        assertTrue(last < first / 4, "loss " + first + " -> " + last);
    }

    @Test
    void exportedDl4jModelGivesTheSameProbabilities(@TempDir Path dir) throws Exception {
        FastCharModel model = new FastCharModel(VOCAB, hp(Optimizer.ADAM, 0));
        for (int s = 0; s < 10; s++) {
            model.train(randomBatch(3, 4, VOCAB, s), 2e-2);
        }
        Path file = dir.resolve("model.zip");
        Dl4jExport.writeZip(model, file);
        MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
        net.rnnClearPreviousState();
        Stepper stepper = model.stepper();
        int[] text = {1, 4, 2, 6, 0, 3};
        for (int c : text) {
            INDArray input = Nd4j.zeros(DataType.FLOAT, 1, VOCAB, 1);
            input.putScalar(new long[]{0, c, 0}, 1f);
            INDArray out = net.rnnTimeStep(input);
            float[] ours = stepper.step(c);
            for (int k = 0; k < VOCAB; k++) {
                assertEquals(out.getFloat(0, k, 0), ours[k], 1e-5, "char " + c + " k " + k);
            }
        }
    }
}
