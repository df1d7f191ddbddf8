package app.scribe.engine.fast;

import org.bytedeco.javacpp.FloatPointer;

import java.nio.FloatBuffer;

/**
 * A block of native floats: a pointer for BLAS and a direct buffer for Java loops over the same memory. The memory
 * is freed by JavaCPP when the owning pointer becomes unreachable.
 */
final class OffHeap {
    final FloatPointer pointer;
    final FloatBuffer buffer;
    final int size;

    OffHeap(int size) {
        this.size = size;
        this.pointer = new FloatPointer(Math.max(1, size));
        this.pointer.zero();
        this.buffer = pointer.position(0).limit(Math.max(1, size)).asBuffer();
    }

    /** Another pointer object on the same memory, so that threads never share a pointer's position. */
    FloatPointer view() {
        FloatPointer view = new FloatPointer(pointer);
        view.position(0);
        return view;
    }

    void zero() {
        pointer.position(0).limit(Math.max(1, size)).zero();
    }

    void get(float[] out) {
        buffer.get(0, out, 0, size);
    }

    void put(float[] in) {
        buffer.put(0, in, 0, size);
    }
}
