package app.scribe.lab;

import app.scribe.ScribeException;
import app.scribe.model.CellType;
import app.scribe.model.MemoryEstimate;
import app.scribe.model.Optimizer;
import app.scribe.engine.fast.LastStepNetwork;

import java.util.Locale;

/**
 * One palindrome training run's settings, the seed reports' defaults included (hidden 128, batch 128, RMSprop
 * with learning rate 1e-3, gradient norm clipped at 10); the constructor refuses values out of range.
 */
public record TaskSettings(CellType cell, int length, int steps, int hidden, int batch, double learningRate,
                           Optimizer optimizer, long seed) {
    public static final int DEFAULT_STEPS = 3000;
    public static final int DEFAULT_HIDDEN = 128;
    public static final int DEFAULT_BATCH = 128;
    public static final double DEFAULT_LEARNING_RATE = 1e-3;
    public static final double CLIP_NORM = 10;
    public static final long DEFAULT_SEED = 42;
    public static final int TEST_SIZE = 4000;

    public TaskSettings {
        if (cell == null) {
            throw new ScribeException("Cell must be one of " + CellType.ids() + ".");
        }
        if (optimizer == null) {
            throw new ScribeException("Optimizer must be one of " + Optimizer.ids() + ".");
        }
        if (length < Palindromes.MIN_LENGTH || length > Palindromes.MAX_LENGTH) {
            throw new ScribeException("The palindrome length must be between " + Palindromes.MIN_LENGTH + " and "
                    + Palindromes.MAX_LENGTH + " (got " + length + ").");
        }
        range("steps", steps, 1, 1_000_000);
        range("hidden size", hidden, 1, 2048);
        range("batch size", batch, 1, 4096);
        if (!(learningRate > 0 && learningRate <= 10)) {
            throw new ScribeException("The learning rate must be above 0 and at most 10 (got " + learningRate
                    + ").");
        }
    }

    public static TaskSettings defaults(CellType cell, int length) {
        return new TaskSettings(cell, length, DEFAULT_STEPS, DEFAULT_HIDDEN, DEFAULT_BATCH, DEFAULT_LEARNING_RATE,
                Optimizer.RMSPROP, DEFAULT_SEED);
    }

    public TaskSettings withCell(CellType c) {
        return new TaskSettings(c, length, steps, hidden, batch, learningRate, optimizer, seed);
    }

    public TaskSettings withLength(int t) {
        return new TaskSettings(cell, t, steps, hidden, batch, learningRate, optimizer, seed);
    }

    public TaskSettings withSeed(long s) {
        return new TaskSettings(cell, length, steps, hidden, batch, learningRate, optimizer, s);
    }

    public TaskSettings withOptimizer(Optimizer o, double lr) {
        return new TaskSettings(cell, length, steps, hidden, batch, lr, o, seed);
    }

    /** A fresh network with this run's initial weights (the same seed gives the same weights). */
    /** The network these settings train; refused, with the memory it needs and the machine's, when it cannot run. */
    public LastStepNetwork network() {
        MemoryEstimate.lastStep(cell, Palindromes.DIGITS, hidden, batch, length).requireFits(String.format(
                Locale.ROOT, "A %s of %d units on palindromes of length %d with batch %d", cell.id(), hidden, length,
                batch));
        return new LastStepNetwork(cell, Palindromes.DIGITS, hidden, optimizer, CLIP_NORM, seed);
    }

    private static void range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ScribeException(name + " must be between " + min + " and " + max + " (got " + value + ").");
        }
    }
}
