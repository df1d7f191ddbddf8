package app.scribe.engine.dl4j;

import app.scribe.model.AbstractCharModel;
import app.scribe.model.ArrayShapes;
import app.scribe.model.CellType;
import app.scribe.model.CharModel;
import app.scribe.model.Hyperparameters;
import app.scribe.model.Optimizer;
import app.scribe.model.ParameterSet;
import app.scribe.model.Stepper;

import app.scribe.ScribeException;
import app.scribe.corpus.Batch;
import org.deeplearning4j.nn.api.layers.RecurrentLayer;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

import static org.deeplearning4j.nn.layers.recurrent.LSTM.STATE_KEY_PREV_MEMCELL;

/**
 * The reference engine: DL4J's {@link MultiLayerNetwork} with LSTM layers and a softmax output, trained by
 * backpropagation through each window of {@code seqLength} characters (truncated BPTT at the window length, as the
 * seed reports did). DL4J clips the gradient norm per layer, not globally.
 */
public final class Dl4jCharModel extends AbstractCharModel {
    public static final String ENGINE = "dl4j";
    private static final String UPDATER_STATE = "updater";

    private final MultiLayerNetwork net;
    private double currentLearningRate;

    public Dl4jCharModel(int vocabSize, Hyperparameters hp) {
        this(vocabSize, hp, build(vocabSize, hp));
    }

    private Dl4jCharModel(int vocabSize, Hyperparameters hp, MultiLayerNetwork net) {
        super(ENGINE, vocabSize, hp);
        NativeRuntime.configure();
        this.net = net;
        this.currentLearningRate = hp.learningRate();
    }

    /** Refuses, with a sentence, settings this engine cannot build: other cells than the LSTM, sgd, momentum. */
    static void requireSupported(Hyperparameters hp) {
        if (hp.cell() != CellType.LSTM) {
            throw new ScribeException("The dl4j engine and the DL4J export know LSTM cells only; a " + hp.cell().id()
                    + " model trains with the fast engine and cannot be exported to DL4J.");
        }
        if (hp.optimizer() != Optimizer.ADAM && hp.optimizer() != Optimizer.RMSPROP) {
            throw new ScribeException("The dl4j engine trains with rmsprop or adam; use the fast engine for "
                    + hp.optimizer().id() + ".");
        }
    }

