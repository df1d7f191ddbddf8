package app.scribe.engine.fast;

import org.bytedeco.javacpp.FloatPointer;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;

/**
 * What one recurrent layer of a worker keeps over a window, time-major (row {@code t * rows + b}): the input
 * projection {@code x·W} of every step (which the cell's backward pass overwrites with its gradient), the layer's
 * outputs h, their gradients, and the outputs as the layer above sees them (after dropout, with the mask).
 */
final class LayerBuffers {
    private final int width;
    private final int hidden;
    private int capacity;
    OffHeap projection;
    FloatPointer projectionP;
    OffHeap h;
    FloatPointer hP;
    OffHeap dH;
    FloatPointer dHP;
    private OffHeap dropped;
    private FloatPointer droppedP;
    private float[] mask;
    private boolean drop;

    LayerBuffers(int width, int hidden) {
        this.width = width;
        this.hidden = hidden;
    }

    /** Room for {@code rows} rows (windows x steps); buffers only grow. */
    void ensure(int rows) {
        if (rows <= capacity) {
            return;
        }
        capacity = rows;
        projection = new OffHeap(rows * width);
        projectionP = projection.view();
        h = new OffHeap(rows * hidden);
        hP = h.view();
        dH = new OffHeap(rows * hidden);
        dHP = dH.view();
        dropped = null;
    }

    /** The outputs as the next layer reads them: h itself, or h with dropout applied by {@link #dropOut}. */
    FloatPointer output() {
        return drop ? droppedP : hP;
    }

    void keepAll() {
        drop = false;
    }

    /** Zeroes each of the first {@code n} rows' outputs with probability {@code dropout}, scaling the rest. */
    void dropOut(int n, double dropout, SplittableRandom random) {
        int count = n * hidden;
        if (mask == null || mask.length < count) {
            mask = new float[count];
        }
        if (dropped == null) {
            dropped = new OffHeap(capacity * hidden);
            droppedP = dropped.view();
        }
        float keep = (float) (1 / (1 - dropout));
        FloatBuffer in = h.buffer;
        FloatBuffer out = dropped.buffer;
        for (int i = 0; i < count; i++) {
            float m = random.nextDouble() < dropout ? 0f : keep;
            mask[i] = m;
            out.put(i, in.get(i) * m);
        }
        drop = true;
    }

    /** Applies the dropout mask to the gradient that arrives from the layer above, when dropout was applied. */
    void maskGradient(int n) {
        if (!drop) {
            return;
        }
        FloatBuffer d = dH.buffer;
        for (int i = 0; i < n * hidden; i++) {
            d.put(i, d.get(i) * mask[i]);
        }
    }
}
