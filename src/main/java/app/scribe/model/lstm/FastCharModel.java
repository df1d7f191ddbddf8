package app.scribe.model.lstm;

import app.scribe.corpus.Batch;
import app.scribe.model.ArrayShapes;
import app.scribe.model.CharModel;
import app.scribe.model.Hyperparameters;
import app.scribe.model.Optimizer;
import app.scribe.model.ParameterSet;
import app.scribe.model.Stepper;

import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A char-LSTM engine that spends its time in BLAS gemm instead of element-wise native ops: weights in one off-heap
 * block in DL4J's layout (so export to DL4J is a plain copy), per-step gemms for the recurrence, gate maths in Java,
 * Adam or RMSprop with global gradient-norm clipping, and optionally the batch split between worker threads.
 * The loss is the mean cross-entropy over all characters of the batch (nats/char).
 */
public final class FastCharModel implements CharModel {
    public static final String ENGINE = "fast";
    static final String OPT_M = "optimizer.m";
    static final String OPT_V = "optimizer.v";
    static final String OPT_STEP = "optimizer.step";
    private static final double ADAM_BETA1 = 0.9;
    private static final double ADAM_BETA2 = 0.999;
    private static final double ADAM_EPS = 1e-8;
    private static final double RMS_DECAY = 0.95;
    private static final double RMS_EPS = 1e-8;
    private static final int MAX_DEFAULT_THREADS = 2;

