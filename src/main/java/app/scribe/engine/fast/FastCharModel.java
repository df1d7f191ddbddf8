package app.scribe.engine.fast;

import app.scribe.corpus.Batch;
import app.scribe.model.AbstractCharModel;
import app.scribe.model.ArrayShapes;
import app.scribe.model.Hyperparameters;
import app.scribe.model.Optimizer;
import app.scribe.model.ParameterSet;
import app.scribe.model.Stepper;

import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A char-RNN engine that spends its time in BLAS gemm instead of element-wise native ops: weights in one off-heap
 * block (the LSTM's in DL4J's layout, so export to DL4J is a plain copy), the recurrence in a {@link Cell}, a
 * {@link GradientOptimiser} with global gradient-norm clipping, and optionally the batch split between worker
 * threads.
 * The loss is the mean cross-entropy over all characters of the batch (nats/char).
 */
public final class FastCharModel extends AbstractCharModel {
    public static final String ENGINE = "fast";
    private static final int MAX_DEFAULT_THREADS = 2;

    final Layout layout;
    final OffHeap params;
    final GradientOptimiser optimiser;
    private final int threads;
    private Worker[] workers;
    private HelperThread[] helpers;

    public FastCharModel(int vocabSize, Hyperparameters hp) {
        this(vocabSize, hp, defaultThreads());
        initialise();
    }

    FastCharModel(int vocabSize, Hyperparameters hp, int threads) {
        super(ENGINE, vocabSize, hp);
        this.layout = new Layout(vocabSize, hp.hiddenSize(), hp.layers(), cells(hp));
        this.params = new OffHeap(layout.size);
        this.optimiser = GradientOptimiser.create(hp.optimizer(), layout.size, hp.weightDecay());
        this.threads = Math.max(1, threads);
    }

    /** How to build each layer's cell: as its {@link app.scribe.model.CellType} says, with the model's settings. */
    static Layout.CellFactory cells(Hyperparameters hp) {
        return (input, hidden, base) -> hp.cell().factory().create(input, hidden, base, hp.cellOptions());
    }

    /**
     * Two workers on a machine with two or more cores (one on a single core) unless {@code -Dscribe.threads=N} or
     * SCRIBE_THREADS says otherwise: on the 2-core build machine two workers trained about 1.7x faster than one
     * (median of three runs each, see BENCHMARKS.md). More were never measured, and each extra worker shrinks every
     * worker's gemms, so the default stops at two.
     */
    public static int defaultThreads() {
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

    /** Each layer's cell initialises its weights; the output layer gets Xavier weights and zero biases. */
    private void initialise() {
        float[] w = new float[layout.size];
        SplittableRandom random = new SplittableRandom(hyperparameters().seed());
        for (int l = 0; l < layout.layers; l++) {
            layout.cell(l).initialise(w, random);
        }
        Cell.xavier(w, layout.wy, layout.hidden * layout.vocab, layout.hidden, layout.vocab, random);
        params.put(w);
    }

    /** Optimizer steps taken so far (restored by {@link #load}). */
    public long steps() {
        return optimiser.step;
    }

    private Worker[] workers() {
        if (workers == null) {
            workers = new Worker[threads];
            helpers = new HelperThread[threads];
            for (int i = 0; i < threads; i++) {
                workers[i] = new Worker(layout, params);
                // Worker 0 runs on the calling thread.
                helpers[i] = i == 0 ? null : new HelperThread("scribe-lstm-worker-" + i,
                        threads <= Runtime.getRuntime().availableProcessors());
            }
        }
        return workers;
    }

    /** What a {@link #pass} leaves behind besides the loss. */
    private enum Goal {
        /** Nothing: forward only. */
        LOSS,
        /** The batch's gradient, summed into worker 0's block. */
        GRADIENT,
        /** The optimiser step on that gradient. */
        STEP
    }

    /**
     * Runs every worker on its share of the batch; returns the summed loss. Worker 0 runs on the calling thread.
     * The gradient sum and the step after the backward passes are shared out too (see {@link SlicedUpdate}).
     */
    private double pass(Batch batch, Goal goal, float[] probabilities, double learningRate) {
        Worker[] all = workers();
        int parts = Math.min(all.length, batch.batchSize());
        float scale = 1f / ((float) batch.batchSize() * batch.seqLength());
        long dropoutSeed = hyperparameters().seed() * 0x9E3779B97F4A7C15L + optimiser.step * 31;
        boolean train = goal != Goal.LOSS;
        SlicedUpdate update = train ? slicedUpdate(all, parts, goal, learningRate) : null;
        int base = batch.batchSize() / parts;
        int extra = batch.batchSize() % parts;
        @SuppressWarnings("unchecked")
        HelperThread.Task<Double>[] tasks = new HelperThread.Task[parts];
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
            tasks[i] = helpers[i].submit(() -> share(all[k], k, batch, firsts[k], rows[k], train, scale,
                    dropoutSeed + k, probabilities, update));
        }
        double loss = share(all[0], 0, batch, firsts[0], rows[0], train, scale, dropoutSeed, probabilities, update);
        for (int i = 1; i < parts; i++) {
            loss += tasks[i].join();
        }
        if (goal == Goal.STEP) {
            for (int l = 0; l < layout.layers; l++) {
                layout.cell(l).constrain(params.buffer);
            }
        }
        return loss;
    }

