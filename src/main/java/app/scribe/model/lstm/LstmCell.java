package app.scribe.model.lstm;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;

/**
 * The LSTM in DL4J's layout and gate order: {@code W[input, 4H]}, {@code RW[H, 4H]}, {@code b[4H]}, the four
 * column blocks being g (the tanh candidate), f, o, i. Per step, {@code z = x·W + h·RW + b},
 * {@code c = f ⊙ c + i ⊙ g}, {@code h = o ⊙ tanh(c)}; its state is h then c.
 *
 * <p>Forward keeps every step's activated gates, c and tanh(c) on the heap for backward. Backward runs one gemm
 * per step for the recurrent gradient and one at the end for {@code dRW}.
 */
final class LstmCell extends Cell {
    private float[] gates;
    private float[] cells;
    private float[] tanhCells;
    private float[] row;
    private float[] dcNext;
    private final float[] biasRow;
    private final float[] biasGrad;

    LstmCell(int input, int hidden, int base) {
        super(input, hidden, base, new Block("W", input, 4 * hidden), new Block("RW", hidden, 4 * hidden),
                new Block("b", 1, 4 * hidden));
        this.biasRow = new float[4 * hidden];
        this.biasGrad = new float[4 * hidden];
    }

    @Override
    void initialise(float[] w, SplittableRandom random) {
        initialiseGates(this, w, random);
    }

    /** Xavier weights in the first two blocks, zero biases in the third except the forget gates at 1. */
    static void initialiseGates(Cell cell, float[] w, SplittableRandom random) {
        cell.initialiseWeights(w, random);
        for (int j = 0; j < cell.hidden; j++) {
            w[cell.at(2) + cell.hidden + j] = 1f;
        }
    }

    /** Adds the biases to one row's pre-activations at {@code zo} and activates them: tanh for g, σ for f, o, i. */
    static void activateGates(float[] z, int zo, float[] bias, int hidden) {
        int width = 4 * hidden;
        for (int j = 0; j < width; j++) {
            z[zo + j] += bias[j];
        }
        Activations.tanh(z, zo, zo + hidden);
        Activations.sigmoid(z, zo + hidden, zo + width);
    }

    @Override
    int stateSize() {
        return 2 * hidden;
    }

    @Override
    int shownState() {
        return hidden;
    }

    @Override
    int stepScratch() {
        return width();
    }

    private void ensure(int n, int rows) {
        int width = width();
        if (gates == null || gates.length < n * width) {
            gates = new float[n * width];
            cells = new float[n * hidden];
            tanhCells = new float[n * hidden];
        }
        if (row == null || row.length < rows * hidden) {
            row = new float[rows * hidden];
            dcNext = new float[rows * hidden];
        }
    }

    @Override
    void forward(Window window, LayerBuffers layer) {
        int rows = window.rows;
        int steps = window.steps;
        int width = width();
        ensure(rows * steps, rows);
        window.p.get(at(2), biasRow, 0, width);
        float[] bh = biasRow;
        float[] z = gates;
        float[] c = cells;
        float[] tc = tanhCells;
        float[] hRow = row;
        FloatBuffer h = layer.h.buffer;
        FloatBuffer a = layer.projection.buffer;
        for (int t = 0; t < steps; t++) {
            if (t > 0) {
                addRecurrent(window, layer, t);
            }
            a.get(t * rows * width, z, t * rows * width, rows * width);
            for (int b = 0; b < rows; b++) {
                int r = t * rows + b;
                int zo = r * width;
                int s = r * hidden;
                activateGates(z, zo, bh, hidden);
                if (t > 0) {
                    int prev = s - rows * hidden;
                    for (int j = 0; j < hidden; j++) {
                        tc[s + j] = z[zo + hidden + j] * c[prev + j] + z[zo + 3 * hidden + j] * z[zo + j];
                    }
                } else {
                    for (int j = 0; j < hidden; j++) {
                        tc[s + j] = z[zo + 3 * hidden + j] * z[zo + j];
                    }
                }
                System.arraycopy(tc, s, c, s, hidden);
                Activations.tanh(tc, s, s + hidden);
                int ho = b * hidden;
                for (int j = 0; j < hidden; j++) {
                    hRow[ho + j] = z[zo + 2 * hidden + j] * tc[s + j];
                }
            }
            h.put(t * rows * hidden, hRow, 0, rows * hidden);
        }
    }

    @Override
    void backward(Window window, LayerBuffers layer) {
        int rows = window.rows;
        int steps = window.steps;
        int width = width();
        FloatBuffer a = layer.projection.buffer;
        float[] z = gates;
        float[] c = cells;
        float[] tc = tanhCells;
        float[] dhRow = row;
        FloatBuffer dh = layer.dH.buffer;
        float[] dcn = dcNext;
        float[] db = biasGrad;
        java.util.Arrays.fill(db, 0, width, 0f);
        java.util.Arrays.fill(dcn, 0, rows * hidden, 0f);
        for (int t = steps - 1; t >= 0; t--) {
            if (t < steps - 1) {
                backRecurrent(window, layer, t);
            }
            dh.get(t * rows * hidden, dhRow, 0, rows * hidden);
            for (int b = 0; b < rows; b++) {
                int r = t * rows + b;
                int zo = r * width;
                int s = r * hidden;
                int prev = s - rows * hidden;
                int d0 = b * hidden;
                for (int j = 0; j < hidden; j++) {
                    float gg = z[zo + j];
                    float ff = z[zo + hidden + j];
                    float oo = z[zo + 2 * hidden + j];
                    float ii = z[zo + 3 * hidden + j];
                    float th = tc[s + j];
                    float dhv = dhRow[d0 + j];
                    float dc = dhv * oo * (1 - th * th) + dcn[d0 + j];
                    float cPrev = t > 0 ? c[prev + j] : 0f;
                    dcn[d0 + j] = dc * ff;
                    z[zo + j] = dc * ii * (1 - gg * gg);
                    z[zo + hidden + j] = dc * cPrev * ff * (1 - ff);
                    z[zo + 2 * hidden + j] = dhv * th * oo * (1 - oo);
                    z[zo + 3 * hidden + j] = dc * gg * ii * (1 - ii);
                }
                for (int j = 0; j < width; j++) {
                    db[j] += z[zo + j];
                }
            }
            a.put(t * rows * width, z, t * rows * width, rows * width);
        }
        addGradient(window.g, at(2), db, width);
        addRecurrentWeightGradient(window, layer);
    }

    @Override
    void step(StepIo io, int state, int inputAt, int charIndex, long position) {
        int z = io.scratch;
        int width = width();
        project(io, inputAt, charIndex, at(2));
        Blas.rowTimesMatrix(hidden, width, io.w, at(1), io.s, state, 1f, io.z, z);
        // On heap arrays, as in forward, so that the loops vectorise: FloatBuffer access one float at a time took
        // most of a generated character's time.
        float[] g = stepRow(width);
        float[] c = stepState();
        FloatBuffer sb = io.sb;
        sb.get(z, g, 0, width);
        Activations.tanh(g, 0, hidden);
        Activations.sigmoid(g, hidden, width);
        int cOff = state + hidden;
        sb.get(cOff, c, 0, hidden);
        for (int j = 0; j < hidden; j++) {
            c[j] = g[hidden + j] * c[j] + g[3 * hidden + j] * g[j];
        }
        sb.put(cOff, c, 0, hidden);
        Activations.tanh(c, 0, hidden);
        for (int j = 0; j < hidden; j++) {
            c[j] = g[2 * hidden + j] * c[j];
        }
        sb.put(state, c, 0, hidden);
    }
}
