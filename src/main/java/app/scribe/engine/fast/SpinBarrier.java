package app.scribe.engine.fast;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A reusable barrier for a fixed number of threads that spins before it sleeps: the workers of a training step
 * meet twice in the step's last tenth of a millisecond, and a sleeping thread took longer to wake than the wait
 * itself (measured with a {@link java.util.concurrent.Phaser}). The last thread to arrive runs an action before the
 * others go on. A thread that failed {@link #breakIt breaks} the barrier, and nobody waits for it. With more
 * parties than cores it does not spin: the spinning thread would hold a core a party still working needs.
 */
final class SpinBarrier {
    private static final long SPIN_NANOS = 1_000_000;
    private static final long NAP_NANOS = 50_000;

    private final int parties;
    private final long spinNanos;
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile int generation;
    private volatile boolean broken;

    SpinBarrier(int parties) {
        this.parties = parties;
        this.spinNanos = parties <= Runtime.getRuntime().availableProcessors() ? SPIN_NANOS : 0;
    }

    /**
     * Waits until every party has arrived; the last runs {@code lastArrival} first. Returns false, at once or as
     * soon as it happens, when the barrier is broken.
     */
    boolean await(Runnable lastArrival) {
        int gen = generation;
        if (arrived.incrementAndGet() == parties) {
            arrived.set(0);
            lastArrival.run();
            generation = gen + 1;
            return !broken;
        }
        long start = System.nanoTime();
        while (generation == gen && !broken) {
            if (System.nanoTime() - start < spinNanos) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, NAP_NANOS);
            }
        }
        return !broken;
    }

    void breakIt() {
        broken = true;
    }
}
