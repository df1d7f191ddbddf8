package app.scribe.engine.fast;

import java.nio.FloatBuffer;

/**
 * The part of a training step after the workers' backward passes, split between the workers so that none waits
 * while another does it alone. Each part takes its own slice of the parameters: it adds the other workers'
 * gradients to worker 0's (in worker order, so every sum is the one a single thread would make) into the optimiser's
 * heap gradient (or back into worker 0's block when there is no step) and takes the slice's squared norm. When all slices are in, the last part to arrive turns the global norm into the
 * clipping factor and counts the optimiser step; then each part moves its slice of the weights. One per step.
 */
final class SlicedUpdate {
    /** Slices start on multiples of this many floats, so that two parts never write one cache line. */
    private static final int ALIGN = 16;
    private static final int CHUNK = 4096;

    private final FloatBuffer[] gradients;
    private final int size;
    private final double[] partial;
    private final GradientOptimiser optimiser;
    private final FloatBuffer weights;
    private final double clipNorm;
    private final double learningRate;
    private final SpinBarrier barrier;
    private float clip;

    /**
     * @param optimiser null to sum the gradients only (into {@code gradients[0]}), without a step
     */
    SlicedUpdate(FloatBuffer[] gradients, int size, GradientOptimiser optimiser, FloatBuffer weights, double clipNorm,
                 double learningRate) {
        this.gradients = gradients;
        this.size = size;
        this.partial = new double[gradients.length];
        this.optimiser = optimiser;
        this.weights = weights;
        this.clipNorm = clipNorm;
        this.learningRate = learningRate;
        this.barrier = new SpinBarrier(gradients.length);
    }

    /** Run by the last part to bring in its slice's squared norm: the clipping factor, and the step counted. */
    private void clipAndCount() {
        double norm2 = 0;
        for (double p : partial) {
            norm2 += p;
        }
        clip = GradientOptimiser.clip(norm2, clipNorm);
        optimiser.step++;
    }

    /**
     * Part {@code k}'s share, once its own backward pass is done; waits for the other parts where it must. Returns
     * at once when another part failed ({@link #abandon}).
     */
    void finish(int k) {
        if (!barrier.await(() -> { })) {
            return;
        }
        int parts = gradients.length;
        int from = slice(k, parts, size);
        int to = k == parts - 1 ? size : slice(k + 1, parts, size);
        float[] sum = new float[CHUNK];
        float[] part = new float[CHUNK];
        double norm2 = 0;
        // Chunk by chunk on the heap, where the adds vectorise; a direct buffer is read one float at a time.
        for (int at = from; at < to; at += CHUNK) {
            int count = Math.min(CHUNK, to - at);
            gradients[0].get(at, sum, 0, count);
            for (int i = 1; i < parts; i++) {
                gradients[i].get(at, part, 0, count);
                for (int j = 0; j < count; j++) {
                    sum[j] += part[j];
                }
            }
            if (optimiser == null) {
                gradients[0].put(at, sum, 0, count);
            } else {
                norm2 += GradientOptimiser.squaredNorm(sum, count);
                System.arraycopy(sum, 0, optimiser.gradient, at, count);
            }
        }
        if (optimiser == null) {
            return;
        }
        partial[k] = norm2;
        if (!barrier.await(this::clipAndCount)) {
            return;
        }
        optimiser.apply(weights, clip, learningRate, from, to);
    }

    /** Called by a part whose pass failed: no part waits for it, and no weight moves. */
    void abandon() {
        barrier.breakIt();
    }

    private static int slice(int k, int parts, int size) {
        return (int) ((long) size * k / parts) / ALIGN * ALIGN;
    }
}
