package app.scribe.engine.fast;

import org.bytedeco.javacpp.FloatPointer;

import java.nio.FloatBuffer;

/**
 * What a cell works on during one generation step: the weights, and the stepper's native state block, which holds
 * every layer's state and, from {@code scratch} on, a row of scratch space.
 */
final class StepIo {
    final FloatPointer w;
    final FloatBuffer wb;
    final FloatPointer s;
    final FloatPointer z;
    final FloatBuffer sb;
    final int scratch;

    StepIo(OffHeap weights, OffHeap state, int scratch) {
        this.w = weights.view();
        this.wb = weights.buffer.duplicate();
        this.s = state.view();
        this.z = state.view();
        this.sb = state.buffer.duplicate();
        this.scratch = scratch;
    }
}
