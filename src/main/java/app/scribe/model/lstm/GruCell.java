package app.scribe.model.lstm;

import org.bytedeco.javacpp.FloatPointer;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;

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
final class GruCell extends Cell {
    private OffHeap recurrent;
    private FloatPointer recurrentP;
    /** Per row: r, z, n after their activations. */
    private float[] gates;
    /** Per row: h·RWn + rb, what the reset gate multiplied. */
    private float[] resetInput;
    private float[] previous;
    private float[] row;
    private float[] recRow;
    private float[] dhNext;
    private final float[] bias;
    private final float[] recurrentBias;
    private final float[] biasGrad;
    private final float[] recurrentBiasGrad;

    GruCell(int input, int hidden, int base) {
        super(input, hidden, base, new Block("W", input, 3 * hidden), new Block("RW", hidden, 3 * hidden),
                new Block("b", 1, 3 * hidden), new Block("rb", 1, hidden));
        bias = new float[3 * hidden];
        recurrentBias = new float[hidden];
        biasGrad = new float[3 * hidden];
        recurrentBiasGrad = new float[hidden];
    }

    /** Xavier weights, zero biases. */
    @Override
    void initialise(float[] w, SplittableRandom random) {
        initialiseWeights(w, random);
    }

    @Override
    int stateSize() {
        return hidden;
    }

    @Override
    int shownState() {
        return 0;
    }

    @Override
    int stepScratch() {
        return 2 * width();
    }

    private void ensure(int n, int rows) {
        int width = width();
        if (gates == null || gates.length < n * width) {
            gates = new float[n * width];
            resetInput = new float[n * hidden];
            previous = new float[n * hidden];
            recurrent = new OffHeap(n * width);
            recurrentP = recurrent.view();
        }
        if (row == null || row.length < rows * width) {
            row = new float[rows * width];
            recRow = new float[rows * width];
            dhNext = new float[rows * hidden];
        }
    }

    @Override
    void forward(Window window, LayerBuffers layer) {
        int rows = window.rows;
        int steps = window.steps;
        int width = width();
        int h2 = 2 * hidden;
        ensure(rows * steps, rows);
        window.p.get(at(2), bias, 0, width);
        window.p.get(at(3), recurrentBias, 0, hidden);
        float[] g = gates;
        float[] rec = recRow;
        float[] out = row;
        FloatBuffer a = layer.projection.buffer;
        for (int t = 0; t < steps; t++) {
            int r0 = t * rows;
            if (t > 0) {
                Blas.gemm(false, false, rows, width, hidden, layer.hP, (long) (r0 - rows) * hidden, hidden,
                        window.params, at(1), width, 0f, recurrentP, (long) r0 * width, width);
                recurrent.buffer.get(r0 * width, rec, 0, rows * width);
                layer.h.buffer.get((r0 - rows) * hidden, previous, r0 * hidden, rows * hidden);
            } else {
                java.util.Arrays.fill(rec, 0, rows * width, 0f);
                java.util.Arrays.fill(previous, 0, rows * hidden, 0f);
            }
            a.get(r0 * width, g, r0 * width, rows * width);
            for (int b = 0; b < rows; b++) {
                int zo = (r0 + b) * width;
                int ro = b * width;
                int s = (r0 + b) * hidden;
                for (int j = 0; j < h2; j++) {
                    g[zo + j] += bias[j] + rec[ro + j];
                }
                Activations.sigmoid(g, zo, zo + h2);
                for (int j = 0; j < hidden; j++) {
                    float hn = rec[ro + h2 + j] + recurrentBias[j];
                    resetInput[s + j] = hn;
                    g[zo + h2 + j] += bias[h2 + j] + g[zo + j] * hn;
                }
                Activations.tanh(g, zo + h2, zo + width);
                int ho = b * hidden;
                for (int j = 0; j < hidden; j++) {
                    float z = g[zo + hidden + j];
                    out[ho + j] = (1 - z) * g[zo + h2 + j] + z * previous[s + j];
                }
            }
            layer.h.buffer.put(r0 * hidden, out, 0, rows * hidden);
        }
    }

    @Override
    void backward(Window window, LayerBuffers layer) {
        int rows = window.rows;
        int steps = window.steps;
        int width = width();
        int h2 = 2 * hidden;
        float[] g = gates;
        float[] dx = row;
        float[] dr = recRow;
        float[] dhn = dhNext;
        FloatBuffer dh = layer.dH.buffer;
        java.util.Arrays.fill(biasGrad, 0f);
        java.util.Arrays.fill(recurrentBiasGrad, 0f);
        java.util.Arrays.fill(dhn, 0, rows * hidden, 0f);
        for (int t = steps - 1; t >= 0; t--) {
            int r0 = t * rows;
            if (t < steps - 1) {
                Blas.gemm(false, true, rows, hidden, width, recurrentP, (long) (r0 + rows) * width, width,
                        window.params, at(1), width, 1f, layer.dHP, (long) r0 * hidden, hidden);
            }
            for (int b = 0; b < rows; b++) {
                int zo = (r0 + b) * width;
                int ro = b * width;
                int s = (r0 + b) * hidden;
                int d0 = b * hidden;
                for (int j = 0; j < hidden; j++) {
                    float r = g[zo + j];
                    float z = g[zo + hidden + j];
                    float n = g[zo + h2 + j];
                    float dhv = dh.get(s + j) + dhn[d0 + j];
                    dh.put(s + j, dhv);
                    float dn = dhv * (1 - z) * (1 - n * n);
                    float dz = dhv * (previous[s + j] - n) * z * (1 - z);
                    float drr = dn * resetInput[s + j] * r * (1 - r);
                    float dRec = dn * r;
                    dhn[d0 + j] = dhv * z;
                    dx[ro + j] = drr;
                    dx[ro + hidden + j] = dz;
                    dx[ro + h2 + j] = dn;
                    dr[ro + j] = drr;
                    dr[ro + hidden + j] = dz;
                    dr[ro + h2 + j] = dRec;
                    biasGrad[j] += drr;
                    biasGrad[hidden + j] += dz;
                    biasGrad[h2 + j] += dn;
                    recurrentBiasGrad[j] += dRec;
                }
            }
            layer.projection.buffer.put(r0 * width, dx, 0, rows * width);
            recurrent.buffer.put(r0 * width, dr, 0, rows * width);
        }
        addGradient(window.g, at(2), biasGrad, width);
        addGradient(window.g, at(3), recurrentBiasGrad, hidden);
        if (steps > 1) {
            Blas.gemm(true, false, hidden, width, (steps - 1) * rows, layer.hP, 0, hidden, recurrentP,
                    (long) rows * width, width, 1f, window.grad, at(1), width);
        }
    }

    @Override
    void step(StepIo io, int state, int inputAt, int charIndex, long position) {
        int width = width();
        int h2 = 2 * hidden;
        int z = io.scratch;
        int rec = z + width;
        project(io, inputAt, charIndex, at(2));
        Blas.rowTimesMatrix(hidden, width, io.w, at(1), io.s, state, 0f, io.z, rec);
        FloatBuffer sb = io.sb;
        FloatBuffer wb = io.wb;
        for (int j = 0; j < hidden; j++) {
            float r = Activations.sigmoid(sb.get(z + j) + sb.get(rec + j));
            float u = Activations.sigmoid(sb.get(z + hidden + j) + sb.get(rec + hidden + j));
            float n = Activations.tanh(sb.get(z + h2 + j) + r * (sb.get(rec + h2 + j) + wb.get(at(3) + j)));
            sb.put(state + j, (1 - u) * n + u * sb.get(state + j));
        }
    }
}
