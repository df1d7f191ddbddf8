package app.scribe.engine.fast;

import org.bytedeco.javacpp.FloatPointer;

import java.nio.FloatBuffer;

/**
 * The fully gated GRU in PyTorch's {@code nn.GRU} form: {@code W[input, 3H]}, {@code RW[H, 3H]} with the column
 * blocks r (reset), z (update), n (candidate); {@code b[3H]} the input-side biases (for r and z standing for
 * PyTorch's two summed biases) and {@code rb[H]} the candidate's recurrent bias. Per step:
 * <pre>
 * r = σ(x·Wr + h·RWr + br)      z = σ(x·Wz + h·RWz + bz)
 * n = tanh(x·Wn + bn + r ⊙ (h·RWn + rb))
 * h' = (1 − z) ⊙ n + z ⊙ h
 * </pre>
 * The reset gate scales the recurrent product {@code h·RWn}, not h itself (the seed's {@code W·[r ⊙ h, x]}), so
 * the whole {@code h·RW} is one gemm per step. Its state is h alone.
 */
public final class GruCell extends Cell {
    private static final int R = 0;
    private static final int Z = 1;
    private static final int N = 2;

    private OffHeap recurrent;
    private FloatPointer recurrentP;
    /** Per step and row: h·RWn + rb, what the reset gate multiplied. */
    private float[] resetInputs;
    private Scratch scratch;
    private final float[] bias;
    private final float[] recurrentBias;
    private final float[] biasGrad;
    private final float[] recurrentBiasGrad;
    private float[] stepRec;
    private float[] stepRecurrentBias;

    /** One step's working arrays, zero-based, split by gate so that every loop vectorises (see GateColumns). */
    private static final class Scratch {
        final int rows;
        final float[] rowsIn;
        final GateColumns x;
        final GateColumns rec;
        final float[][] biasTile;
        final float[] recurrentBiasTile;
        final float[][] biasGradTile;
        final float[] recurrentBiasGradTile;
        final float[] resetInput;
        final float[] previous;
        final float[] h;
        final float[] dhNext;
        final float[] dn;

        Scratch(int rows, int hidden) {
            this.rows = rows;
            int n = rows * hidden;
            rowsIn = new float[3 * n];
            x = new GateColumns(3, rows, hidden);
            rec = new GateColumns(3, rows, hidden);
            biasTile = new float[3][n];
            recurrentBiasTile = new float[n];
            biasGradTile = new float[3][n];
            recurrentBiasGradTile = new float[n];
            resetInput = new float[n];
            previous = new float[n];
            h = new float[n];
            dhNext = new float[n];
            dn = new float[n];
        }
    }

    public GruCell(int input, int hidden, int base) {
        super(input, hidden, base, new Block("W", input, 3 * hidden), new Block("RW", hidden, 3 * hidden),
                new Block("b", 1, 3 * hidden), new Block("rb", 1, hidden));
        bias = new float[3 * hidden];
        recurrentBias = new float[hidden];
        biasGrad = new float[3 * hidden];
        recurrentBiasGrad = new float[hidden];
    }

    @Override
    int stepScratch() {
        return 2 * width();
    }

