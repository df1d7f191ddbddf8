package app.scribe.serve;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The threads that run the model: a fixed number of workers behind a queue of fixed length, and the counts that
 * {@code /health} reports. A job offered when every worker is busy and the queue is full is refused at once (the
 * caller answers 429), never left to wait without bound.
 */
final class Workers {
    private static final long STOP_WAIT_SECONDS = 5;

    private final ThreadPoolExecutor pool;
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong clientsGone = new AtomicLong();
    private volatile boolean stopping;

    Workers(int workers, int queue) {
        AtomicInteger number = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "scribe-serve-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queue),
                threads);
    }

    /** Runs {@code job} on a worker; false when none is free and the queue is full. */
    boolean offer(Runnable job) {
        if (stopping) {
            return false;
        }
        try {
            pool.execute(() -> {
                busy.incrementAndGet();
                try {
                    job.run();
                } finally {
                    busy.decrementAndGet();
                    served.incrementAndGet();
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    int size() {
        return pool.getCorePoolSize();
    }

    int busy() {
        return busy.get();
    }

    int queued() {
        return pool.getQueue().size();
    }

    long served() {
        return served.get();
    }

    /** A client went away before its answer was written: its generation stopped there. */
    void clientGone() {
        clientsGone.incrementAndGet();
    }

    long clientsGone() {
        return clientsGone.get();
    }

    /** True once {@link #stop()} began: running generations end at their next character. */
    boolean stopping() {
        return stopping;
    }

    /** Refuses new jobs, drops waiting ones, and waits a few seconds for running ones to end. */
    void stop() {
        stopping = true;
        pool.shutdownNow();
        try {
            pool.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
