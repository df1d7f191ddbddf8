package app.scribe.model;

import app.scribe.ScribeException;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * About how much memory a configuration needs before it runs, so that a size that cannot run is refused with the
 * figure and the limit instead of crashing (an index overflow, {@code std::bad_alloc}, an out-of-memory error). The
 * estimate counts what both engines hold: the weights with their gradients, optimizer state and copies, and for
 * every layer the activations of a whole batch of sequences kept for the backward pass. Every buffer is also
 * checked against the largest array the engines can index (2^31 - 1 floats).
 *
 * @param bytes        the memory the configuration needs, heap and native together
 * @param largestFloats the floats of its largest single buffer
 */
public record MemoryEstimate(long bytes, long largestFloats) {
    /** The most floats one buffer may hold: Java arrays and the fast engine's native buffers are int-indexed. */
    public static final long MAX_BUFFER_FLOATS = Integer.MAX_VALUE - 8;
    /** Weights, gradients per worker, the optimizer's state and working copies, and a snapshot for checkpoints. */
    private static final int WEIGHT_COPIES = 8;

    /** Training a model of {@code hp} over {@code vocabulary} characters with {@code engine}. */
    public static MemoryEstimate training(String engine, int vocabulary, Hyperparameters hp) {
        ArrayShapes shapes = Engines.arrayShapes(engine, vocabulary, hp);
        long widest = vocabulary;
        for (int[] shape : shapes.weights().values()) {
            for (int d : shape) {
                widest = Math.max(widest, d);
            }
        }
        long rows = (long) hp.batchSize() * hp.seqLength();
        return of(weights(shapes), rows, widest, hp.hiddenSize(), hp.layers(), vocabulary);
    }

    /** Refuses, before a model is built, a training that cannot run here, with the figure and the limit. */
    public static void requireTrainable(String engine, int vocabulary, Hyperparameters hp) {
        training(engine, vocabulary, hp).requireFits(String.format(Locale.ROOT,
                "Training a %s of %d x %d units with batch %d and sequence %d", hp.cell().id(), hp.layers(),
                hp.hiddenSize(), hp.batchSize(), hp.seqLength()));
    }

    /**
     * The lab's networks that read a whole sequence and answer at its end: one layer of {@code gates} x
     * {@code hidden} units over {@code symbols} symbols, a batch of {@code batch} sequences of {@code length}.
     */
    public static MemoryEstimate lastStep(CellType cell, int symbols, int hidden, int batch, int length) {
        Hyperparameters hp = Hyperparameters.defaults().withCell(cell);
        hp = new Hyperparameters(hidden, 1, length, batch, hp.optimizer(), hp.learningRate(), hp.decayRate(),
                hp.decayEvery(), hp.clipNorm(), 0, hp.seed()).withCell(cell);
        return training(Engines.DEFAULT, symbols, hp);
    }

    private static long weights(ArrayShapes shapes) {
        long total = 0;
        for (int[] shape : shapes.weights().values()) {
            total += ArrayShapes.elements(shape);
        }
        return total;
    }

    private static MemoryEstimate of(long weights, long rows, long widest, long hidden, long layers, long vocabulary) {
        double floats = (double) WEIGHT_COPIES * weights
                + 2.0 * layers * rows * (widest + 3 * hidden)
                + 3.0 * rows * vocabulary;
        long bytes = floats * Float.BYTES >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) (floats * Float.BYTES);
        double largest = (double) rows * widest;
        return new MemoryEstimate(bytes, largest >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) largest);
    }

    /** The memory of this machine: what the estimate is compared with. */
    public static long limitBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory();
    }

    /** Whether the configuration can run here. */
    public boolean fits() {
        return largestFloats <= MAX_BUFFER_FLOATS && bytes <= limitBytes();
    }

    /** Refuses, with the figure and the limit, a configuration that cannot run here; {@code what} names it. */
    public void requireFits(String what) {
        if (largestFloats > MAX_BUFFER_FLOATS) {
            throw new ScribeException(String.format(Locale.ROOT, "%s cannot run: one of its buffers would hold %,d"
                    + " numbers, more than the %,d an engine can index (about %s in all); use a smaller batch,"
                    + " sequence or model.", what, largestFloats, MAX_BUFFER_FLOATS, size(bytes)));
        }
        long limit = limitBytes();
        if (bytes > limit) {
            throw new ScribeException(String.format(Locale.ROOT, "%s needs about %s of memory, and this machine has"
                    + " %s; use a smaller batch, sequence or model.", what, size(bytes), size(limit)));
        }
    }

    private static String size(long bytes) {
        double gb = bytes / (double) (1L << 30);
        return gb >= 1 ? String.format(Locale.ROOT, "%,.1f GB", gb)
                : String.format(Locale.ROOT, "%,d MB", Math.max(1, bytes >> 20));
    }
}
