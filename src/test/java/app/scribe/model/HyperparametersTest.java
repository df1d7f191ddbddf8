package app.scribe.model;

import app.scribe.ScribeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HyperparametersTest {
    private static final Hyperparameters D = Hyperparameters.defaults();

    private static void assertRefused(String expectedRange, Executable build) {
        ScribeException e = assertThrows(ScribeException.class, build);
        assertTrue(e.getMessage().contains(expectedRange), e.getMessage());
    }

    private static Hyperparameters hp(int hidden, int layers, int seq, int batch, double lr, double dropout) {
        return new Hyperparameters(hidden, layers, seq, batch, Optimizer.RMSPROP, lr, D.decayRate(), D.decayEvery(),
                D.clipNorm(), dropout, 1);
    }

    @Test
    void defaultsAreTheSeedReportSettings() {
        assertEquals(128, D.hiddenSize());
        assertEquals(2, D.layers());
        assertEquals(30, D.seqLength());
        assertEquals(64, D.batchSize());
        assertEquals(Optimizer.RMSPROP, D.optimizer());
        assertEquals(2e-3, D.learningRate());
    }

    @Test
    void zeroNegativeAndAbsurdValuesAreRefusedNamingTheRange() {
        assertRefused("Hidden size must be between 1 and 2048 (got 0)", () -> hp(0, 2, 30, 64, 2e-3, 0));
        assertRefused("Hidden size must be between 1 and 2048", () -> hp(-5, 2, 30, 64, 2e-3, 0));
        assertRefused("Hidden size must be between 1 and 2048", () -> hp(100_000, 2, 30, 64, 2e-3, 0));
        assertRefused("Layers must be between 1 and 3 (got 7)", () -> hp(128, 7, 30, 64, 2e-3, 0));
        assertRefused("Layers must be between 1 and 3", () -> hp(128, 0, 30, 64, 2e-3, 0));
        assertRefused("Sequence length must be between 1 and 1000", () -> hp(128, 2, 0, 64, 2e-3, 0));
        assertRefused("Sequence length must be between 1 and 1000 (got 1000000000)",
                () -> hp(128, 2, 1_000_000_000, 64, 2e-3, 0));
        assertRefused("Batch size must be between 1 and 4096", () -> hp(128, 2, 30, -1, 2e-3, 0));
        assertRefused("Learning rate must be between", () -> hp(128, 2, 30, 64, 0, 0));
        assertRefused("Learning rate must be between", () -> hp(128, 2, 30, 64, 5, 0));
        assertRefused("Learning rate must be between", () -> hp(128, 2, 30, 64, Double.NaN, 0));
        assertRefused("Dropout must be at least 0 and below 0.9", () -> hp(128, 2, 30, 64, 2e-3, 0.95));
        assertRefused("Dropout must be at least 0 and below 0.9", () -> hp(128, 2, 30, 64, 2e-3, -0.1));
        assertRefused("Optimizer must be one of rmsprop, adam, sgd, momentum", () -> new Hyperparameters(128, 2, 30, 64, null, 2e-3,
                0.9, 100, 5, 0, 1));
        assertRefused("Gradient clip norm must be between", () -> new Hyperparameters(128, 2, 30, 64, Optimizer.ADAM,
                2e-3, 0.9, 100, 0, 0, 1));
        assertRefused("Decay interval must be between 1", () -> new Hyperparameters(128, 2, 30, 64, Optimizer.ADAM,
                2e-3, 0.9, 0, 5, 0, 1));
        assertRefused("Weight decay must be between 0 and 1 (got -0.1)", () -> new Hyperparameters(128, 2, 30, 64,
                Optimizer.SGD, 2e-3, 0.9, 100, 5, 0, 1, -0.1, CellType.LSTM, CellOptions.NONE));
        assertRefused("Time gate leak must be between 0 and 1 (got 2)",
                () -> D.withCell(CellType.TGLSTM).withCellOptions(CellOptions.NONE.with("leak", 2)));
        assertRefused("The lstm cell has no setting leak", () -> D.withCellOptions(CellOptions.NONE.with("leak", 0)));
        assertRefused("Cell must be one of lstm, gru, rnn, tglstm", () -> D.withCell(null));
    }

    @Test
    void boundaryValuesAreAccepted() {
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> hp(1, 1, 1, 1, 1e-6, 0));
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> hp(2048, 3, 1000, 4096, 1.0, 0.5));
    }

    @Test
    void learningRateDecaysEveryInterval() {
        Hyperparameters h = new Hyperparameters(8, 1, 10, 4, Optimizer.ADAM, 0.01, 0.5, 100, 5, 0, 1);
        assertEquals(0.01, h.learningRateAt(0), 1e-15);
        assertEquals(0.01, h.learningRateAt(99), 1e-15);
        assertEquals(0.005, h.learningRateAt(100), 1e-15);
        assertEquals(0.0025, h.learningRateAt(250), 1e-15);
        assertEquals(7, h.withSeed(7).seed());
        assertEquals(h.hiddenSize(), h.withSeed(7).hiddenSize());
    }
}
