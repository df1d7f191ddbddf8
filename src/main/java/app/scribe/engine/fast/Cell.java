package app.scribe.engine.fast;

import app.scribe.model.CellOptions;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;

/**
 * One recurrent layer's cell: its weight blocks and their initialisation, the size of its state, its forward and
 * backward pass over a window and its single step for generation. The engine around it (batching, workers, the
 * input projection, dropout, the output layer, the optimiser) never looks inside.
 *
 * <p>The first block is always the input weights {@code W[input, width]}: the engine computes the projection
 * {@code x·W} for every step of a window before {@link #forward} and, after {@link #backward} has turned it into the
 * gradient of that projection, the gradients of {@code W} and of the layer's input. An instance keeps its own
 * scratch arrays, so every worker and stepper has its own cells.
 *
 * <p>The class is public only so that a {@link app.scribe.model.CellType} can name how to build one; everything a
 * cell does stays inside this package.
 */
public abstract class Cell {
    /** Builds the cell of one layer whose weights start at {@code base}, with the cell's own settings. */
    public interface Factory {
        Cell create(int input, int hidden, int base, CellOptions options);
    }

    final int input;
    final int hidden;
    private final Block[] blocks;
    private final int[] at;
    private final int end;
    private float[] stepRow;
    private float[] stepState;
    private float[] stepBias;

    Cell(int input, int hidden, int base, Block... blocks) {
        this.input = input;
        this.hidden = hidden;
        this.blocks = blocks;
        this.at = new int[blocks.length];
        int offset = base;
        for (int i = 0; i < blocks.length; i++) {
            at[i] = offset;
            offset += blocks[i].size();
        }
        this.end = offset;
    }

    Block[] blocks() {
        return blocks.clone();
    }

    /** Offset of block {@code i} in the parameter block. */
    final int at(int i) {
        return at[i];
    }

    /** Offset just past this layer's weights. */
    final int end() {
        return end;
    }

    /** Columns of the input projection. */
    final int width() {
        return blocks[0].cols();
    }

    /**
     * Writes this layer's initial weights into {@code w} (the whole parameter block): by default Xavier weights in W
     * and RW, zero biases.
     */
    void initialise(float[] w, SplittableRandom random) {
        initialiseWeights(w, random);
    }

    /**
     * Brings weights the optimiser moved out of their domain back into it (the time gate's period and open ratio);
     * most cells have no such weights.
     */
    void constrain(FloatBuffer w) {
    }

    /** Refuses, with a sentence, weights (from a file) outside their domain; most cells accept any finite value. */
    void check(float[] w, int layer) {
    }

    /** Floats of one stream's state for this layer; the output h comes first. By default h is the whole state. */
    int stateSize() {
        return hidden;
    }

    /** Where in the layer's state the values the Inside tab shows (the LSTM's c, or by default h) start. */
    int shownState() {
        return 0;
    }

    /** Floats of scratch a step needs. */
    abstract int stepScratch();

    /**
     * Runs the window forward from zero state: {@code layer.projection} holds {@code x·W} for every row; fills
     * {@code layer.h}, keeping what {@link #backward} needs.
     */
    abstract void forward(Window window, LayerBuffers layer);

    /**
     * Backpropagates {@code layer.dH} (the loss gradient of every output) through the window: adds the gradients of
     * the cell's own blocks to the window's gradient block and leaves the gradient of the projection in
     * {@code layer.projection}. It also leaves in {@code layer.dH} the whole gradient dL/dh_t of every step's output,
     * through every path by which h_t reaches later steps (the lab's gradient flow reads it; training does not).
     */
    abstract void backward(Window window, LayerBuffers layer);

    /**
     * Advances one stream by the character at {@code position} of its text: the layer's state starts at
     * {@code state}; its input is the one-hot {@code charIndex} when {@code inputAt} is negative, else the previous
     * layer's h at {@code inputAt}.
     */
    abstract void step(StepIo io, int state, int inputAt, int charIndex, long position);