    private SlicedUpdate slicedUpdate(Worker[] all, int parts, Goal goal, double learningRate) {
        FloatBuffer[] gradients = new FloatBuffer[parts];
        for (int i = 0; i < parts; i++) {
            gradients[i] = all[i].grad.buffer;
        }
        return new SlicedUpdate(gradients, layout.size, goal == Goal.STEP ? optimiser : null, params.buffer,
                hyperparameters().clipNorm(), learningRate);
    }

    /** One worker's part of a {@link #pass}: its rows, then its slice of the update when there is one. */
    private double share(Worker worker, int k, Batch batch, int first, int rows, boolean train, float scale,
                         long dropoutSeed, float[] probabilities, SlicedUpdate update) {
        double loss;
        try {
            loss = worker.run(batch, first, rows, train, scale, hyperparameters().dropout(), dropoutSeed,
                    probabilities);
        } catch (RuntimeException | Error e) {
            if (update != null) {
                update.abandon();
            }
            throw e;
        }
        if (update != null) {
            update.finish(k);
        }
        return loss;
    }

    @Override
    public double train(Batch batch, double learningRate) {
        return pass(batch, Goal.STEP, null, learningRate) / ((double) batch.batchSize() * batch.seqLength());
    }

    /** The summed gradient of the batch, for tests. */
    float[] gradient(Batch batch) {
        pass(batch, Goal.GRADIENT, null, 0);
        float[] out = new float[layout.size];
        workers[0].grad.get(out);
        return out;
    }

    @Override
    public double loss(Batch batch) {
        return pass(batch, Goal.LOSS, null, 0) / ((double) batch.batchSize() * batch.seqLength());
    }

    /** Next-character probabilities for every position: {@code [(b * seqLength + t) * vocab + k]}. */
    float[] probabilities(Batch batch) {
        float[] out = new float[batch.batchSize() * batch.seqLength() * vocabSize()];
        pass(batch, Goal.LOSS, out, 0);
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

    /** The weights of the cell's layout, then the optimizer moments and the step count (see parameters()). */
    public static ArrayShapes arrayShapes(int vocabSize, Hyperparameters hp) {
        Layout layout = new Layout(vocabSize, hp.hiddenSize(), hp.layers(), cells(hp));
        Map<String, int[]> weights = new LinkedHashMap<>();
        for (Block b : layout.blocks()) {
            weights.put(b.name(), new int[]{b.rows(), b.cols()});
        }
        return new ArrayShapes(weights, GradientOptimiser.stateShapes(layout.size));
    }

    @Override
    public ParameterSet parameters() {
        float[] w = new float[layout.size];
        params.get(w);
        ParameterSet set = new ParameterSet();
        Block[] blocks = layout.blocks();
        int[] offsets = layout.offsets();
        for (int i = 0; i < blocks.length; i++) {
            float[] part = new float[blocks[i].size()];
            System.arraycopy(w, offsets[i], part, 0, part.length);
            set.put(blocks[i].name(), new int[]{blocks[i].rows(), blocks[i].cols()}, part);
        }
        optimiser.save(set);
        return set;
    }

    @Override
    public void load(ParameterSet parameters) {
        float[] w = new float[layout.size];
        Block[] blocks = layout.blocks();
        int[] offsets = layout.offsets();
        for (int i = 0; i < blocks.length; i++) {
            ParameterSet.Array a = parameters.get(blocks[i].name());
            if (a == null) {
                throw new IllegalArgumentException("missing parameter " + blocks[i].name());
            }
            int count = blocks[i].size();
            if (a.data().length != count) {
                throw new IllegalArgumentException("parameter " + blocks[i].name() + " has " + a.data().length
                        + " values; this model needs " + count);
            }
            System.arraycopy(a.data(), 0, w, offsets[i], count);
        }
        for (int l = 0; l < layout.layers; l++) {
            layout.cell(l).check(w, l);
        }
        optimiser.load(parameters);
        params.put(w);
    }

    /**
     * This model for a vocabulary grown to {@code newVocabSize}, the new characters after the old: the old weights
     * and their optimiser state unchanged, at the old indices; the new input rows, output columns and biases as a
     * fresh model of the new size starts them (from the model's seed), their optimiser state zero as a fresh one's.
     * This model is left as it was.
     */
    @Override
    public FastCharModel grown(int newVocabSize) {
        if (newVocabSize < vocabSize()) {
            throw new IllegalArgumentException("a vocabulary only grows: " + vocabSize() + " to " + newVocabSize);
        }
        FastCharModel grown = new FastCharModel(newVocabSize, hyperparameters(), threads);
        grown.initialise();
        float[] fresh = new float[grown.layout.size];
        grown.params.get(fresh);
        float[] w = new float[layout.size];
        params.get(w);
        layout.copyInto(w, grown.layout, fresh);
        grown.params.put(fresh);
        optimiser.growInto(grown.optimiser, layout, grown.layout);
        return grown;
    }

    @Override
    public FastCharModel copy() {
        FastCharModel copy = new FastCharModel(vocabSize(), hyperparameters(), threads);
        float[] w = new float[layout.size];
        params.get(w);
        copy.params.put(w);
        optimiser.copyStateTo(copy.optimiser);
        return copy;
    }
}
