package app.scribe.model;

import app.scribe.ScribeException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 23, item 7: a size that cannot run is refused with the figure and the limit; usual sizes pass. */
class MemoryEstimateTest {
    private static Hyperparameters size(int hidden, int layers, int seq, int batch) {
        Hyperparameters d = Hyperparameters.defaults();
        return new Hyperparameters(hidden, layers, seq, batch, d.optimizer(), d.learningRate(), d.decayRate(),
                d.decayEvery(), d.clipNorm(), 0, 1);
    }

    @Test
    void usualSizesFit() {
        for (String engine : new String[]{Engines.DEFAULT, "dl4j"}) {
            assertTrue(MemoryEstimate.training(engine, 80, Hyperparameters.defaults()).fits(), engine);
            assertTrue(MemoryEstimate.training(engine, 80, size(512, 3, 100, 64)).fits(), engine);
        }
        assertTrue(MemoryEstimate.lastStep(CellType.LSTM, 10, 128, 128, 30).fits());
    }

    @Test
    void sizesThatCannotRunAreRefusedWithTheFigures() {
        for (String engine : new String[]{Engines.DEFAULT, "dl4j"}) {
            MemoryEstimate huge = MemoryEstimate.training(engine, 80, size(2048, 3, 1000, 4096));
            assertFalse(huge.fits(), engine);
            ScribeException e = assertThrows(ScribeException.class, () -> huge.requireFits("This run"));
            assertTrue(e.getMessage().startsWith("This run cannot run") && e.getMessage().contains("GB"),
                    e.getMessage());
        }
        assertFalse(MemoryEstimate.lastStep(CellType.LSTM, 10, 2048, 4096, 1000).fits());

        MemoryEstimate large = MemoryEstimate.training(Engines.DEFAULT, 80, size(2048, 3, 1000, 256));
        assertTrue(large.largestFloats() <= MemoryEstimate.MAX_BUFFER_FLOATS, "each buffer could be indexed");
        if (large.bytes() > MemoryEstimate.limitBytes()) {
            ScribeException e = assertThrows(ScribeException.class, () -> large.requireFits("This run"));
            assertTrue(e.getMessage().contains("of memory, and this machine has"), e.getMessage());
        }
    }
}