    /**
     * {@code z[0, width) = x·W + bias} into the step's scratch row, as a row of {@code W} for a one-hot input, else
     * a mat-vec onto the bias.
     */
    final void project(StepIo io, int inputAt, int charIndex, int bias) {
        int width = width();
        FloatBuffer sb = io.sb;
        int z = io.scratch;
        if (inputAt < 0) {
            float[] row = stepRow(width);
            float[] b = stepBias(width);
            io.wb.get(at(0) + charIndex * width, row, 0, width);
            io.wb.get(bias, b, 0, width);
            for (int j = 0; j < width; j++) {
                row[j] += b[j];
            }
            sb.put(z, row, 0, width);
        } else {
            sb.put(z, io.wb, bias, width);
            Blas.rowTimesMatrix(input, width, io.w, at(0), io.s, inputAt, 1f, io.z, z);
        }
    }

    /** A heap row of at least {@code width} floats for a generation step's element-wise maths. */
    final float[] stepRow(int width) {
        if (stepRow == null || stepRow.length < width) {
            stepRow = new float[width];
        }
        return stepRow;
    }

    /** A second heap row, of {@link #hidden} floats, for a generation step's state. */
    final float[] stepState() {
        if (stepState == null) {
            stepState = new float[hidden];
        }
        return stepState;
    }

    private float[] stepBias(int width) {
        if (stepBias == null || stepBias.length < width) {
            stepBias = new float[width];
        }
        return stepBias;
    }

    /** Xavier weights in W and RW (the first two blocks). */
    final void initialiseWeights(float[] w, SplittableRandom random) {
        xavier(w, at(0), input * width(), input, hidden, random);
        xavier(w, at(1), hidden * width(), hidden, hidden, random);
    }

    /** {@code projection[t] += h[t-1]·RW}: the recurrent part of step t's pre-activations (t > 0). */
    final void addRecurrent(Window window, LayerBuffers layer, int t) {
        int rows = window.rows;
        int width = width();
        Blas.gemm(false, false, rows, width, hidden, layer.hP, (long) (t - 1) * rows * hidden, hidden,
                window.params, at(1), width, 1f, layer.projectionP, (long) t * rows * width, width);
    }

    /** {@code dH[t] += dProjection[t+1]·RWᵀ}: what step t's outputs get back through the recurrence. */
    final void backRecurrent(Window window, LayerBuffers layer, int t) {
        int rows = window.rows;
        int width = width();
        Blas.gemm(false, true, rows, hidden, width, layer.projectionP, (long) (t + 1) * rows * width, width,
                window.params, at(1), width, 1f, layer.dHP, (long) t * rows * hidden, hidden);
    }

    /** {@code dRW += h[0 .. steps-2]ᵀ · dProjection[1 .. steps-1]}, one gemm for the whole window. */
    final void addRecurrentWeightGradient(Window window, LayerBuffers layer) {
        int rows = window.rows;
        int width = width();
        if (window.steps > 1) {
            Blas.gemm(true, false, hidden, width, (window.steps - 1) * rows, layer.hP, 0, hidden, layer.projectionP,
                    (long) rows * width, width, 1f, window.grad, at(1), width);
        }
    }

    /** Adds {@code count} values to the gradient block from offset {@code at}. */
    static void addGradient(FloatBuffer g, int at, float[] values, int count) {
        for (int j = 0; j < count; j++) {
            g.put(at + j, g.get(at + j) + values[j]);
        }
    }

    /** Gaussian weights with DL4J's Xavier spread, {@code sqrt(2 / (fanIn + fanOut))}. */
    static void xavier(float[] w, int offset, int count, int fanIn, int fanOut, SplittableRandom random) {
        double std = Math.sqrt(2.0 / (fanIn + fanOut));
        for (int i = 0; i < count; i++) {
            // Box-Muller: SplittableRandom has no nextGaussian in Java 17.
            double u1 = 1 - random.nextDouble();
            double u2 = random.nextDouble();
            w[offset + i] = (float) (std * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
        }
    }
}
