package app.scribe.engine.fast;

import app.scribe.ScribeException;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;

/**
 * The time-gated LSTM of the seed (the Phased LSTM): an LSTM ({@link LstmCell}'s blocks and gate order) whose every
 * unit also has a period {@code tau}, a shift {@code s} and an open ratio {@code r_on}, all learnt (blocks
 * {@code tau}, {@code s}, {@code ron}, each {@code [1, H]}). At the position t of the character in its text:
 * <pre>
 * phi = ((t - s) mod tau) / tau            (true modulo, also for t &lt; s)
 * k   = 2 phi / r_on                       while phi &lt;= r_on / 2
 *       2 - 2 phi / r_on                   while r_on / 2 &lt; phi &lt;= r_on
 *       alpha phi                          otherwise (alpha: the leak, the cell setting {@code leak})
 * c = k c~ + (1 - k) c      h = k h~ + (1 - k) h
 * </pre>
 * with c~, h~ the LSTM's update. Its state is h then c. After each optimiser step the period is kept at 1 or more
 * and the open ratio in [0.01, 1].
 */
public final class TimeGatedLstmCell extends LstmGates {
    /** Periods start log-uniform between these (characters): from a letter pair to a phrase. */
    static final double MIN_PERIOD = 2;
    static final double MAX_PERIOD = 32;
    /** Every unit starts open half its period. */
    static final float OPEN_RATIO = 0.5f;
    private static final float LEAST_PERIOD = 1f;
    private static final float LEAST_OPEN_RATIO = 0.01f;
    private static final int TAU = 3;
    private static final int SHIFT = 4;
    private static final int RON = 5;

    private final float leak;
    private final float[] biasRow;
    private final float[] biasGrad;
    private final float[] tau;
    private final float[] shift;
    private final float[] ron;
    private final float[] tauGrad;
    private final float[] shiftGrad;
    private final float[] ronGrad;
    private float[] gates;
    private float[] candidates;
    private float[] tanhCandidates;
    private float[] cells;
    private float[] outputs;
    private float[] openness;
    private float[] phases;
    private float[] dcNext;
    private float[] dhNext;

    public TimeGatedLstmCell(int input, int hidden, int base, double leak) {
        super(input, hidden, base, new Block("tau", 1, hidden), new Block("s", 1, hidden),
                new Block("ron", 1, hidden));
        this.leak = (float) leak;
        biasRow = new float[4 * hidden];
        biasGrad = new float[4 * hidden];
        tau = new float[hidden];
        shift = new float[hidden];
        ron = new float[hidden];
        tauGrad = new float[hidden];
        shiftGrad = new float[hidden];
        ronGrad = new float[hidden];
    }

    /**
     * The LSTM's initialisation, then per unit a period log-uniform in [2, 32] characters, a shift uniform in
     * [0, period) so that the units are out of phase, and the open ratio 0.5.
     */
    @Override
    void initialise(float[] w, SplittableRandom random) {
        super.initialise(w, random);
        for (int j = 0; j < hidden; j++) {
            double period = Math.exp(Math.log(MIN_PERIOD) + random.nextDouble() * Math.log(MAX_PERIOD / MIN_PERIOD));
            w[at(TAU) + j] = (float) period;
            w[at(SHIFT) + j] = (float) (random.nextDouble() * period);
            w[at(RON) + j] = OPEN_RATIO;
        }
    }

    @Override
    void constrain(FloatBuffer w) {
        for (int j = 0; j < hidden; j++) {
            w.put(at(TAU) + j, Math.max(LEAST_PERIOD, w.get(at(TAU) + j)));
            w.put(at(RON) + j, Math.max(LEAST_OPEN_RATIO, Math.min(1f, w.get(at(RON) + j))));
        }
    }