    private static MultiLayerNetwork build(int vocabSize, Hyperparameters hp) {
        requireSupported(hp);
        NativeRuntime.configure();
        IUpdater updater = hp.optimizer() == Optimizer.ADAM ? new Adam(hp.learningRate())
                : new RmsProp(hp.learningRate(), 0.95, 1e-8);
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(hp.seed())
                .dataType(DataType.FLOAT)
                .updater(updater)
                .l2(hp.weightDecay())
                .l2Bias(hp.weightDecay())
                .weightInit(WeightInit.XAVIER)
                .gradientNormalization(GradientNormalization.ClipL2PerLayer)
                .gradientNormalizationThreshold(hp.clipNorm())
                .list();
        for (int i = 0; i < hp.layers(); i++) {
            LSTM.Builder lstm = new LSTM.Builder().nIn(i == 0 ? vocabSize : hp.hiddenSize()).nOut(hp.hiddenSize())
                    .activation(Activation.TANH);
            if (i > 0 && hp.dropout() > 0) {
                lstm.dropOut(new Dropout(1 - hp.dropout()));
            }
            layers.layer(lstm.build());
        }
        RnnOutputLayer.Builder output = new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .activation(Activation.SOFTMAX).nIn(hp.hiddenSize()).nOut(vocabSize);
        if (hp.dropout() > 0) {
            output.dropOut(new Dropout(1 - hp.dropout()));
        }
        MultiLayerConfiguration conf = layers.layer(output.build()).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** The underlying network, for exporting to plain DL4J programs. */
    public MultiLayerNetwork network() {
        return net;
    }

    @Override
    public double train(Batch batch, double learningRate) {
        if (learningRate != currentLearningRate) {
            net.setLearningRate(learningRate);
            currentLearningRate = learningRate;
        }
        INDArray input = oneHot(batch.inputs(), batch);
        INDArray labels = oneHot(batch.targets(), batch);
        net.fit(input, labels);
        // DL4J's score sums the loss over time steps and averages over the minibatch.
        return net.score() / batch.seqLength();
    }

    @Override
    public double loss(Batch batch) {
        INDArray probabilities = net.output(oneHot(batch.inputs(), batch), false);
        float[] p = probabilities.dup('c').data().asFloat();
        int t = batch.seqLength();
        int vocabSize = vocabSize();
        double total = 0;
        for (int b = 0; b < batch.batchSize(); b++) {
            for (int s = 0; s < t; s++) {
                float q = p[(b * vocabSize + batch.target(b, s)) * t + s];
                total -= Math.log(Math.max(q, 1e-12f));
            }
        }
        return total / (batch.batchSize() * t);
    }

    private INDArray oneHot(int[] indices, Batch batch) {
        int t = batch.seqLength();
        int vocabSize = vocabSize();
        float[] data = new float[batch.batchSize() * vocabSize * t];
        for (int b = 0; b < batch.batchSize(); b++) {
            for (int s = 0; s < t; s++) {
                data[(b * vocabSize + indices[b * t + s]) * t + s] = 1f;
            }
        }
        return Nd4j.create(data, new long[]{batch.batchSize(), vocabSize, t}, 'c');
    }

    @Override
    public Stepper stepper() {
        MultiLayerNetwork own = net.clone();
        own.rnnClearPreviousState();
        return new Dl4jStepper(own, vocabSize(), hyperparameters().hiddenSize());
    }

    /**
     * DL4J's parameter table: per LSTM layer l, {@code l_W[in, 4H]}, {@code l_RW[H, 4H]}, {@code l_b[4H]}; then the
     * output's {@code W[H, V]} and {@code b[V]}; then the updater's state, one value per parameter for RMSProp and
     * two (both moments) for Adam.
     */
    public static ArrayShapes arrayShapes(int vocabSize, Hyperparameters hp) {
        requireSupported(hp);
        int h = hp.hiddenSize();
        Map<String, int[]> weights = new java.util.LinkedHashMap<>();
        for (int l = 0; l < hp.layers(); l++) {
            weights.put(l + "_W", new int[]{l == 0 ? vocabSize : h, 4 * h});
            weights.put(l + "_RW", new int[]{h, 4 * h});
            weights.put(l + "_b", new int[]{4 * h});
        }
        weights.put(hp.layers() + "_W", new int[]{h, vocabSize});
        weights.put(hp.layers() + "_b", new int[]{vocabSize});
        long count = 0;
        for (int[] shape : weights.values()) {
            count += ArrayShapes.elements(shape);
        }
        long state = count * (hp.optimizer() == Optimizer.ADAM ? 2 : 1);
        return new ArrayShapes(weights, Map.of(UPDATER_STATE, new int[]{Math.toIntExact(state)}));
    }

    @Override
    public ParameterSet parameters() {
        ParameterSet set = new ParameterSet();
        for (Map.Entry<String, INDArray> e : net.paramTable().entrySet()) {
            set.put(e.getKey(), toInts(e.getValue().shape()), e.getValue().dup('c').data().asFloat());
        }
        INDArray state = net.getUpdater().getStateViewArray();
        if (state != null) {
            set.put(UPDATER_STATE, toInts(state.shape()), state.dup('c').data().asFloat());
        }
        return set;
    }

    @Override
    public void load(ParameterSet parameters) {
        for (Map.Entry<String, INDArray> e : net.paramTable().entrySet()) {
            ParameterSet.Array a = parameters.arrays().get(e.getKey());
            if (a == null) {
                throw new IllegalArgumentException("missing parameter " + e.getKey());
            }
            net.setParam(e.getKey(), Nd4j.create(a.data(), toLongs(a.shape()), 'c'));
        }
        ParameterSet.Array state = parameters.arrays().get(UPDATER_STATE);
        if (state != null && net.getUpdater().getStateViewArray() != null) {
            net.getUpdater().getStateViewArray().assign(Nd4j.create(state.data(), toLongs(state.shape()), 'c'));
        }
    }

    @Override
    public void setIterationCount(long steps) {
        net.setIterationCount((int) Math.min(Integer.MAX_VALUE, steps));
    }

    @Override
    public CharModel copy() {
        Dl4jCharModel copy = new Dl4jCharModel(vocabSize(), hyperparameters(), net.clone());
        copy.currentLearningRate = Double.NaN;
        return copy;
    }

    static int[] toInts(long[] shape) {
        int[] out = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            out[i] = Math.toIntExact(shape[i]);
        }
        return out;
    }

