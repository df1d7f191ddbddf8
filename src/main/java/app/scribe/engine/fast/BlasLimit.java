package app.scribe.engine.fast;

import app.scribe.ScribeException;
import app.scribe.model.Hyperparameters;
import org.bytedeco.javacpp.FloatPointer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;

/**
 * The speed the fast engine could reach if it did nothing but its BLAS calls: times one training step's gemms, with
 * the step's own shapes at each worker's share of the batch, on every worker thread at once, and one generated
 * character's chain of mat-vecs on one thread. The gate maths, softmax, optimiser and synchronisation are left
 * out, so the engine's measured speed divided by this is the share of the machine's gemm rate it turns into
 * characters.
 */
public final class BlasLimit {
    /**
     * Calibration keeps timing rounds for about this long after one warm-up round, and at least one round, so a
     * large configuration, whose step takes longer than this, costs two steps' gemms.
     */
    private static final double CALIBRATION_SECONDS = 2.0;
    private static final int WARM_ROUNDS = 1;
    private static final int MAX_ROUNDS = 200;
    /** Generation is timed in rounds of this many characters, for up to a second or this many rounds. */
    private static final int GENERATED_CHARS = 100;
    private static final int GENERATION_ROUNDS = 200;

    /**
     * The fastest round's rate: characters per second, and the GFLOP/s of all workers together. The fastest, not
     * the median, because on a shared machine a round that others' work slowed down says nothing about the limit.
     */
    public record Rate(double charsPerSecond, double gflops) {
    }

    /** One gemm of a step (row-major {@code m x n = op(A)[m x k] · op(B)[k x n]}), {@code count} times. */
    record Gemm(boolean transA, boolean transB, int m, int n, int k, int count) {
        double flops() {
            return 2.0 * m * n * k * count;
        }
    }

    private BlasLimit() {
    }

    /** Training with as many workers as a new fast model gets (see {@link FastCharModel#defaultThreads()}). */
    public static Rate training(int vocab, Hyperparameters hp) {
        return training(vocab, hp, FastCharModel.defaultThreads());
    }

    /**
     * Training: the workers' gemms of one step, each worker on its own thread over its share of the rows, timed
     * together; a round lasts until the slowest worker is done.
     */
    static Rate training(int vocab, Hyperparameters hp, int threads) {
        Layout layout = new Layout(vocab, hp.hiddenSize(), hp.layers(), FastCharModel.cells(hp));
        int parts = Math.max(1, Math.min(threads, hp.batchSize()));
        List<List<Gemm>> perWorker = new ArrayList<>();
        double flops = 0;
        for (int i = 0; i < parts; i++) {
            int rows = hp.batchSize() / parts + (i < hp.batchSize() % parts ? 1 : 0);
            List<Gemm> gemms = stepGemms(layout, rows, hp.seqLength());
            perWorker.add(gemms);
            for (Gemm g : gemms) {
                flops += g.flops();
            }
        }
        double seconds = timeTogether(perWorker);
        double chars = (double) hp.batchSize() * hp.seqLength();
        return new Rate(chars / seconds, flops / seconds / 1e9);
    }

    /** Generation: one stream's mat-vecs per character (the input row of layer 0 is a copy, not counted). */
    public static Rate generation(int vocab, Hyperparameters hp) {
        Layout layout = new Layout(vocab, hp.hiddenSize(), hp.layers(), FastCharModel.cells(hp));
        int hidden = layout.hidden;
        List<int[]> matVecs = new ArrayList<>();
        for (int l = 0; l < layout.layers; l++) {
            int width = layout.cell(l).width();
            if (l > 0) {
                matVecs.add(new int[]{hidden, width});
            }
            matVecs.add(new int[]{hidden, width});
        }
        matVecs.add(new int[]{hidden, layout.vocab});
        int largest = 0;
        double flops = 0;
        for (int[] mv : matVecs) {
            largest = Math.max(largest, mv[0] * mv[1]);
            flops += 2.0 * mv[0] * mv[1];
        }
        OffHeap w = filled(largest, 1);
        OffHeap x = filled(hidden, 2);
        OffHeap y = filled(largest, 3);
        double[] rounds = new double[GENERATION_ROUNDS];
        int timed = 0;
        long first = 0;
        for (int round = -WARM_ROUNDS; round < GENERATION_ROUNDS; round++) {
            long t0 = System.nanoTime();
            if (round == 0) {
                first = t0;
            } else if (round > 0 && (t0 - first) / 1e9 > CALIBRATION_SECONDS / 2) {
                break;
            }
            for (int c = 0; c < GENERATED_CHARS; c++) {
                for (int[] mv : matVecs) {
                    Blas.rowTimesMatrix(mv[0], mv[1], w.pointer, 0, x.pointer, 0, 0f, y.pointer, 0);
                }
            }
            if (round >= 0) {
                rounds[round] = (System.nanoTime() - t0) / 1e9 / GENERATED_CHARS;
                timed = round + 1;
            }
        }
        double seconds = Arrays.stream(rounds, 0, timed).min().orElseThrow();
        return new Rate(1 / seconds, flops / seconds / 1e9);
    }

