package app.scribe.engine.fast;

import java.nio.FloatBuffer;

/**
 * The LSTM in DL4J's layout and gate order: {@code W[input, 4H]}, {@code RW[H, 4H]}, {@code b[4H]}, the four
 * column blocks being g (the tanh candidate), f, o, i. Per step, {@code z = x·W + h·RW + b},
 * {@code c = f ⊙ c + i ⊙ g}, {@code h = o ⊙ tanh(c)}; its state is h then c.
 *
 * <p>Forward keeps every step's activated gates in the projection, and c and tanh(c) on the heap, for backward.
 * Backward runs one gemm per step for the recurrent gradient and one at the end for {@code dRW}. The gate maths of
 * a step runs on {@link GateColumns}, so that its loops vectorise.
 */
public final class LstmCell extends LstmGates {
    private float[] cells;
    private float[] tanhCells;
    private Scratch scratch;
    private final float[] biasRow;
    private final float[] biasGrad;

    /** One step's working arrays, all {@code [rows x hidden]} (or {@code [rows x 4H]}) and zero-based. */
    private static final class Scratch {
        final int rows;
        final float[] z;
        final GateColumns gates;
        final float[] biasTile;
        final float[] biasGradTile;
        final float[] c;
        final float[] cPrev;
        final float[] tanhC;
        final float[] h;
        final float[] dcNext;
        final float[] dc;

        Scratch(int rows, int hidden) {
            this.rows = rows;
            int n = rows * hidden;
            z = new float[4 * n];
            gates = new GateColumns(4, rows, hidden);
            biasTile = new float[4 * n];
            biasGradTile = new float[4 * n];
            c = new float[n];
            cPrev = new float[n];
            tanhC = new float[n];
            h = new float[n];
            dcNext = new float[n];
            dc = new float[n];
        }
    }

    public LstmCell(int input, int hidden, int base) {
        super(input, hidden, base);
        this.biasRow = new float[4 * hidden];
        this.biasGrad = new float[4 * hidden];
    }

    private Scratch ensure(int n, int rows) {
        if (cells == null || cells.length < n * hidden) {
            cells = new float[n * hidden];
            tanhCells = new float[n * hidden];
        }
        if (scratch == null || scratch.rows != rows) {
            scratch = new Scratch(rows, hidden);
        }
        return scratch;
    }

    @Override
    void forward(Window window, LayerBuffers layer) {
        int rows = window.rows;
        int steps = window.steps;
        int n = rows * hidden;
        Scratch w = ensure(rows * steps, rows);
        window.p.get(at(2), biasRow, 0, width());
        GateColumns.repeat(biasRow, 0, 4 * hidden, w.biasTile, rows);
        float[] z = w.z;
        float[] bias = w.biasTile;
        float[] g = w.gates.gate[G];
        float[] f = w.gates.gate[F];
        float[] o = w.gates.gate[O];
        float[] i = w.gates.gate[I];
        float[] c = w.c;
        float[] cPrev = w.cPrev;
        float[] tanhC = w.tanhC;
        float[] h = w.h;
        FloatBuffer a = layer.projection.buffer;
        for (int t = 0; t < steps; t++) {
            if (t > 0) {
                addRecurrent(window, layer, t);
            }
            int at = 4 * n * t;
            a.get(at, z, 0, 4 * n);
            for (int k = 0; k < 4 * n; k++) {
                z[k] += bias[k];
            }
            w.gates.split(z);
            Activations.tanh(g, 0, n);
            Activations.sigmoid(f, 0, n);
            Activations.sigmoid(o, 0, n);
            Activations.sigmoid(i, 0, n);
            if (t > 0) {
                for (int k = 0; k < n; k++) {
                    c[k] = f[k] * cPrev[k] + i[k] * g[k];
                }
            } else {
                for (int k = 0; k < n; k++) {
                    c[k] = i[k] * g[k];
                }
            }
            System.arraycopy(c, 0, cells, n * t, n);
            System.arraycopy(c, 0, tanhC, 0, n);
            Activations.tanh(tanhC, 0, n);
            System.arraycopy(tanhC, 0, tanhCells, n * t, n);
            for (int k = 0; k < n; k++) {
                h[k] = o[k] * tanhC[k];
            }
            // The projection keeps the step's activated gates, one gate after another, for backward.
            w.gates.store(a, at);
            layer.h.buffer.put(n * t, h, 0, n);
            float[] swap = cPrev;
            cPrev = c;
            c = swap;
        }
    }

    @Override
    void backward(Window window, LayerBuffers layer) {
        int rows = window.rows;
        int steps = window.steps;
        int n = rows * hidden;
        Scratch w = scratch;
        float[] z = w.z;
        float[] g = w.gates.gate[G];
        float[] f = w.gates.gate[F];
        float[] o = w.gates.gate[O];
        float[] i = w.gates.gate[I];
        float[] cPrev = w.cPrev;
        float[] tanhC = w.tanhC;
        float[] dh = w.h;
        float[] dcn = w.dcNext;
        float[] dc = w.dc;
        float[] dbTile = w.biasGradTile;
        FloatBuffer a = layer.projection.buffer;
        java.util.Arrays.fill(dbTile, 0f);
        java.util.Arrays.fill(dcn, 0f);
        for (int t = steps - 1; t >= 0; t--) {
            if (t < steps - 1) {
                backRecurrent(window, layer, t);
            }
            int at = 4 * n * t;
            w.gates.load(a, at);
            layer.dH.buffer.get(n * t, dh, 0, n);
            System.arraycopy(tanhCells, n * t, tanhC, 0, n);
            if (t > 0) {
                System.arraycopy(cells, n * (t - 1), cPrev, 0, n);
            } else {
                java.util.Arrays.fill(cPrev, 0f);
            }
            // Four short loops rather than one: C2 left the one loop over all eight arrays scalar.
            for (int k = 0; k < n; k++) {
                float th = tanhC[k];
                dc[k] = dh[k] * o[k] * (1 - th * th) + dcn[k];
            }
            for (int k = 0; k < n; k++) {
                float oo = o[k];
                o[k] = dh[k] * tanhC[k] * oo * (1 - oo);
            }
            for (int k = 0; k < n; k++) {
                float ff = f[k];
                dcn[k] = dc[k] * ff;
                f[k] = dc[k] * cPrev[k] * ff * (1 - ff);
            }
            for (int k = 0; k < n; k++) {
                float gg = g[k];
                float ii = i[k];
                g[k] = dc[k] * ii * (1 - gg * gg);
                i[k] = dc[k] * gg * ii * (1 - ii);
            }
            w.gates.join(z);
            for (int k = 0; k < 4 * n; k++) {
                dbTile[k] += z[k];
            }
            a.put(at, z, 0, 4 * n);
        }
        int width = width();
        java.util.Arrays.fill(biasGrad, 0f);
        for (int b = 0; b < rows; b++) {
            for (int j = 0; j < width; j++) {
                biasGrad[j] += dbTile[b * width + j];
            }
        }
        addGradient(window.g, at(2), biasGrad, width);
        addRecurrentWeightGradient(window, layer);
    }

    @Override
    void step(StepIo io, int state, int inputAt, int charIndex, long position) {
        float[] g = stepGates(io, state, inputAt, charIndex);
        float[] c = stepState();
        FloatBuffer sb = io.sb;
        sb.put(state + hidden, c, 0, hidden);
        Activations.tanh(c, 0, hidden);
        for (int j = 0; j < hidden; j++) {
            c[j] = g[2 * hidden + j] * c[j];
        }
        sb.put(state, c, 0, hidden);
    }
}