    static long[] toLongs(int[] shape) {
        long[] out = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            out[i] = shape[i];
        }
        return out;
    }

    private static final class Dl4jStepper implements Stepper {
        private final MultiLayerNetwork net;
        private final int vocabSize;
        private final int hiddenSize;
        private final INDArray input;
        private final float[] probabilities;
        private int lastIndex = -1;

        Dl4jStepper(MultiLayerNetwork net, int vocabSize, int hiddenSize) {
            this.net = net;
            this.vocabSize = vocabSize;
            this.hiddenSize = hiddenSize;
            this.input = Nd4j.zeros(DataType.FLOAT, 1, vocabSize, 1);
            this.probabilities = new float[vocabSize];
        }

        @Override
        public float[] step(int charIndex) {
            if (lastIndex >= 0) {
                input.putScalar(new long[]{0, lastIndex, 0}, 0f);
            }
            input.putScalar(new long[]{0, charIndex, 0}, 1f);
            lastIndex = charIndex;
            INDArray out = net.rnnTimeStep(input);
            for (int i = 0; i < vocabSize; i++) {
                probabilities[i] = out.getFloat(0, i, 0);
            }
            return probabilities;
        }

        @Override
        public Stepper copy() {
            MultiLayerNetwork twin = net.clone();
            for (int i = 0; i < net.getnLayers(); i++) {
                if (!(net.getLayer(i) instanceof RecurrentLayer)) {
                    continue; // the output layer has no state, and asking for it throws
                }
                Map<String, INDArray> state = net.rnnGetPreviousState(i);
                if (state != null) {
                    Map<String, INDArray> copied = new java.util.HashMap<>();
                    state.forEach((k, v) -> copied.put(k, v.dup()));
                    twin.rnnSetPreviousState(i, copied);
                }
            }
            return new Dl4jStepper(twin, vocabSize, hiddenSize);
        }

        /** DL4J's LSTM keeps the memory cell of its last {@code rnnTimeStep} in its state map, shape [1, hidden]. */
        @Override
        public void cellState(int layer, float[] out) {
            Objects.checkIndex(layer, net.getnLayers() - 1);
            if (out.length < hiddenSize) {
                throw new IllegalArgumentException("out holds " + out.length + " values; the cell has " + hiddenSize);
            }
            Map<String, INDArray> state = net.rnnGetPreviousState(layer);
            INDArray cell = state == null ? null : state.get(STATE_KEY_PREV_MEMCELL);
            if (cell == null) {
                if (lastIndex >= 0) {
                    throw new ScribeException("DL4J kept no memory cell for LSTM layer " + layer + ".");
                }
                Arrays.fill(out, 0, hiddenSize, 0f);
                return;
            }
            float[] values = cell.dup('c').data().asFloat();
            System.arraycopy(values, 0, out, 0, hiddenSize);
        }
    }
}