    /** Worker threads shared by all models; daemons so that they never keep the JVM alive. */
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scribe-lstm-worker");
        t.setDaemon(true);
        return t;
    });

    private final int vocabSize;
    private final Hyperparameters hp;
    final Layout layout;
    final OffHeap params;
    private final float[] m;
    private final float[] v;
    private long step;
    private final int threads;
    private Worker[] workers;

    public FastCharModel(int vocabSize, Hyperparameters hp) {
        this(vocabSize, hp, defaultThreads());
        initialise();
    }

    FastCharModel(int vocabSize, Hyperparameters hp, int threads) {
        this.vocabSize = vocabSize;
        this.hp = hp;
        this.layout = new Layout(vocabSize, hp.hiddenSize(), hp.layers());
        this.params = new OffHeap(layout.size);
        this.m = new float[layout.size];
        this.v = new float[layout.size];
        this.threads = Math.max(1, threads);
    }

    /**
     * Two workers on a machine with two or more cores (one on a single core) unless {@code -Dscribe.threads=N} or
     * SCRIBE_THREADS says otherwise: on the 2-core build machine two workers trained about 1.7x faster than one
     * (median of three runs each, see BENCHMARKS.md). More were never measured, and each extra worker shrinks every
     * worker's gemms, so the default stops at two.
     */
    static int defaultThreads() {
        String configured = System.getProperty("scribe.threads", System.getenv("SCRIBE_THREADS"));
        if (configured != null) {
            try {
                return Math.max(1, Integer.parseInt(configured.trim()));
            } catch (NumberFormatException e) {
                // fall through to the default
            }
        }
        return Math.min(MAX_DEFAULT_THREADS, Runtime.getRuntime().availableProcessors());
    }

    /** Xavier (Gaussian, DL4J's fan-in + fan-out) weights, zero biases except the forget gates at 1. */
    private void initialise() {
        float[] w = new float[layout.size];
        SplittableRandom random = new SplittableRandom(hp.seed());
        int hidden = layout.hidden;
        int gates = layout.gates;
        for (int l = 0; l < layout.layers; l++) {
            gaussian(w, layout.wx[l], layout.inputSize(l) * gates, Math.sqrt(2.0 / (layout.inputSize(l) + hidden)),
                    random);
            gaussian(w, layout.wh[l], hidden * gates, Math.sqrt(2.0 / (hidden + hidden)), random);
            for (int j = 0; j < hidden; j++) {
                w[layout.bias[l] + hidden + j] = 1f;
            }
        }
        gaussian(w, layout.wy, hidden * layout.vocab, Math.sqrt(2.0 / (hidden + layout.vocab)), random);
        params.put(w);
    }

    private static void gaussian(float[] w, int offset, int count, double std, SplittableRandom random) {
        for (int i = 0; i < count; i++) {
            // Box-Muller: SplittableRandom has no nextGaussian in Java 17.
            double u1 = 1 - random.nextDouble();
            double u2 = random.nextDouble();
            w[offset + i] = (float) (std * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
        }
    }

    @Override
    public String engine() {
        return ENGINE;
    }

    @Override
    public int vocabSize() {
        return vocabSize;
    }

    @Override
    public Hyperparameters hyperparameters() {
        return hp;
    }

    /** Optimizer steps taken so far (restored by {@link #load}). */
    public long steps() {
        return step;
    }

    private Worker[] workers() {
        if (workers == null) {
            workers = new Worker[threads];
            for (int i = 0; i < threads; i++) {
                workers[i] = new Worker(layout, params);
            }
        }
        return workers;
    }

    /**
     * Runs every worker on its share of the batch; returns the summed loss. Worker 0 runs on the calling thread.
     */
    private double pass(Batch batch, boolean train, float[] probabilities) {
        Worker[] all = workers();
        int parts = Math.min(all.length, batch.batchSize());
        float scale = 1f / ((float) batch.batchSize() * batch.seqLength());
        long dropoutSeed = hp.seed() * 0x9E3779B97F4A7C15L + step * 31;
        int base = batch.batchSize() / parts;
        int extra = batch.batchSize() % parts;
        @SuppressWarnings("unchecked")
        Future<Double>[] futures = new Future[parts];
        int first = 0;
        int[] firsts = new int[parts];
        int[] rows = new int[parts];
        for (int i = 0; i < parts; i++) {
            firsts[i] = first;
            rows[i] = base + (i < extra ? 1 : 0);
            first += rows[i];
        }
        for (int i = 1; i < parts; i++) {
            final int k = i;
            futures[i] = POOL.submit(() -> all[k].run(batch, firsts[k], rows[k], train, scale, hp.dropout(),
                    dropoutSeed + k, probabilities));
        }
        double loss = all[0].run(batch, firsts[0], rows[0], train, scale, hp.dropout(), dropoutSeed, probabilities);
        for (int i = 1; i < parts; i++) {
            try {
                loss += futures[i].get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during a training step", e);
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            }
        }
        if (train && parts > 1) {
            FloatBuffer g0 = all[0].grad.buffer;
            for (int i = 1; i < parts; i++) {
                FloatBuffer gi = all[i].grad.buffer;
                for (int j = 0; j < layout.size; j++) {
                    g0.put(j, g0.get(j) + gi.get(j));
                }
            }
        }
        return loss;
    }

    @Override
    public double train(Batch batch, double learningRate) {
        double loss = pass(batch, true, null) / ((double) batch.batchSize() * batch.seqLength());
        update(workers[0].grad.buffer, learningRate);
        return loss;
    }

    /** The summed gradient of the last {@link #pass}, for tests. */
    float[] gradient(Batch batch) {
        pass(batch, true, null);
        float[] out = new float[layout.size];
        workers[0].grad.get(out);
        return out;
    }

    private void update(FloatBuffer g, double learningRate) {
        int size = layout.size;
        double norm2 = 0;
        for (int i = 0; i < size; i++) {
            float x = g.get(i);
            norm2 += x * x;
        }
        double norm = Math.sqrt(norm2);
        float clip = norm > hp.clipNorm() ? (float) (hp.clipNorm() / norm) : 1f;
        step++;
        FloatBuffer w = params.buffer;
        if (hp.optimizer() == Optimizer.ADAM) {
            float b1 = (float) ADAM_BETA1;
            float b2 = (float) ADAM_BETA2;
            double correction1 = 1 - Math.pow(ADAM_BETA1, step);
            double correction2 = 1 - Math.pow(ADAM_BETA2, step);
            float stepSize = (float) (learningRate / correction1);
            float sqrtC2 = (float) Math.sqrt(correction2);
            float eps = (float) ADAM_EPS;
            for (int i = 0; i < size; i++) {
                float gi = g.get(i) * clip;
                float mi = b1 * m[i] + (1 - b1) * gi;
                float vi = b2 * v[i] + (1 - b2) * gi * gi;
                m[i] = mi;
                v[i] = vi;
                w.put(i, w.get(i) - stepSize * mi / ((float) Math.sqrt(vi) / sqrtC2 + eps));
            }
        } else {
            float decay = (float) RMS_DECAY;
            float eps = (float) RMS_EPS;
            float lr = (float) learningRate;
            for (int i = 0; i < size; i++) {
                float gi = g.get(i) * clip;
                float vi = decay * v[i] + (1 - decay) * gi * gi;
                v[i] = vi;
                w.put(i, w.get(i) - lr * gi / ((float) Math.sqrt(vi) + eps));
            }
        }
    }

    @Override
    public double loss(Batch batch) {
        return pass(batch, false, null) / ((double) batch.batchSize() * batch.seqLength());
    }

    /** Next-character probabilities for every position: {@code [(b * seqLength + t) * vocab + k]}. */
    float[] probabilities(Batch batch) {
        float[] out = new float[batch.batchSize() * batch.seqLength() * vocabSize];
        pass(batch, false, out);
        return out;
    }

    @Override
    public Stepper stepper() {
        float[] w = new float[layout.size];
        params.get(w);
        OffHeap snapshot = new OffHeap(layout.size);
        snapshot.put(w);
        return new FastStepper(layout, snapshot);
    }

    /** The weights in DL4J's names and shapes, then the optimizer moments and the step count (see parameters()). */
    public static ArrayShapes arrayShapes(int vocabSize, Hyperparameters hp) {
        Layout layout = new Layout(vocabSize, hp.hiddenSize(), hp.layers());
        Map<String, int[]> weights = new LinkedHashMap<>();
        String[] names = layout.names();
        int[][] shapes = layout.shapes();
        for (int i = 0; i < names.length; i++) {
            weights.put(names[i], shapes[i]);
        }
        Map<String, int[]> optimizer = new LinkedHashMap<>();
        optimizer.put(OPT_M, new int[]{layout.size});
        optimizer.put(OPT_V, new int[]{layout.size});
        optimizer.put(OPT_STEP, new int[]{2});
        return new ArrayShapes(weights, optimizer);
    }

    @Override
    public ParameterSet parameters() {
        float[] w = new float[layout.size];
        params.get(w);
        ParameterSet set = new ParameterSet();
        String[] names = layout.names();
        int[][] shapes = layout.shapes();
        int[] offsets = layout.offsets();
        for (int i = 0; i < names.length; i++) {
            int count = shapes[i][0] * shapes[i][1];
            float[] part = new float[count];
            System.arraycopy(w, offsets[i], part, 0, count);
            set.put(names[i], shapes[i], part);
        }
        set.put(OPT_M, new int[]{layout.size}, m.clone());
        set.put(OPT_V, new int[]{layout.size}, v.clone());
        // The step count as two exactly representable halves (floats hold integers exactly only up to 2^24).
        set.put(OPT_STEP, new int[]{2}, new float[]{(float) (step >>> 20), (float) (step & 0xFFFFF)});
        return set;
    }

    @Override
    public void load(ParameterSet parameters) {
        float[] w = new float[layout.size];
        String[] names = layout.names();
        int[][] shapes = layout.shapes();
        int[] offsets = layout.offsets();
        for (int i = 0; i < names.length; i++) {
            ParameterSet.Array a = parameters.get(names[i]);
            if (a == null) {
                throw new IllegalArgumentException("missing parameter " + names[i]);
            }
            int count = shapes[i][0] * shapes[i][1];
            if (a.data().length != count) {
                throw new IllegalArgumentException("parameter " + names[i] + " has " + a.data().length
                        + " values; this model needs " + count);
            }
            System.arraycopy(a.data(), 0, w, offsets[i], count);
        }
        ParameterSet.Array am = parameters.get(OPT_M);
        ParameterSet.Array av = parameters.get(OPT_V);
        ParameterSet.Array as = parameters.get(OPT_STEP);
        if (am != null && av != null && as != null && am.data().length == layout.size
                && av.data().length == layout.size && as.data().length == 2) {
            System.arraycopy(am.data(), 0, m, 0, layout.size);
            System.arraycopy(av.data(), 0, v, 0, layout.size);
            step = ((long) as.data()[0] << 20) + (long) as.data()[1];
        } else {
            java.util.Arrays.fill(m, 0f);
            java.util.Arrays.fill(v, 0f);
            step = 0;
        }
        params.put(w);
    }

    @Override
    public FastCharModel copy() {
        FastCharModel copy = new FastCharModel(vocabSize, hp, threads);
        float[] w = new float[layout.size];
        params.get(w);
        copy.params.put(w);
        System.arraycopy(m, 0, copy.m, 0, layout.size);
        System.arraycopy(v, 0, copy.v, 0, layout.size);
        copy.step = step;
        return copy;
    }
}
