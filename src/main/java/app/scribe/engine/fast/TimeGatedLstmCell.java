package app.scribe.engine.fast;

import app.scribe.ScribeException;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;

/**
 * The time-gated LSTM of the seed (the Phased LSTM): an LSTM ({@link LstmCell}'s blocks and gate order) whose every
 * unit also has a period {@code tau}, a shift {@code s} and an open ratio {@code r_on}, all learnt (blocks
 * {@code tau}, {@code s}, {@code ron}, each {@code [1, H]}). At time t, the place of the character in its window
 * (the cell setting {@code origin} 1; generation counts from the first character it reads), or in its text
 * ({@code origin} 0: how models before the window clock were trained):
 * <pre>
 * phi = ((t - s) mod tau) / tau            (true modulo, also for t &lt; s)
 * k   = 2 phi / r_on                       while phi &lt;= r_on / 2
 *       2 - 2 phi / r_on                   while r_on / 2 &lt; phi &lt;= r_on
 *       alpha phi                          otherwise (alpha: the leak, the cell setting {@code leak})
 * c = k c~ + (1 - k) c      h = k h~ + (1 - k) h
 * </pre>
 * with c~, h~ the LSTM's update (the maths is {@link LstmGates}'; this class adds k and its gradients). Its state
 * is h then c. After each optimiser step the period is kept at 1 or more and the open ratio in [0.01, 1].
 *
 * <p>Why the window's clock: with the text's, t runs to millions, dphi/dtau = -(t - s) / tau^2 with it, so the
 * periods' gradients swamped the clipped gradient norm and each optimiser step moved every unit's phase at a given
 * character by many periods; the gates were noise and the cell stayed at the unigram entropy (LAB.md, page 3).
 */
public final class TimeGatedLstmCell extends LstmGates {
    /** Rhythmic units' periods start log-uniform between these (characters): from a letter pair to a phrase. */
    static final double MIN_PERIOD = 2;
    static final double MAX_PERIOD = 32;
    /** Every unit starts open its whole period (its k rising, then falling). */
    static final float OPEN_RATIO = 1f;
    /** The share of units that start with a period of one character at the top of their opening: k = 1 always. */
    static final double STEADY_SHARE = 0.5;
    /** The blocks of tau, s and r_on, after the LSTM's W, RW and b. */
    private static final int TAU = 3;
    private static final int SHIFT = 4;
    private static final int RON = 5;

    private final float leak;
    private final boolean windowClock;
    /** Per unit, read at the start of each window: tau, s and r_on (rows in block order); then their gradients. */
    private final float[][] timing;
    private final float[][] timingGrad;
    private float[] phases;

    public TimeGatedLstmCell(int input, int hidden, int base, double leak, boolean windowClock) {
        super(input, hidden, base, true, new Block("tau", 1, hidden), new Block("s", 1, hidden),
                new Block("ron", 1, hidden));
        this.leak = (float) leak;
        this.windowClock = windowClock;
        timing = new float[3][hidden];
        timingGrad = new float[3][hidden];
    }

    /**
     * The LSTM's initialisation, then the time gates: the first {@link #STEADY_SHARE} of the units steady (period
     * 1, shifted so that phi = r_on / 2 at every character: k = 1, an LSTM unit until it learns a rhythm), the rest
     * rhythmic (a period log-uniform in [2, 32] characters, a shift uniform in [0, period) so that they are out of
     * phase); all with open ratio 1.
     */
    @Override
    void initialise(float[] w, SplittableRandom random) {
        super.initialise(w, random);
        for (int j = 0; j < hidden; j++) {
            w[at(RON) + j] = OPEN_RATIO;
            if (j < STEADY_SHARE * hidden) {
                w[at(TAU) + j] = 1f;
                w[at(SHIFT) + j] = 1f - OPEN_RATIO / 2;
            } else {
                double period = Math.exp(Math.log(MIN_PERIOD)
                        + random.nextDouble() * Math.log(MAX_PERIOD / MIN_PERIOD));
                w[at(TAU) + j] = (float) period;
                w[at(SHIFT) + j] = (float) (random.nextDouble() * period);
            }
        }
    }

    /** The cell setting {@code origin}: 1 for the window's clock, 0 for the text's; nothing else. */
    public static boolean windowClock(double origin) {
        if (origin != 0 && origin != 1) {
            throw new ScribeException("The time gate origin must be 0 (the text's clock) or 1 (each window's); got "
                    + origin + ".");
        }
        return origin == 1;
    }

    /** The least period and open ratio that {@link #constrain} keeps. */
    private static final float LEAST_PERIOD = 1f;
    private static final float LEAST_OPEN_RATIO = 0.01f;

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
                throw new ScribeException("The time gate of layer " + (layer + 1) + ", unit " + j + " has period tau = "
                        + period + "; it must be above 0.");
            }
            if (!(open > 0 && open <= 1)) {
                throw new ScribeException("The time gate of layer " + (layer + 1) + ", unit " + j + " has open ratio "
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
        for (int row = 0; row < 3; row++) {
            p.get(at(TAU + row), timing[row], 0, hidden);
        }
    }

    @Override
    void timeGate(Window window, int t, float[] k) {
        int rows = window.rows;
        if (t == 0) {
            readTimeGates(window.p);
            if (phases == null || phases.length < rows * window.steps * hidden) {
                phases = new float[rows * window.steps * hidden];
            }
        }
        for (int b = 0; b < rows; b++) {
            long position = clock(window, b, t);
            int s = (t * rows + b) * hidden;
            for (int j = 0; j < hidden; j++) {
                float phi = phase(position, timing[SHIFT - TAU][j], timing[0][j]);
                phases[s + j] = phi;
                k[b * hidden + j] = openness(phi, timing[RON - TAU][j]);
            }
        }
    }

    /** The time of step t of row b: its place in the window, or (models before the fix) in the text. */
    private long clock(Window window, int b, int t) {
        return windowClock ? t : window.position(b, t);
    }

    @Override
    void startTimeGateGradient() {
        for (float[] row : timingGrad) {
            java.util.Arrays.fill(row, 0f);
        }
    }

    @Override
    void addTimeGateGradient(Window window, int t, float[] dk) {
        int rows = window.rows;
        float[] tau = timing[0];
        float[] shift = timing[SHIFT - TAU];
        float[] ron = timing[RON - TAU];
        // Gradients of tau, s and r_on, in that order.
        float[][] grad = timingGrad;
        for (int b = 0; b < rows; b++) {
            long position = clock(window, b, t);
            int s = (t * rows + b) * hidden;
            for (int j = 0; j < hidden; j++) {
                float d = dk[b * hidden + j];
                float phi = phases[s + j];
                float open = ron[j];
                float dPhi;
                if (phi <= 0.5f * open) {
                    dPhi = 2 / open;
                    grad[2][j] += d * (-2 * phi / (open * open));
                } else if (phi <= open) {
                    dPhi = -2 / open;
                    grad[2][j] += d * (2 * phi / (open * open));
                } else {
                    dPhi = leak;
                }
                float period = tau[j];
                grad[1][j] += d * dPhi * (-1 / period);
                grad[0][j] += d * dPhi * (float) (-(position - (double) shift[j]) / ((double) period * period));
            }
        }
    }

    @Override
    void finishTimeGateGradient(Window window) {
        FloatBuffer g = window.g;
        for (int row = 0; row < 3; row++) {
            addGradient(g, at(TAU + row), timingGrad[row], hidden);
        }
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
}
