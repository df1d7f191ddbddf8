package app.scribe.model;

import app.scribe.ScribeException;

/**
 * Every knob of a training run, the random seed included, so that a run can be repeated. The GUI form, the CLI
 * flags and the model file all map to this one record; its constructor refuses values outside the stated ranges.
 * {@code cellOptions} are the cell's own settings, completed with its defaults (null stands for none given).
 */
public record Hyperparameters(int hiddenSize, int layers, int seqLength, int batchSize, Optimizer optimizer,
                              double learningRate, double decayRate, int decayEvery, double clipNorm,
                              double dropout, long seed, double weightDecay, CellType cell,
                              CellOptions cellOptions) {
    public static final int MAX_HIDDEN_SIZE = 2048;
    public static final int MAX_LAYERS = 3;
    public static final int MAX_SEQ_LENGTH = 1000;
    public static final int MAX_BATCH_SIZE = 4096;

    /** The seed reports' settings. */
    public static Hyperparameters defaults() {
        return new Hyperparameters(128, 2, 30, 64, Optimizer.RMSPROP, 2e-3, 0.96, 5000, 5.0, 0.0, 42);
    }

    /** Settings of an LSTM without weight decay. */
    public Hyperparameters(int hiddenSize, int layers, int seqLength, int batchSize, Optimizer optimizer,
                           double learningRate, double decayRate, int decayEvery, double clipNorm, double dropout,
                           long seed) {
        this(hiddenSize, layers, seqLength, batchSize, optimizer, learningRate, decayRate, decayEvery, clipNorm,
                dropout, seed, 0, CellType.LSTM, CellOptions.NONE);
    }

    public Hyperparameters {
        requireRange("hidden size", hiddenSize, 1, MAX_HIDDEN_SIZE);
        requireRange("layers", layers, 1, MAX_LAYERS);
        requireRange("sequence length", seqLength, 1, MAX_SEQ_LENGTH);
        requireRange("batch size", batchSize, 1, MAX_BATCH_SIZE);
        if (optimizer == null) {
            throw new ScribeException("Optimizer must be one of " + Optimizer.ids() + ".");
        }
        requireRange("learning rate", learningRate, 1e-6, 1.0);
        requireRange("decay rate", decayRate, 0.01, 1.0);
        requireRange("decay interval", decayEvery, 1, 100_000_000);
        requireRange("gradient clip norm", clipNorm, 0.01, 1000);
        if (!(dropout >= 0 && dropout < 0.9)) {
            throw new ScribeException("Dropout must be at least 0 and below 0.9 (got " + dropout + ").");
        }
        requireRange("weight decay", weightDecay, 0, 1);
        if (cell == null) {
            throw new ScribeException("Cell must be one of " + CellType.ids() + ".");
        }
        cellOptions = cell.options(cellOptions == null ? CellOptions.NONE : cellOptions);
    }

    static void requireRange(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new ScribeException(ScribeException.opening(name) + " must be between " + format(min) + " and "
                    + format(max) + " (got " + format(value) + ").");
        }
    }

    static String format(double v) {
        // Whole numbers as such (--seq 1000000000 said "got 1.0E9"), up to where a long still holds them.
        return v == Math.rint(v) && Math.abs(v) < 9e18 ? Long.toString((long) v) : Double.toString(v);
    }

    public Hyperparameters withSeed(long newSeed) {
        return new Hyperparameters(hiddenSize, layers, seqLength, batchSize, optimizer, learningRate, decayRate,
                decayEvery, clipNorm, dropout, newSeed, weightDecay, cell, cellOptions);
    }

    /** These settings with another cell, at its default settings of its own. */
    public Hyperparameters withCell(CellType newCell) {
        return new Hyperparameters(hiddenSize, layers, seqLength, batchSize, optimizer, learningRate, decayRate,
                decayEvery, clipNorm, dropout, seed, weightDecay, newCell, CellOptions.NONE);
    }

    public Hyperparameters withCellOptions(CellOptions options) {
        return new Hyperparameters(hiddenSize, layers, seqLength, batchSize, optimizer, learningRate, decayRate,
                decayEvery, clipNorm, dropout, seed, weightDecay, cell, options);
    }

    /** Learning rate after {@code step} optimizer steps: multiplied by the decay rate every decay interval. */
    public double learningRateAt(long step) {
        return learningRate * Math.pow(decayRate, step / decayEvery);
    }
}
