package app.scribe.engine.fast;

import app.scribe.model.Optimizer;
import app.scribe.model.ParameterSet;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An optimiser over the one flat parameter block: each step takes the summed gradient, scales it by the clipping
 * factor, adds {@code weightDecay · w} (L2 decay, as PyTorch's {@code weight_decay}) and lets its {@link Rule} move
 * the weights against that. Two moment arrays of the block's size and the step count are its whole state; each rule
 * uses what it needs, and all of it is saved under the same names whatever the rule, so a model file always holds
 * the same arrays.
 */
final class GradientOptimiser {
    static final String OPT_M = "optimizer.m";
    static final String OPT_V = "optimizer.v";
    static final String OPT_STEP = "optimizer.step";
    /**
     * Parameters are moved this many at a time, so that a chunk's weights and gradient are still in the L1 cache
     * when the rule reads what the clipping and decay wrote.
     */
    private static final int CHUNK = 2048;

    /**
     * How one optimiser moves the weights: the maths alone, on heap arrays, for the parameters {@code from .. to - 1}.
     * {@code g} is the clipped and decayed gradient; {@code m} and {@code v} are the two moment arrays, the rule's to
     * keep; {@code step} counts this step (1 for the first).
     */
    interface Rule {
        void move(float[] w, float[] g, float[] m, float[] v, long step, double learningRate, int from, int to);
    }

    private final Rule rule;
    final int size;
    private final float weightDecay;
    final float[] m;
    final float[] v;
    /** Heap copies of the weights and the gradient being moved: C2 vectorises loops over arrays, not over buffers. */
    private final float[] weights;
    /** The gradient a step moves against, on the heap; {@link SlicedUpdate} sums the workers' gradients into it. */
    final float[] gradient;
    long step;

    GradientOptimiser(Rule rule, int size, double weightDecay) {
        this.rule = rule;
        this.size = size;
        this.weightDecay = (float) weightDecay;
        this.m = new float[size];
        this.v = new float[size];
        this.weights = new float[size];
        this.gradient = new float[size];
    }

    static GradientOptimiser create(Optimizer kind, int size, double weightDecay) {
        Rule rule = switch (kind) {
            case RMSPROP -> new RmsPropOptimiser();
            case ADAM -> new AdamOptimiser();
            case SGD -> new SgdOptimiser(0);
            case MOMENTUM -> new SgdOptimiser(SgdOptimiser.MOMENTUM);
        };
        return new GradientOptimiser(rule, size, weightDecay);
    }

    /** One step: {@code w} moves against {@code clip · g + weightDecay · w}. */
    void update(FloatBuffer w, FloatBuffer g, float clip, double learningRate) {
        step++;
        g.get(0, gradient, 0, size);
        apply(w, clip, learningRate, 0, size);
    }

    /**
     * The step on parameters {@code from .. to - 1} against {@link #gradient} (which it overwrites); {@link #step}
     * already counts this step. Threads may move disjoint slices at the same time.
     */
    void apply(FloatBuffer w, float clip, double learningRate, int from, int to) {
        float wd = weightDecay;
        for (int at = from; at < to; at += CHUNK) {
            int end = Math.min(to, at + CHUNK);
            w.get(at, weights, at, end - at);
            for (int i = at; i < end; i++) {
                gradient[i] = gradient[i] * clip + wd * weights[i];
            }
            rule.move(weights, gradient, m, v, step, learningRate, at, end);
            w.put(at, weights, at, end - at);
        }
    }

    /** The squared norm of {@code g}'s slice {@code from .. to - 1}. */
    static double squaredNorm(FloatBuffer g, int from, int to) {
        double norm2 = 0;
        for (int i = from; i < to; i++) {
            float x = g.get(i);
            norm2 += x * x;
        }
        return norm2;
    }

    /**
     * The squared norm of {@code g}'s first {@code count} values, in four running sums: one sum waits on the
     * previous add at every value, four keep the adder busy.
     */
    static double squaredNorm(float[] g, int count) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 4 <= count; i += 4) {
            s0 += g[i] * g[i];
            s1 += g[i + 1] * g[i + 1];
            s2 += g[i + 2] * g[i + 2];
            s3 += g[i + 3] * g[i + 3];
        }
        for (; i < count; i++) {
            s0 += g[i] * g[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** The factor that scales a gradient of squared norm {@code norm2} down to norm {@code clipNorm} at most. */
    static float clip(double norm2, double clipNorm) {
        double norm = Math.sqrt(norm2);
        return norm > clipNorm ? (float) (clipNorm / norm) : 1f;
    }

    /** The arrays {@link #save} writes for a block of {@code size} parameters. */
    static Map<String, int[]> stateShapes(int size) {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        shapes.put(OPT_M, new int[]{size});
        shapes.put(OPT_V, new int[]{size});
        shapes.put(OPT_STEP, new int[]{2});
        return shapes;
    }

    void save(ParameterSet set) {
        set.put(OPT_M, new int[]{size}, m.clone());
        set.put(OPT_V, new int[]{size}, v.clone());
        // The step count as two exactly representable halves (floats hold integers exactly only up to 2^24).
        set.put(OPT_STEP, new int[]{2}, new float[]{(float) (step >>> 20), (float) (step & 0xFFFFF)});
    }

    /** Takes the state from {@code set}, or starts afresh when it holds none of this size. */
    void load(ParameterSet set) {
        ParameterSet.Array am = set.get(OPT_M);
        ParameterSet.Array av = set.get(OPT_V);
        ParameterSet.Array as = set.get(OPT_STEP);
        if (am != null && av != null && as != null && am.data().length == size && av.data().length == size
                && as.data().length == 2) {
            System.arraycopy(am.data(), 0, m, 0, size);
            System.arraycopy(av.data(), 0, v, 0, size);
            step = ((long) as.data()[0] << 20) + (long) as.data()[1];
        } else {
            Arrays.fill(m, 0f);
            Arrays.fill(v, 0f);
            step = 0;
        }
    }

    /**
     * Hands this state to {@code other}, the optimiser of the same model grown from {@code from} to {@code to}: the
     * old weights' moments where those weights went, zero (a fresh optimiser's) for the new ones, the same step.
     */
    void growInto(GradientOptimiser other, Layout from, Layout to) {
        from.copyInto(m, to, other.m);
        from.copyInto(v, to, other.v);
        other.step = step;
    }

    void copyStateTo(GradientOptimiser other) {
        System.arraycopy(m, 0, other.m, 0, size);
        System.arraycopy(v, 0, other.v, 0, size);
        other.step = step;
    }
}
