package app.scribe.engine.fast;

import app.scribe.model.CellType;
import app.scribe.model.Hyperparameters;
import app.scribe.model.Optimizer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The calibration times the gemms a training step runs, and gives finite rates. */
class BlasLimitTest {
    private static Hyperparameters hp(int hidden, int layers, int seq, int batch, CellType cell) {
        return new Hyperparameters(hidden, layers, seq, batch, Optimizer.ADAM, 2e-3, 1.0, 1, 5.0, 0.0, 42)
                .withCell(cell);
    }

    private static double flops(Layout layout, int rows, int steps) {
        double total = 0;
        for (BlasLimit.Gemm g : BlasLimit.stepGemms(layout, rows, steps)) {
            total += g.flops();
        }
        return total;
    }

    /**
     * The reference step (2 x 128 LSTM, 79 symbols, batch 64, seq 30) is 2.33 GFLOP of gemm: per layer the
     * recurrent product forward, its gradient backward and dRW over 29 steps, for the upper layer also the input
     * product, dW and dX over 30, and the output layer's three products. Split between workers it stays the same.
     */
    @Test
    void theReferenceStepsGemmsAddUpToItsFlops() {
        Layout layout = new Layout(79, 128, 2, FastCharModel.cells(hp(128, 2, 30, 64, CellType.LSTM)));
        double recurrent = 3 * 2.0 * 64 * 29 * 128 * 512;
        double input = 3 * 2.0 * 64 * 30 * 128 * 512;
        double output = 3 * 2.0 * 64 * 30 * 128 * 79;
        double expected = 2 * recurrent + input + output;
        assertEquals(expected, flops(layout, 64, 30), 0.5);
        assertEquals(expected, 2 * flops(layout, 32, 30), 0.5);
        assertEquals(2.33e9, expected, 0.01e9);
    }

    @Test
    void theGruCountsItsThreeGatesAndOneStepWindowsHaveNoRecurrence() {
        Layout gru = new Layout(10, 16, 1, FastCharModel.cells(hp(16, 1, 5, 4, CellType.GRU)));
        double recurrent = 3 * 2.0 * 4 * 4 * 16 * 48;
        double output = 3 * 2.0 * 4 * 5 * 16 * 10;
        assertEquals(recurrent + output, flops(gru, 4, 5), 0.5);
        assertEquals(3 * 2.0 * 4 * 16 * 10, flops(gru, 4, 1), 0.5);
    }

    @Test
    void calibrationGivesFiniteRatesOnEveryWorkerThread() {
        Hyperparameters small = hp(32, 2, 8, 6, CellType.LSTM);
        for (int threads = 1; threads <= 3; threads++) {
            BlasLimit.Rate training = BlasLimit.training(20, small, threads);
            assertTrue(training.charsPerSecond() > 0 && Double.isFinite(training.charsPerSecond()), "" + training);
            assertTrue(training.gflops() > 0 && Double.isFinite(training.gflops()), "" + training);
        }
        BlasLimit.Rate generation = BlasLimit.generation(20, small);
        assertTrue(generation.charsPerSecond() > 0 && Double.isFinite(generation.charsPerSecond()), "" + generation);
    }
}