    @Override
    void check(float[] w, int layer) {
        for (int j = 0; j < hidden; j++) {
            float period = w[at(TAU) + j];
            float open = w[at(RON) + j];
            if (!(period > 0)) {
                throw new ScribeException("the time gate of layer " + (layer + 1) + ", unit " + j + " has period tau = "
                        + period + "; it must be above 0.");
            }
            if (!(open > 0 && open <= 1)) {
                throw new ScribeException("the time gate of layer " + (layer + 1) + ", unit " + j + " has open ratio "
                        + "r_on = " + open + "; it must be above 0 and at most 1.");
            }
        }
    }

    /** phi: where {@code position} falls in the unit's period, in [0, 1). */
    private static float phase(long position, float shift, float period) {
        return (float) TimeGate.phase(position, shift, period);
    }

    /** k: how open the gate is at phase phi. */
    private float openness(float phi, float open) {
        return (float) TimeGate.openness(phi, open, leak);
    }

    private void readTimeGates(FloatBuffer p) {
        p.get(at(TAU), tau, 0, hidden);
        p.get(at(SHIFT), shift, 0, hidden);
        p.get(at(RON), ron, 0, hidden);
    }

    private void ensure(int n, int rows) {
        if (gates == null || gates.length < n * width()) {
            gates = new float[n * width()];
            candidates = new float[n * hidden];
            tanhCandidates = new float[n * hidden];
            cells = new float[n * hidden];
            outputs = new float[n * hidden];
            openness = new float[n * hidden];
            phases = new float[n * hidden];
        }
        if (dcNext == null || dcNext.length < rows * hidden) {
            dcNext = new float[rows * hidden];
            dhNext = new float[rows * hidden];
        }
    }