    /** The gemms one worker runs in a training step over {@code rows} windows of {@code steps} characters. */
    static List<Gemm> stepGemms(Layout layout, int rows, int steps) {
        int hidden = layout.hidden;
        int n = rows * steps;
        List<Gemm> gemms = new ArrayList<>();
        for (int l = 0; l < layout.layers; l++) {
            int width = layout.cell(l).width();
            if (l > 0) {
                gemms.add(new Gemm(false, false, n, width, hidden, 1));
                gemms.add(new Gemm(true, false, hidden, width, n, 1));
                gemms.add(new Gemm(false, true, n, hidden, width, 1));
            }
            if (steps > 1) {
                gemms.add(new Gemm(false, false, rows, width, hidden, steps - 1));
                gemms.add(new Gemm(false, true, rows, hidden, width, steps - 1));
                gemms.add(new Gemm(true, false, hidden, width, (steps - 1) * rows, 1));
            }
        }
        gemms.add(new Gemm(false, false, n, layout.vocab, hidden, 1));
        gemms.add(new Gemm(true, false, hidden, layout.vocab, n, 1));
        gemms.add(new Gemm(false, true, n, hidden, layout.vocab, 1));
        return gemms;
    }

    /** Seconds of the fastest round in which every thread runs its list of gemms once, all starting together. */
    private static double timeTogether(List<List<Gemm>> perWorker) {
        int parts = perWorker.size();
        long[][] ends = new long[parts][MAX_ROUNDS + WARM_ROUNDS];
        long[] starts = new long[MAX_ROUNDS + WARM_ROUNDS];
        int[] started = {0};
        boolean[] stop = {false};
        // Runs as the last thread reaches the barrier: every thread has finished the previous round.
        CyclicBarrier barrier = new CyclicBarrier(parts, () -> {
            int r = started[0];
            if (r == starts.length || r > WARM_ROUNDS
                    && (System.nanoTime() - starts[WARM_ROUNDS]) / 1e9 > CALIBRATION_SECONDS) {
                stop[0] = true;
            } else {
                starts[r] = System.nanoTime();
                started[0] = r + 1;
            }
        });
        Thread[] threads = new Thread[parts];
        RuntimeException[] failure = new RuntimeException[1];
        // A thread that fails breaks the barrier, so that the others stop instead of waiting for it.
        for (int i = 0; i < parts; i++) {
            int k = i;
            threads[i] = new Thread(() -> {
                try {
                    Buffers buffers = new Buffers(perWorker.get(k));
                    for (int r = 0; ; r++) {
                        barrier.await();
                        if (stop[0]) {
                            return;
                        }
                        buffers.run();
                        ends[k][r] = System.nanoTime();
                    }
                } catch (OutOfMemoryError e) {
                    failure[0] = new ScribeException("There is not enough memory to measure the BLAS limit of this "
                            + "configuration (a worker's share of the batch needs more than the machine gives); "
                            + "try a smaller batch, sequence or hidden size.");
                    barrier.reset();
                } catch (Exception e) {
                    if (failure[0] == null) {
                        failure[0] = new IllegalStateException("BLAS calibration failed", e);
                    }
                    barrier.reset();
                }
            }, "scribe-blas-limit");
            threads[i].start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during BLAS calibration", e);
            }
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        int timed = started[0] - WARM_ROUNDS;
        double[] seconds = new double[timed];
        for (int r = 0; r < timed; r++) {
            long end = 0;
            for (int k = 0; k < parts; k++) {
                end = Math.max(end, ends[k][WARM_ROUNDS + r]);
            }
            seconds[r] = (end - starts[WARM_ROUNDS + r]) / 1e9;
        }
        return Arrays.stream(seconds).min().orElseThrow();
    }

    /** One thread's operands, large enough for every gemm of its list. */
    private static final class Buffers {
        private final List<Gemm> gemms;
        private final OffHeap a;
        private final OffHeap b;
        private final OffHeap c;

        Buffers(List<Gemm> gemms) {
            this.gemms = gemms;
            long sizeA = 0;
            long sizeB = 0;
            long sizeC = 0;
            for (Gemm g : gemms) {
                sizeA = Math.max(sizeA, (long) g.m() * g.k());
                sizeB = Math.max(sizeB, (long) g.k() * g.n());
                sizeC = Math.max(sizeC, (long) g.m() * g.n());
            }
            if (Math.max(sizeA, Math.max(sizeB, sizeC)) > Integer.MAX_VALUE - 8) {
                throw new OutOfMemoryError("a gemm operand of more than 2^31 floats");
            }
            this.a = filled((int) sizeA, 4);
            this.b = filled((int) sizeB, 5);
            this.c = filled((int) sizeC, 6);
        }

        void run() {
            FloatPointer pa = a.pointer;
            FloatPointer pb = b.pointer;
            FloatPointer pc = c.pointer;
            for (Gemm g : gemms) {
                int lda = g.transA() ? g.m() : g.k();
                int ldb = g.transB() ? g.k() : g.n();
                for (int i = 0; i < g.count(); i++) {
                    Blas.gemm(g.transA(), g.transB(), g.m(), g.n(), g.k(), pa, 0, lda, pb, 0, ldb, 1f, pc, 0, g.n());
                }
            }
        }
    }

    /** Small random values: the rate of a gemm does not depend on them, but denormals and NaNs would. */
    private static OffHeap filled(int size, long seed) {
        OffHeap block = new OffHeap(size);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            block.buffer.put(i, (float) (random.nextDouble() - 0.5) * 0.01f);
        }
        return block;
    }
}
