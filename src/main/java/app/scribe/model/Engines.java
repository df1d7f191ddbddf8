package app.scribe.model;

import app.scribe.ScribeException;
import app.scribe.model.lstm.FastCharModel;

/** Builds a model by engine name, the name a model file records. */
public final class Engines {
    public static final String DEFAULT = FastCharModel.ENGINE;

    private Engines() {
    }

    /**
     * The weight arrays, by name and shape, of the model {@link #create} would build, without building it (the
     * dl4j engine uses the fast engine's LSTM layout, and refuses other cells).
     */
    public static java.util.Map<String, int[]> weightShapes(String engine, int vocabSize, Hyperparameters hp) {
        if (engine.equals(Dl4jCharModel.ENGINE)) {
            Dl4jCharModel.requireLstm(hp);
        } else if (!engine.equals(FastCharModel.ENGINE)) {
            throw unknown(engine);
        }
        return FastCharModel.weightShapes(vocabSize, hp);
    }

    public static CharModel create(String engine, int vocabSize, Hyperparameters hp) {
        return switch (engine) {
            case FastCharModel.ENGINE -> new FastCharModel(vocabSize, hp);
            case Dl4jCharModel.ENGINE -> new Dl4jCharModel(vocabSize, hp);
            default -> throw unknown(engine);
        };
    }

    private static ScribeException unknown(String engine) {
        return new ScribeException("Unknown engine '" + engine + "'; this version of Scribe has: "
                + FastCharModel.ENGINE + ", " + Dl4jCharModel.ENGINE + ".");
    }
}