    @Override
    void forward(Window window, LayerBuffers layer) {
        int rows = window.rows;
        int steps = window.steps;
        int width = width();
        ensure(rows * steps, rows);
        window.p.get(at(2), biasRow, 0, width);
        readTimeGates(window.p);
        float[] z = gates;
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
                int prev = s - rows * hidden;
                activateGates(z, zo, biasRow, hidden);
                long position = window.position(b, t);
                for (int j = 0; j < hidden; j++) {
                    float cPrev = t > 0 ? cells[prev + j] : 0f;
                    float hPrev = t > 0 ? outputs[prev + j] : 0f;
                    float ct = z[zo + hidden + j] * cPrev + z[zo + 3 * hidden + j] * z[zo + j];
                    float th = Activations.tanh(ct);
                    float phi = phase(position, shift[j], tau[j]);
                    float k = openness(phi, ron[j]);
                    candidates[s + j] = ct;
                    tanhCandidates[s + j] = th;
                    phases[s + j] = phi;
                    openness[s + j] = k;
                    cells[s + j] = k * ct + (1 - k) * cPrev;
                    outputs[s + j] = k * z[zo + 2 * hidden + j] * th + (1 - k) * hPrev;
                }
            }
            layer.h.buffer.put(t * rows * hidden, outputs, t * rows * hidden, rows * hidden);
        }
    }

    @Override
    void backward(Window window, LayerBuffers layer) {
        int rows = window.rows;
        int steps = window.steps;
        int width = width();
        float[] z = gates;
        FloatBuffer dh = layer.dH.buffer;
        java.util.Arrays.fill(biasGrad, 0f);
        java.util.Arrays.fill(tauGrad, 0f);
        java.util.Arrays.fill(shiftGrad, 0f);
        java.util.Arrays.fill(ronGrad, 0f);
        java.util.Arrays.fill(dcNext, 0, rows * hidden, 0f);
        java.util.Arrays.fill(dhNext, 0, rows * hidden, 0f);
        for (int t = steps - 1; t >= 0; t--) {
            if (t < steps - 1) {
                backRecurrent(window, layer, t);
            }
            for (int b = 0; b < rows; b++) {
                int r = t * rows + b;
                int zo = r * width;
                int s = r * hidden;
                int prev = s - rows * hidden;
                int d0 = b * hidden;
                long position = window.position(b, t);
                for (int j = 0; j < hidden; j++) {
                    float gg = z[zo + j];
                    float ff = z[zo + hidden + j];
                    float oo = z[zo + 2 * hidden + j];
                    float ii = z[zo + 3 * hidden + j];
                    float cPrev = t > 0 ? cells[prev + j] : 0f;
                    float hPrev = t > 0 ? outputs[prev + j] : 0f;
                    float ct = candidates[s + j];
                    float th = tanhCandidates[s + j];
                    float k = openness[s + j];
                    float phi = phases[s + j];
                    float dhv = dh.get(s + j) + dhNext[d0 + j];
                    dh.put(s + j, dhv);
                    float dcv = dcNext[d0 + j];
                    float dk = dcv * (ct - cPrev) + dhv * (oo * th - hPrev);
                    float dht = k * dhv;
                    float dct = k * dcv + dht * oo * (1 - th * th);
                    dcNext[d0 + j] = dct * ff + (1 - k) * dcv;
                    dhNext[d0 + j] = (1 - k) * dhv;
                    z[zo + j] = dct * ii * (1 - gg * gg);
                    z[zo + hidden + j] = dct * cPrev * ff * (1 - ff);
                    z[zo + 2 * hidden + j] = dht * th * oo * (1 - oo);
                    z[zo + 3 * hidden + j] = dct * gg * ii * (1 - ii);
                    float open = ron[j];
                    float dPhi;
                    if (phi <= 0.5f * open) {
                        dPhi = 2 / open;
                        ronGrad[j] += dk * (-2 * phi / (open * open));
                    } else if (phi <= open) {
                        dPhi = -2 / open;
                        ronGrad[j] += dk * (2 * phi / (open * open));
                    } else {
                        dPhi = leak;
                    }
                    float period = tau[j];
                    shiftGrad[j] += dk * dPhi * (-1 / period);
                    tauGrad[j] += dk * dPhi * (float) (-(position - (double) shift[j]) / ((double) period * period));
                }
                for (int j = 0; j < width; j++) {
                    biasGrad[j] += z[zo + j];
                }
            }
            layer.projection.buffer.put(t * rows * width, z, t * rows * width, rows * width);
        }
        FloatBuffer g = window.g;
        addGradient(g, at(2), biasGrad, width);
        addGradient(g, at(TAU), tauGrad, hidden);
        addGradient(g, at(SHIFT), shiftGrad, hidden);
        addGradient(g, at(RON), ronGrad, hidden);
        addRecurrentWeightGradient(window, layer);
    }

    @Override
    void step(StepIo io, int state, int inputAt, int charIndex, long position) {
        float[] g = stepGates(io, state, inputAt, charIndex);
        float[] candidate = stepState();
        FloatBuffer sb = io.sb;
        FloatBuffer wb = io.wb;
        int cOff = state + hidden;
        for (int j = 0; j < hidden; j++) {
            float oo = g[2 * hidden + j];
            float cPrev = sb.get(cOff + j);
            float hPrev = sb.get(state + j);
            float ct = candidate[j];
            float phi = phase(position, wb.get(at(SHIFT) + j), wb.get(at(TAU) + j));
            float k = openness(phi, wb.get(at(RON) + j));
            sb.put(cOff + j, k * ct + (1 - k) * cPrev);
            sb.put(state + j, k * oo * Activations.tanh(ct) + (1 - k) * hPrev);
        }
    }

    /** Adds the biases to one row's pre-activations at {@code zo} and activates them: tanh for g, σ for f, o, i. */
    private static void activateGates(float[] z, int zo, float[] bias, int hidden) {
        int width = 4 * hidden;
        for (int j = 0; j < width; j++) {
            z[zo + j] += bias[j];
        }
        Activations.tanh(z, zo, zo + hidden);
        Activations.sigmoid(z, zo + hidden, zo + width);
    }
}