    private Scratch ensure(int n, int rows) {
        if (resetInputs == null || resetInputs.length < n * hidden) {
            resetInputs = new float[n * hidden];
            recurrent = new OffHeap(n * width());
            recurrentP = recurrent.view();
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
        int width = width();
        int n = rows * hidden;
        Scratch w = ensure(rows * steps, rows);
        window.p.get(at(2), bias, 0, width);
        window.p.get(at(3), recurrentBias, 0, hidden);
        for (int gate = 0; gate < 3; gate++) {
            GateColumns.repeat(bias, gate * hidden, hidden, w.biasTile[gate], rows);
        }
        GateColumns.repeat(recurrentBias, 0, hidden, w.recurrentBiasTile, rows);
        float[] prev = w.previous;
        float[] out = w.h;
        FloatBuffer a = layer.projection.buffer;
        for (int t = 0; t < steps; t++) {
            int at = 3 * n * t;
            if (t > 0) {
                Blas.gemm(false, false, rows, width, hidden, layer.hP, (long) (t - 1) * n, hidden, window.params,
                        at(1), width, 0f, recurrentP, at, width);
                recurrent.buffer.get(at, w.rowsIn, 0, 3 * n);
                w.rec.split(w.rowsIn);
            } else {
                for (float[] part : w.rec.gate) {
                    java.util.Arrays.fill(part, 0f);
                }
                java.util.Arrays.fill(prev, 0f);
            }
            a.get(at, w.rowsIn, 0, 3 * n);
            w.x.split(w.rowsIn);
            gates(w.x.gate, w.rec.gate, w.biasTile, w.recurrentBiasTile, w.resetInput, n);
            float[] z = w.x.gate[Z];
            float[] nn = w.x.gate[N];
            for (int k = 0; k < n; k++) {
                out[k] = (1 - z[k]) * nn[k] + z[k] * prev[k];
            }
            System.arraycopy(w.resetInput, 0, resetInputs, n * t, n);
            // The projection keeps the step's activated gates, one gate after another, for backward.
            w.x.store(a, at);
            layer.h.buffer.put(n * t, out, 0, n);
            float[] swap = prev;
            prev = out;
            out = swap;
        }
    }

    /**
     * One step's gates from the input's and the recurrence's parts {@code x} and {@code rec} (split by gate) and the
     * bias tiles: {@code x} becomes r, z and n activated; {@code hn} gets {@code h·RWn + rb}.
     */
    private static void gates(float[][] x, float[][] rec, float[][] bias, float[] rb, float[] hn, int n) {
        float[] r = x[R];
        float[] z = x[Z];
        float[] nn = x[N];
        float[] recR = rec[R];
        float[] recZ = rec[Z];
        float[] recN = rec[N];
        float[] br = bias[R];
        float[] bz = bias[Z];
        float[] bn = bias[N];
        for (int k = 0; k < n; k++) {
            r[k] += br[k] + recR[k];
        }
        for (int k = 0; k < n; k++) {
            z[k] += bz[k] + recZ[k];
        }
        Activations.sigmoid(r, 0, n);
        Activations.sigmoid(z, 0, n);
        for (int k = 0; k < n; k++) {
            hn[k] = recN[k] + rb[k];
        }
        for (int k = 0; k < n; k++) {
            nn[k] += bn[k] + r[k] * hn[k];
        }
        Activations.tanh(nn, 0, n);
    }

    @Override
    void backward(Window window, LayerBuffers layer) {
        int rows = window.rows;
        int steps = window.steps;
        int n = rows * hidden;
        int width = 3 * hidden;
        Scratch w = scratch;
        for (float[] tile : w.biasGradTile) {
            java.util.Arrays.fill(tile, 0f);
        }
        java.util.Arrays.fill(w.recurrentBiasGradTile, 0f);
        java.util.Arrays.fill(w.dhNext, 0f);
        FloatBuffer a = layer.projection.buffer;
        for (int t = steps - 1; t >= 0; t--) {
            int at = 3 * n * t;
            if (t < steps - 1) {
                Blas.gemm(false, true, rows, hidden, width, recurrentP, at + 3L * n, width, window.params, at(1),
                        width, 1f, layer.dHP, (long) t * n, hidden);
            }
            w.x.load(a, at);
            layer.dH.buffer.get(n * t, w.h, 0, n);
            if (t > 0) {
                layer.h.buffer.get(n * (t - 1), w.previous, 0, n);
            } else {
                java.util.Arrays.fill(w.previous, 0f);
            }
            System.arraycopy(resetInputs, n * t, w.resetInput, 0, n);
            addTo(w.h, w.dhNext, n);
            layer.dH.buffer.put(n * t, w.h, 0, n);
            gradients(w.x.gate, w.resetInput, w.previous, w.h, w.dhNext, w.dn, n);
            float[][] d = w.x.gate;
            addTo(w.biasGradTile[R], d[R], n);
            addTo(w.biasGradTile[Z], d[Z], n);
            addTo(w.biasGradTile[N], w.dn, n);
            addTo(w.recurrentBiasGradTile, d[N], n);
            GateColumns.join(w.rowsIn, rows, hidden, d[R], d[Z], w.dn);
            a.put(at, w.rowsIn, 0, 3 * n);
            GateColumns.join(w.rowsIn, rows, hidden, d[R], d[Z], d[N]);
            recurrent.buffer.put(at, w.rowsIn, 0, 3 * n);
        }
        java.util.Arrays.fill(biasGrad, 0f);
        java.util.Arrays.fill(recurrentBiasGrad, 0f);
        for (int b = 0; b < rows; b++) {
            for (int j = 0; j < hidden; j++) {
                int k = b * hidden + j;
                biasGrad[j] += w.biasGradTile[R][k];
                biasGrad[hidden + j] += w.biasGradTile[Z][k];
                biasGrad[2 * hidden + j] += w.biasGradTile[N][k];
                recurrentBiasGrad[j] += w.recurrentBiasGradTile[k];
            }
        }
        addGradient(window.g, at(2), biasGrad, width);
        addGradient(window.g, at(3), recurrentBiasGrad, hidden);
        if (steps > 1) {
            Blas.gemm(true, false, hidden, width, (steps - 1) * rows, layer.hP, 0, hidden, recurrentP,
                    (long) rows * width, width, 1f, window.grad, at(1), width);
        }
    }

    /**
     * One step backward through the gates {@code x} (r, z, n activated), {@code hn} ({@code h·RWn + rb}) and the
     * previous h, from dh: {@code dhNext} gets what goes back to the previous h past the gates, {@code dn} the
     * candidate's pre-activation gradient; x's r and z become their pre-activations' gradients and its n the
     * gradient of the recurrent candidate product, {@code dn ⊙ r}.
     */
    private static void gradients(float[][] x, float[] hn, float[] prev, float[] dh, float[] dhNext, float[] dn,
                                  int n) {
        float[] r = x[R];
        float[] z = x[Z];
        float[] nn = x[N];
        for (int k = 0; k < n; k++) {
            dhNext[k] = dh[k] * z[k];
        }
        for (int k = 0; k < n; k++) {
            float nk = nn[k];
            dn[k] = dh[k] * (1 - z[k]) * (1 - nk * nk);
        }
        for (int k = 0; k < n; k++) {
            float zk = z[k];
            z[k] = dh[k] * (prev[k] - nn[k]) * zk * (1 - zk);
        }
        for (int k = 0; k < n; k++) {
            nn[k] = dn[k] * r[k];
        }
        for (int k = 0; k < n; k++) {
            float rk = r[k];
            r[k] = dn[k] * hn[k] * rk * (1 - rk);
        }
    }

    /** {@code sum[k] += values[k]} for k below n. */
    private static void addTo(float[] sum, float[] values, int n) {
        for (int k = 0; k < n; k++) {
            sum[k] += values[k];
        }
    }

    @Override
    void step(StepIo io, int state, int inputAt, int charIndex, long position) {
        int width = width();
        int h2 = 2 * hidden;
        int z = io.scratch;
        int recAt = z + width;
        project(io, inputAt, charIndex, at(2));
        Blas.rowTimesMatrix(hidden, width, io.w, at(1), io.s, state, 0f, io.z, recAt);
        // On heap arrays, as in forward: FloatBuffer access one float at a time took most of a character's time.
        if (stepRec == null) {
            stepRec = new float[width];
            stepRecurrentBias = new float[hidden];
        }
        float[] g = stepRow(width);
        float[] rec = stepRec;
        float[] rb = stepRecurrentBias;
        float[] h = stepState();
        FloatBuffer sb = io.sb;
        sb.get(z, g, 0, width);
        sb.get(recAt, rec, 0, width);
        sb.get(state, h, 0, hidden);
        io.wb.get(at(3), rb, 0, hidden);
        for (int j = 0; j < h2; j++) {
            g[j] += rec[j];
        }
        Activations.sigmoid(g, 0, h2);
        for (int j = 0; j < hidden; j++) {
            g[h2 + j] += g[j] * (rec[h2 + j] + rb[j]);
        }
        Activations.tanh(g, h2, width);
        for (int j = 0; j < hidden; j++) {
            float u = g[hidden + j];
            h[j] = (1 - u) * g[h2 + j] + u * h[j];
        }
        sb.put(state, h, 0, hidden);
    }
}
