package app.scribe.model.lstm;

import org.bytedeco.javacpp.FloatPointer;

import java.nio.FloatBuffer;

/**
 * What a cell works on during one pass of a worker: the shared weights (read only), the worker's own gradient
 * block, and the shape of its slice: {@code rows} windows of {@code steps} characters.
 */
final class Window {
    final FloatPointer params;
    final FloatBuffer p;
    final FloatPointer grad;
    final FloatBuffer g;
    int rows;
    int steps;

    Window(OffHeap parameters, OffHeap gradient) {
        this.params = parameters.view();
        this.p = parameters.buffer.duplicate();
        this.grad = gradient.view();
        this.g = gradient.buffer.duplicate();
    }
}
