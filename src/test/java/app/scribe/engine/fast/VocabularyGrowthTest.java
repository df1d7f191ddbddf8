package app.scribe.engine.fast;

import app.scribe.ScribeException;
import app.scribe.corpus.Batch;
import app.scribe.engine.dl4j.Dl4jCharModel;
import app.scribe.model.CellOptions;
import app.scribe.model.CellType;
import app.scribe.model.Hyperparameters;
import app.scribe.model.Optimizer;
import app.scribe.model.ParameterSet;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static app.scribe.engine.fast.Dl4jEquivalenceTest.randomBatch;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model grown to a larger vocabulary: the old characters' weights and optimiser state bit for bit where they were,
 * the new characters' rows and columns as a fresh model of the new size starts them, zero optimiser state for them.
 */
class VocabularyGrowthTest {
    private static final int OLD = 7;
    private static final int NEW = 10;

    private static Hyperparameters hp(CellType cell, Optimizer optimizer) {
        return new Hyperparameters(5, 2, 4, 3, optimizer, 2e-2, 0.96, 5000, 5.0, 0.0, 11, 0, cell, CellOptions.NONE);
    }

    private static FastCharModel trained(CellType cell, Optimizer optimizer) {
        FastCharModel model = new FastCharModel(OLD, hp(cell, optimizer));
        for (int s = 0; s < 4; s++) {
            model.train(randomBatch(3, 4, OLD, s), 2e-2);
        }
        return model;
    }

    @Test
    void oldWeightsAndStateStayBitForBitAndNewOnesStartAsAFreshModels() {
        for (CellType cell : CellType.values()) {
            for (Optimizer optimizer : new Optimizer[]{Optimizer.ADAM, Optimizer.RMSPROP}) {
                FastCharModel model = trained(cell, optimizer);
                ParameterSet before = model.parameters();
                FastCharModel grown = model.grown(NEW);
                ParameterSet after = grown.parameters();
                ParameterSet fresh = new FastCharModel(NEW, hp(cell, optimizer)).parameters();
                String what = cell + " " + optimizer;
                assertEquals(NEW, grown.vocabSize());
                assertEquals(model.steps(), grown.steps(), what);
                assertArrayEquals(before.get("optimizer.step").data(), after.get("optimizer.step").data());
                for (Block b : model.layout.blocks()) {
                    float[] old = before.get(b.name()).data();
                    float[] now = after.get(b.name()).data();
                    Block g = Arrays.stream(grown.layout.blocks()).filter(x -> x.name().equals(b.name())).findFirst()
                            .orElseThrow();
                    assertArrayEquals(new int[]{g.rows(), g.cols()}, after.get(b.name()).shape(), what + b.name());
                    for (int r = 0; r < g.rows(); r++) {
                        for (int c = 0; c < g.cols(); c++) {
                            float expected = r < b.rows() && c < b.cols() ? old[r * b.cols() + c]
                                    : fresh.get(b.name()).data()[r * g.cols() + c];
                            assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(now[r * g.cols() + c]),
                                    what + " " + b.name() + "[" + r + "," + c + "]");
                        }
                    }
                }
                float[] newRows = Arrays.copyOfRange(after.get("0_W").data(), before.get("0_W").data().length,
                        after.get("0_W").data().length);
                assertTrue(newRows.length > 0 && toDoubles(newRows).length > 0
                        && Arrays.stream(toDoubles(newRows)).anyMatch(x -> x != 0), what + ": the new input rows start"
                        + " with random weights, as a fresh model's");
                checkOptimiserState(model, grown, what);
            }
        }
    }

    /** m and v: the old values where the old weights went, zeros for the new rows and columns. */
    private static void checkOptimiserState(FastCharModel model, FastCharModel grown, String what) {
        assertEquals(grown.layout.size, grown.optimiser.m.length);
        assertEquals(grown.layout.size, grown.optimiser.v.length);
        float[] mapped = new float[grown.layout.size];
        Arrays.fill(mapped, Float.NaN);
        model.layout.copyInto(model.optimiser.m, grown.layout, mapped);
        float[] mappedV = new float[grown.layout.size];
        Arrays.fill(mappedV, Float.NaN);
        model.layout.copyInto(model.optimiser.v, grown.layout, mappedV);
        int moved = 0;
        for (int i = 0; i < mapped.length; i++) {
            if (Float.isNaN(mapped[i])) {
                assertEquals(0f, grown.optimiser.m[i], what + " m of a new weight");
                assertEquals(0f, grown.optimiser.v[i], what + " v of a new weight");
            } else {
                moved++;
                assertEquals(Float.floatToIntBits(mapped[i]), Float.floatToIntBits(grown.optimiser.m[i]), what);
                assertEquals(Float.floatToIntBits(mappedV[i]), Float.floatToIntBits(grown.optimiser.v[i]), what);
            }
        }
        assertEquals(model.layout.size, moved, what + ": every old moment has a place");
        assertTrue(Arrays.stream(toDoubles(model.optimiser.v)).anyMatch(x -> x != 0), "the state was not empty");
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    @Test
    void aGrownModelPredictsTheOldCharactersFromTheOldOnesAsBeforeUntilItTrains() {
        FastCharModel model = trained(CellType.LSTM, Optimizer.ADAM);
        FastCharModel grown = model.grown(NEW);
        Batch probe = randomBatch(3, 4, OLD, 99);
        float[] before = model.probabilities(probe);
        float[] after = grown.probabilities(probe);
        // The softmax now spreads over three more characters, so only the ratios among the old ones are kept.
        for (int row = 0; row < before.length / OLD; row++) {
            double ratio = after[row * NEW] / before[row * OLD];
            for (int k = 1; k < OLD; k++) {
                assertEquals(ratio, after[row * NEW + k] / before[row * OLD + k], 1e-4 * ratio);
            }
        }
        ParameterSet unchanged = model.parameters();
        grown.train(randomBatch(3, 4, NEW, 5), 2e-2);
        assertArrayEquals(unchanged.get("0_W").data(), model.parameters().get("0_W").data(),
                "the model grown from is left as it was");
    }

    @Test
    void theDl4jEngineRefusesToGrowWithASentence() {
        Dl4jCharModel model = new Dl4jCharModel(OLD, hp(CellType.LSTM, Optimizer.RMSPROP));
        ScribeException e = assertThrows(ScribeException.class, () -> model.grown(NEW));
        assertTrue(e.getMessage().contains("dl4j") && e.getMessage().contains("new characters"), e.getMessage());
    }
}
