package app.scribe.engine.fast;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The LSTM's maths, shared by the LSTM and the time-gated LSTM: DL4J's blocks {@code W[input, 4H]},
 * {@code RW[H, 4H]}, {@code b[4H]} in its gate order g (the tanh candidate), f, o, i, with the forget gates' biases
 * starting at 1; a state of h then c. Per step, {@code z = x·W + h·RW + b}, {@code c~ = f ⊙ c + i ⊙ g},
 * {@code h~ = o ⊙ tanh(c~)}. An LSTM takes {@code c = c~, h = h~}; a time-gated cell blends them with the state
 * by its openness k ({@link #timeGate}): {@code c = k c~ + (1 - k) c}, {@code h = k h~ + (1 - k) h}.
 *
 * <p>Forward keeps every step's activated gates in the projection, and c, tanh(c~) (and for a gated cell c~ and k)
 * on the heap, for backward. Backward runs one gemm per step for the recurrent gradient and one at the end for
 * {@code dRW}. The gate maths of a step runs on {@link GateColumns}, so that its loops vectorise; an ungated cell
 * runs none of the blending loops.
 */
abstract class LstmGates extends Cell {
    static final int G = 0;
    static final int F = 1;
    static final int O = 2;
    static final int I = 3;

    private final boolean gated;
    private final float[] biasRow;
    private final float[] biasGrad;
    /** c of every step, then tanh(c~) of every step, {@code [steps x rows x hidden]}. */
    private float[] cells;
    private float[] tanhCells;
    /** A gated cell's c~ and k of every step. */
    private float[] candidates;
    private float[] openness;
    private Scratch scratch;

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
        /** A gated cell's previous h, openness, its gradient and what passes the closed gate back. */
        final float[] hPrev;
        final float[] k;
        final float[] dk;
        final float[] dhNext;
        final float[] dcPass;

        Scratch(int rows, int hidden, boolean gated) {
            this.rows = rows;
            int n = rows * hidden;
            z = new float[4 * n];
            gates = new GateColumns(4, rows, hidden);
            dcNext = new float[n];
            dc = new float[n];
            biasTile = new float[4 * n];
            biasGradTile = new float[4 * n];
            c = new float[n];
            cPrev = new float[n];
            tanhC = new float[n];
            h = new float[n];
            // A gated cell's arrays; an ungated one's are empty.
            int m = gated ? n : 0;
            hPrev = new float[m];
            k = new float[m];
            dk = new float[m];
            dhNext = new float[m];
            dcPass = new float[m];
        }
    }

    /** The LSTM's three blocks, then the cell's own {@code extra} blocks; {@code gated}: it has a time gate. */
    LstmGates(int input, int hidden, int base, boolean gated, Block... extra) {
        super(input, hidden, base, blocks(input, hidden, extra));
        this.gated = gated;
        this.biasRow = new float[4 * hidden];
        this.biasGrad = new float[4 * hidden];
    }

    private static Block[] blocks(int input, int hidden, Block[] extra) {
        Block[] all = new Block[3 + extra.length];
        all[0] = new Block("W", input, 4 * hidden);
        all[1] = new Block("RW", hidden, 4 * hidden);
        all[2] = new Block("b", 1, 4 * hidden);
        System.arraycopy(extra, 0, all, 3, extra.length);
        return all;
    }

    /** Xavier weights in W and RW, zero biases except the forget gates at 1. */
    @Override
    void initialise(float[] w, SplittableRandom random) {
        initialiseWeights(w, random);
        for (int j = 0; j < hidden; j++) {
            w[at(2) + hidden + j] = 1f;
        }
    }

    @Override
    final int stateSize() {
        return 2 * hidden;
    }

    @Override
    final int shownState() {
        return hidden;
    }

    @Override
    final int stepScratch() {
        return width();
    }

    /** A gated cell's openness k of every row and unit at step t of the window, into {@code k}. */
    void timeGate(Window window, int t, float[] k) {
        throw new UnsupportedOperationException("an LSTM has no time gate");
    }

    /** Called at the start of backward: a gated cell clears its time gates' gradients. */
    void startTimeGateGradient() {
    }

    /** Adds to the time gates' gradients those of step t, {@code dk} being dL/dk of every row and unit. */
    void addTimeGateGradient(Window window, int t, float[] dk) {
    }

    /** Called at the end of backward: a gated cell adds its time gates' gradients to the window's. */
    void finishTimeGateGradient(Window window) {
    }

    private Scratch ensure(int n, int rows) {
        if (cells == null || cells.length < n * hidden) {
            cells = new float[n * hidden];
            tanhCells = new float[n * hidden];
            candidates = gated ? new float[n * hidden] : null;
            openness = gated ? new float[n * hidden] : null;
        }
        if (scratch == null || scratch.rows != rows) {
            scratch = new Scratch(rows, hidden, gated);
        }
        return scratch;
    }

    @Override
    final void forward(Window window, LayerBuffers layer) {
        int rows = window.rows;
        int steps = window.steps;
        int n = rows * hidden;
        Scratch w = ensure(rows * steps, rows);
        window.p.get(at(2), biasRow, 0, width());
        GateColumns.repeat(biasRow, 0, 4 * hidden, w.biasTile, rows);
        float[][] gate = w.gates.gate;
        float[] c = w.c;
        float[] cPrev = w.cPrev;
        FloatBuffer a = layer.projection.buffer;
        if (gated) {
            Arrays.fill(w.hPrev, 0f);
        }
        Arrays.fill(cPrev, 0f);
        for (int t = 0; t < steps; t++) {
            if (t > 0) {
                addRecurrent(window, layer, t);
            }
            int at = 4 * n * t;
            a.get(at, w.z, 0, 4 * n);
            activate(w.z, w.biasTile, w.gates, n);
            update(gate[G], gate[F], gate[O], gate[I], cPrev, c, w.tanhC, w.h, n, t == 0);
            System.arraycopy(w.tanhC, 0, tanhCells, n * t, n);
            if (gated) {
                blend(window, t, w, c, cPrev, n);
            }
            System.arraycopy(c, 0, cells, n * t, n);
            // The projection keeps the step's activated gates, one gate after another, for backward.
            w.gates.store(a, at);
            layer.h.buffer.put(n * t, w.h, 0, n);
            float[] swap = cPrev;
            cPrev = c;
            c = swap;
        }
    }

    /** Adds the biases to one step's pre-activations {@code z}, splits them by gate and activates them. */
    private static void activate(float[] z, float[] bias, GateColumns gates, int n) {
        for (int k = 0; k < 4 * n; k++) {
            z[k] += bias[k];
        }
        gates.split(z);
        Activations.tanh(gates.gate[G], 0, n);
        for (int gate = F; gate <= I; gate++) {
            Activations.sigmoid(gates.gate[gate], 0, n);
        }
    }

    /** {@code c = f ⊙ cPrev + i ⊙ g} (at the first step {@code i ⊙ g}), {@code tanhC = tanh(c)}, {@code h = o ⊙ tanhC}. */
    private static void update(float[] g, float[] f, float[] o, float[] i, float[] cPrev, float[] c, float[] tanhC,
                               float[] h, int n, boolean first) {
        if (first) {
            for (int k = 0; k < n; k++) {
                c[k] = i[k] * g[k];
            }
        } else {
            for (int k = 0; k < n; k++) {
                c[k] = f[k] * cPrev[k] + i[k] * g[k];
            }
        }
        System.arraycopy(c, 0, tanhC, 0, n);
        Activations.tanh(tanhC, 0, n);
        for (int k = 0; k < n; k++) {
            h[k] = o[k] * tanhC[k];
        }
    }

    /** A gated step: keeps c~ and k, then {@code c = k c~ + (1 - k) c}, {@code h = k h~ + (1 - k) h}. */
    private void blend(Window window, int t, Scratch w, float[] c, float[] cPrev, int n) {
        float[] k = w.k;
        timeGate(window, t, k);
        System.arraycopy(k, 0, openness, n * t, n);
        System.arraycopy(c, 0, candidates, n * t, n);
        float[] h = w.h;
        float[] hPrev = w.hPrev;
        for (int j = 0; j < n; j++) {
            c[j] = k[j] * c[j] + (1 - k[j]) * cPrev[j];
        }
        for (int j = 0; j < n; j++) {
            h[j] = k[j] * h[j] + (1 - k[j]) * hPrev[j];
        }
        System.arraycopy(h, 0, hPrev, 0, n);
    }

    @Override
    final void backward(Window window, LayerBuffers layer) {
        int rows = window.rows;
        int steps = window.steps;
        int n = rows * hidden;
        Scratch w = scratch;
        float[][] gate = w.gates.gate;
        float[] dbTile = w.biasGradTile;
        FloatBuffer a = layer.projection.buffer;
        Arrays.fill(dbTile, 0f);
        Arrays.fill(w.dcNext, 0f);
        if (gated) {
            Arrays.fill(w.dhNext, 0f);
            startTimeGateGradient();
        }
        for (int t = steps - 1; t >= 0; t--) {
            if (t < steps - 1) {
                backRecurrent(window, layer, t);
            }
            int at = 4 * n * t;
            w.gates.load(a, at);
            layer.dH.buffer.get(n * t, w.h, 0, n);
            System.arraycopy(tanhCells, n * t, w.tanhC, 0, n);
            if (t > 0) {
                System.arraycopy(cells, n * (t - 1), w.cPrev, 0, n);
            } else {
                Arrays.fill(w.cPrev, 0f);
            }
            if (gated) {
                throughTimeGate(window, layer, t, w, n);
            }
            gradients(gate[G], gate[F], gate[O], gate[I], w.cPrev, w.tanhC, w.h, w.dcNext, w.dc, n);
            if (gated) {
                float[] pass = w.dcPass;
                float[] dcn = w.dcNext;
                for (int k = 0; k < n; k++) {
                    dcn[k] += pass[k];
                }
            }
            w.gates.join(w.z);
            float[] z = w.z;
            for (int k = 0; k < 4 * n; k++) {
                dbTile[k] += z[k];
            }
            a.put(at, z, 0, 4 * n);
        }
        GateColumns.sumRows(dbTile, rows, width(), biasGrad);
        addGradient(window.g, at(2), biasGrad, width());
        if (gated) {
            finishTimeGateGradient(window);
        }
        addRecurrentWeightGradient(window, layer);
    }

    /**
     * One step backward through the LSTM's update: from dh (of h~) and dcn (of c~, coming back from the next step)
     * the gates' arrays become their pre-activations' gradients, and dcn what goes back to the previous c.
     */
    private static void gradients(float[] g, float[] f, float[] o, float[] i, float[] cPrev, float[] tanhC,
                                  float[] dh, float[] dcn, float[] dc, int n) {
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
    }

    /**
     * A gated step backward, before the LSTM's: dh gets what h passed to the next step through the closed gate
     * (and dH the whole gradient of h), dL/dk goes to the time gate, and dh and dc are split into the part through
     * the update (times k) and the part that passes the gate (times 1 - k).
     */
    private void throughTimeGate(Window window, LayerBuffers layer, int t, Scratch w, int n) {
        float[] dh = w.h;
        float[] dhNext = w.dhNext;
        float[] dcn = w.dcNext;
        float[] k = w.k;
        float[] dk = w.dk;
        float[] hPrev = w.hPrev;
        float[] cPrev = w.cPrev;
        float[] o = w.gates.gate[O];
        float[] tanhC = w.tanhC;
        System.arraycopy(openness, n * t, k, 0, n);
        System.arraycopy(candidates, n * t, w.c, 0, n);
        float[] ct = w.c;
        if (t > 0) {
            layer.h.buffer.get(n * (t - 1), hPrev, 0, n);
        } else {
            Arrays.fill(hPrev, 0f);
        }
        for (int j = 0; j < n; j++) {
            dh[j] += dhNext[j];
        }
        layer.dH.buffer.put(n * t, dh, 0, n);
        for (int j = 0; j < n; j++) {
            dk[j] = dcn[j] * (ct[j] - cPrev[j]) + dh[j] * (o[j] * tanhC[j] - hPrev[j]);
        }
        addTimeGateGradient(window, t, dk);
        float[] pass = w.dcPass;
        for (int j = 0; j < n; j++) {
            float open = k[j];
            pass[j] = (1 - open) * dcn[j];
            dhNext[j] = (1 - open) * dh[j];
            dcn[j] = open * dcn[j];
            dh[j] = open * dh[j];
        }
    }

    /**
     * A generation step's gates, on heap arrays so that the loops vectorise (FloatBuffer access one float at a time
     * took most of a generated character's time): returns the row of activated gates g, f, o, i and leaves
     * {@code c~ = f ⊙ c + i ⊙ g} in {@link #stepState()}, c being the state's memory (which it does not change).
     */
    final float[] stepGates(StepIo io, int state, int inputAt, int charIndex) {
        int z = io.scratch;
        int width = width();
        project(io, inputAt, charIndex, at(2));
        Blas.rowTimesMatrix(hidden, width, io.w, at(1), io.s, state, 1f, io.z, z);
        float[] g = stepRow(width);
        io.sb.get(z, g, 0, width);
        Activations.tanh(g, 0, hidden);
        Activations.sigmoid(g, hidden, width);
        float[] c = stepState();
        io.sb.get(state + hidden, c, 0, hidden);
        for (int j = 0; j < hidden; j++) {
            c[j] = g[hidden + j] * c[j] + g[3 * hidden + j] * g[j];
        }
        return g;
    }
}
