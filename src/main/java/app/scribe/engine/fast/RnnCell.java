package app.scribe.engine.fast;

import java.nio.FloatBuffer;

/**
 * The plain (Elman) recurrent cell: {@code W[input, H]}, {@code RW[H, H]}, {@code b[H]};
 * {@code h = tanh(x·W + h·RW + b)}. Its state is h alone.
 */
public final class RnnCell extends Cell {
    private float[] outputs;
    private float[] row;
    private final float[] biasRow;
    private final float[] biasGrad;

    public RnnCell(int input, int hidden, int base) {
        super(input, hidden, base, new Block("W", input, hidden), new Block("RW", hidden, hidden),
                new Block("b", 1, hidden));
        this.biasRow = new float[hidden];
        this.biasGrad = new float[hidden];
    }

    @Override
    int stepScratch() {
        return hidden;
    }

    @Override
    void forward(Window window, LayerBuffers layer) {
        int rows = window.rows;
        int steps = window.steps;
        int n = rows * steps;
        if (outputs == null || outputs.length < n * hidden) {
            outputs = new float[n * hidden];
        }
        window.p.get(at(2), biasRow, 0, hidden);
        float[] h = outputs;
        FloatBuffer a = layer.projection.buffer;
        for (int t = 0; t < steps; t++) {
            if (t > 0) {
                addRecurrent(window, layer, t);
            }
            int from = t * rows * hidden;
            int to = from + rows * hidden;
            a.get(from, h, from, rows * hidden);
            for (int i = from, j = 0; i < to; i++, j = j + 1 == hidden ? 0 : j + 1) {
                h[i] += biasRow[j];
            }
            Activations.tanh(h, from, to);
            layer.h.buffer.put(from, h, from, rows * hidden);
        }
    }

    @Override
    void backward(Window window, LayerBuffers layer) {
        int rows = window.rows;
        int steps = window.steps;
        if (row == null || row.length < rows * hidden) {
            row = new float[rows * hidden];
        }
        float[] h = outputs;
        float[] dz = row;
        FloatBuffer dh = layer.dH.buffer;
        FloatBuffer a = layer.projection.buffer;
        java.util.Arrays.fill(biasGrad, 0f);
        for (int t = steps - 1; t >= 0; t--) {
            if (t < steps - 1) {
                backRecurrent(window, layer, t);
            }
            int from = t * rows * hidden;
            dh.get(from, dz, 0, rows * hidden);
            for (int i = 0, j = 0; i < rows * hidden; i++, j = j + 1 == hidden ? 0 : j + 1) {
                float hv = h[from + i];
                float d = dz[i] * (1 - hv * hv);
                dz[i] = d;
                biasGrad[j] += d;
            }
            a.put(from, dz, 0, rows * hidden);
        }
        addGradient(window.g, at(2), biasGrad, hidden);
        addRecurrentWeightGradient(window, layer);
    }

    @Override
    void step(StepIo io, int state, int inputAt, int charIndex, long position) {
        int z = io.scratch;
        project(io, inputAt, charIndex, at(2));
        Blas.rowTimesMatrix(hidden, hidden, io.w, at(1), io.s, state, 1f, io.z, z);
        FloatBuffer sb = io.sb;
        for (int j = 0; j < hidden; j++) {
            sb.put(state + j, Activations.tanh(sb.get(z + j)));
        }
    }
}
