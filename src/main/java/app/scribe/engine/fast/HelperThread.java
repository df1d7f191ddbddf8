package app.scribe.engine.fast;

import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/**
 * A thread that runs one worker's share of a model's passes, one at a time. Between two tasks it spins for a short
 * while before it sleeps, and the caller spins while it waits for the result: training steps follow each other
 * within microseconds, and waking a sleeping thread took about a tenth of a millisecond of every step (measured
 * with a cached thread pool). After {@link #IDLE_NANOS} without work the thread ends; the next task starts a new
 * one, so a model that is no longer used leaves no thread behind. Daemon threads never keep the JVM alive. With
 * more threads than cores nobody spins: a spinning thread would hold a core another worker needs.
 */
final class HelperThread {
    /** Longer than the gap between two training steps, short enough not to matter when training stops. */
    private static final long SPIN_NANOS = 200_000;
    private static final long IDLE_NANOS = 2_000_000_000L;

    private final String name;
    private final long spinNanos;
    private final long idleNanos;
    private final Object lock = new Object();
    private volatile Task<?> task;
    private Thread thread;

    HelperThread(String name, boolean spin) {
        this(name, spin, IDLE_NANOS);
    }

    HelperThread(String name, boolean spin, long idleNanos) {
        this.name = name;
        this.spinNanos = spin ? SPIN_NANOS : 0;
        this.idleNanos = idleNanos;
    }

    /** A task handed to the helper, and its outcome. */
    static final class Task<T> {
        private final Callable<T> work;
        private final long spinNanos;
        private final Thread caller = Thread.currentThread();
        private T value;
        private Throwable failure;
        private volatile boolean done;

        private Task(Callable<T> work, long spinNanos) {
            this.work = work;
            this.spinNanos = spinNanos;
        }

        private void run() {
            try {
                value = work.call();
            } catch (Throwable t) {
                failure = t;
            }
            done = true;
            LockSupport.unpark(caller);
        }

        /** Waits for the helper to finish the task; rethrows what it threw. */
        T join() {
            long start = System.nanoTime();
            while (!done) {
                if (System.nanoTime() - start < spinNanos) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.parkNanos(this, SPIN_NANOS);
                }
            }
            if (failure instanceof RuntimeException re) {
                throw re;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            return value;
        }
    }

    /** The helper's thread while it has one, for tests. */
    Thread thread() {
        synchronized (lock) {
            return thread;
        }
    }

    /** Hands {@code work} to the helper; the caller must {@link Task#join} it before it submits another. */
    <T> Task<T> submit(Callable<T> work) {
        Task<T> next = new Task<>(work, spinNanos);
        synchronized (lock) {
            task = next;
            if (thread == null) {
                thread = new Thread(this::serve, name);
                thread.setDaemon(true);
                thread.start();
            } else {
                LockSupport.unpark(thread);
            }
        }
        return next;
    }

    private void serve() {
        for (Task<?> next = take(); next != null; next = take()) {
            next.run();
        }
    }

    /** The next task, or null when none came for the idle time (the thread then ends). */
    private Task<?> take() {
        long start = System.nanoTime();
        while (true) {
            Task<?> next = task;
            if (next != null) {
                task = null;
                return next;
            }
            long waited = System.nanoTime() - start;
            if (waited < spinNanos) {
                Thread.onSpinWait();
            } else if (waited < idleNanos) {
                LockSupport.parkNanos(this, idleNanos - waited);
            } else {
                synchronized (lock) {
                    if (task == null) {
                        thread = null;
                        return null;
                    }
                }
            }
        }
    }
}
