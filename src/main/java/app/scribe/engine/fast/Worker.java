package app.scribe.engine.fast;

import app.scribe.corpus.Batch;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;

/**
 * Forward and backward pass for a slice of a batch (rows {@code first .. first + rows - 1}), with its own cells,
 * buffers and gradient block. Rows are stored time-major: row {@code t * rows + b}. Weights are read from the shared
 * parameter block and never written here, so two workers run their slices at the same time.
 *
 * <p>Per layer, the input projection is one gemm over all time steps (a row gather of {@code W} for the one-hot
 * first layer); the cell runs the recurrence. Backward, after the cell, one gemm each gives {@code dW} and the
 * gradient of the layer below (a scatter into {@code W}'s rows for the first layer).
 */
final class Worker {
    private final Layout layout;
    final OffHeap grad;
    private final Window window;
    private final Cell[] cells;
    private final LayerBuffers[] layers;
    private final SoftmaxOutput output;
    private float[] inputSum;
    private float[] inputRow;
    private float[] stepRows;

    Worker(Layout layout, OffHeap parameters) {
        this.layout = layout;
        this.grad = new OffHeap(layout.size);
        this.window = new Window(parameters, grad);
        this.cells = new Cell[layout.layers];
        this.layers = new LayerBuffers[layout.layers];
        for (int l = 0; l < layout.layers; l++) {
            cells[l] = layout.newCell(l);
            layers[l] = new LayerBuffers(cells[l].width(), layout.hidden);
        }
        this.output = new SoftmaxOutput(layout);
    }

    /**
     * Runs the slice forward; when {@code train}, also backward into {@link #grad} (which it zeroes first), with
     * the loss scaled by {@code scale} (1 / all characters of the batch). Returns the summed loss in nats.
     */
    double run(Batch batch, int first, int rows, boolean train, float scale, double dropout, long dropoutSeed,
               float[] probabilitiesOut) {
        int steps = batch.seqLength();
        int n = steps * rows;
        window.batch = batch;
        window.first = first;
        window.rows = rows;
        window.steps = steps;
        boolean drop = train && dropout > 0;
        SplittableRandom random = drop ? new SplittableRandom(dropoutSeed) : null;
        for (int l = 0; l < layout.layers; l++) {
            LayerBuffers layer = layers[l];
            layer.ensure(n);
            project(l, batch, first);
            cells[l].forward(window, layer);
            if (drop) {
                layer.dropOut(n, dropout, random);
            } else {
                layer.keepAll();
            }
        }
        LayerBuffers top = layers[layout.layers - 1];
        double loss = output.forward(window, top.output(), batch, first, train, scale, probabilitiesOut);
        if (train) {
            grad.zero();
            output.backward(window, top.output(), top.dHP);
            top.maskGradient(n);
            for (int l = layout.layers - 1; l >= 0; l--) {
                cells[l].backward(window, layers[l]);
                backProject(l, batch, first);
            }
        }
        return loss;
    }

    /** The input projection {@code x·W} of every row of layer {@code l}. */
    private void project(int l, Batch batch, int first) {
        Cell cell = cells[l];
        LayerBuffers layer = layers[l];
        int rows = window.rows;
        int width = cell.width();
        if (l == 0) {
            FloatBuffer a = layer.projection.buffer;
            for (int t = 0; t < window.steps; t++) {
                for (int b = 0; b < rows; b++) {
                    int x = batch.input(first + b, t);
                    a.put((t * rows + b) * width, window.p, cell.at(0) + x * width, width);
                }
            }
        } else {
            Blas.gemm(false, false, window.steps * rows, width, layout.hidden, layers[l - 1].output(), 0,
                    layout.hidden, window.params, cell.at(0), width, 0f, layer.projectionP, 0, width);
        }
    }

    /** From the projection's gradient: {@code dW}, and the gradient of the layer below's outputs. */
    private void backProject(int l, Batch batch, int first) {
        Cell cell = cells[l];
        LayerBuffers layer = layers[l];
        int rows = window.rows;
        int n = window.steps * rows;
        int width = cell.width();
        int hidden = layout.hidden;
        if (l > 0) {
            LayerBuffers below = layers[l - 1];
            Blas.gemm(true, false, hidden, width, n, below.output(), 0, hidden, layer.projectionP, 0, width, 1f,
                    window.grad, cell.at(0), width);
            Blas.gemm(false, true, n, hidden, width, layer.projectionP, 0, width, window.params, cell.at(0), width,
                    0f, below.dHP, 0, hidden);
            below.maskGradient(n);
        } else {
            scatterInputGradient(cell, layer.projection.buffer, batch, first);
        }
    }

    /**
     * {@code dW} of a one-hot first layer: each row's projection gradient added to the row of {@code W} its input
     * character picked. Summed on the heap first, each row copied to the same offset as its sum so that the add
     * indexes both arrays alike and vectorises (see {@link GateColumns}).
     */
    private void scatterInputGradient(Cell cell, FloatBuffer projectionGradient, Batch batch, int first) {
        int rows = window.rows;
        int width = cell.width();
        int size = cell.input * width;
        if (inputSum == null || inputSum.length < size || stepRows.length < rows * width) {
            inputSum = new float[size];
            inputRow = new float[size];
            stepRows = new float[rows * width];
        }
        float[] sum = inputSum;
        float[] row = inputRow;
        java.util.Arrays.fill(sum, 0, size, 0f);
        for (int t = 0; t < window.steps; t++) {
            projectionGradient.get(t * rows * width, stepRows, 0, rows * width);
            for (int b = 0; b < rows; b++) {
                int to = batch.input(first + b, t) * width;
                System.arraycopy(stepRows, b * width, row, to, width);
                for (int j = to; j < to + width; j++) {
                    sum[j] += row[j];
                }
            }
        }
        FloatBuffer g = window.g;
        g.get(cell.at(0), row, 0, size);
        for (int j = 0; j < size; j++) {
            row[j] += sum[j];
        }
        g.put(cell.at(0), row, 0, size);
    }
}
