package app.scribe.engine.fast;

import app.scribe.corpus.Batch;
import org.bytedeco.javacpp.FloatPointer;

import java.nio.FloatBuffer;

/**
 * What a cell works on during one pass of a worker: the shared weights (read only), the worker's own gradient
 * block, and its slice of the batch: {@code rows} windows of {@code steps} characters from window {@code first} on.
 */
final class Window {
    final FloatPointer params;
    final FloatBuffer p;
    final FloatPointer grad;
    final FloatBuffer g;
    Batch batch;
    int first;
    int rows;
    int steps;

    Window(OffHeap parameters, OffHeap gradient) {
        this.params = parameters.view();
        this.p = parameters.buffer.duplicate();
        this.grad = gradient.view();
        this.g = gradient.buffer.duplicate();
    }

    /** The position in the text of step t of row b of the slice. */
    long position(int b, int t) {
        return batch.position(first + b, t);
    }
}
