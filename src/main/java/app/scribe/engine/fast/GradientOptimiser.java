package app.scribe.engine.fast;

import app.scribe.model.Optimizer;
import app.scribe.model.ParameterSet;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An update rule over the one flat parameter block: each step takes the summed gradient, scales it by the
 * clipping factor, adds {@code weightDecay · w} (L2 decay, as PyTorch's {@code weight_decay}) and moves the weights.
 * Two moment arrays of the block's size and the step count are its whole state; each rule uses what it needs, and
 * all of it is saved under the same names whatever the rule, so a model file always holds the same arrays.
 */
abstract class GradientOptimiser {
    static final String OPT_M = "optimizer.m";
    static final String OPT_V = "optimizer.v";
    static final String OPT_STEP = "optimizer.step";

    final int size;
    final float weightDecay;
    final float[] m;
    final float[] v;
    /** Heap copies of the weights and the gradient being moved: C2 vectorises loops over arrays, not over buffers. */
    private final float[] weights;
    /** The gradient a step moves against, on the heap; {@link SlicedUpdate} sums the workers' gradients into it. */
    final float[] gradient;
    long step;

    GradientOptimiser(int size, double weightDecay) {
        this.size = size;
        this.weightDecay = (float) weightDecay;
        this.m = new float[size];
        this.v = new float[size];
        this.weights = new float[size];
        this.gradient = new float[size];
    }

    static GradientOptimiser create(Optimizer kind, int size, double weightDecay) {
        return switch (kind) {
            case RMSPROP -> new RmsPropOptimiser(size, weightDecay);
            case ADAM -> new AdamOptimiser(size, weightDecay);
            case SGD -> new SgdOptimiser(size, weightDecay, 0);
            case MOMENTUM -> new SgdOptimiser(size, weightDecay, SgdOptimiser.MOMENTUM);
        };
    }

    /** One step: {@code w} moves against {@code clip · g + weightDecay · w}. */
    final void update(FloatBuffer w, FloatBuffer g, float clip, double learningRate) {
        step++;
        g.get(0, gradient, 0, size);
        apply(w, clip, learningRate, 0, size);
    }

    /**
     * The rule on parameters {@code from .. to - 1} against {@link #gradient}; {@link #step} already counts this
     * step. Threads may move disjoint slices at the same time.
     */
    final void apply(FloatBuffer w, float clip, double learningRate, int from, int to) {
        int count = to - from;
        w.get(from, weights, from, count);
        move(weights, gradient, clip, learningRate, from, to);
        w.put(from, weights, from, count);
    }

    /** The rule itself, on heap copies of the weights and the gradient. */
    abstract void move(float[] w, float[] g, float clip, double learningRate, int from, int to);

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
