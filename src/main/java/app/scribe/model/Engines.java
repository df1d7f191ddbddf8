package app.scribe.model;

import app.scribe.engine.dl4j.Dl4jCharModel;

import app.scribe.ScribeException;
import app.scribe.engine.fast.FastCharModel;

/** Builds a model by engine name, the name a model file records. */
public final class Engines {
    public static final String DEFAULT = FastCharModel.ENGINE;

    private Engines() {
    }

    public static CharModel create(String engine, int vocabSize, Hyperparameters hp) {
        return switch (engine) {
            case FastCharModel.ENGINE -> new FastCharModel(vocabSize, hp);
            case Dl4jCharModel.ENGINE -> new Dl4jCharModel(vocabSize, hp);
            default -> throw unknown(engine);
        };
    }

    /** The arrays a model of this engine and settings holds, known without building it. */
    public static ArrayShapes arrayShapes(String engine, int vocabSize, Hyperparameters hp) {
        return switch (engine) {
            case FastCharModel.ENGINE -> FastCharModel.arrayShapes(vocabSize, hp);
            case Dl4jCharModel.ENGINE -> Dl4jCharModel.arrayShapes(vocabSize, hp);
            default -> throw unknown(engine);
        };
    }

    private static ScribeException unknown(String engine) {
        return new ScribeException("Unknown engine '" + engine + "'; this version of Scribe has: "
                + FastCharModel.ENGINE + ", " + Dl4jCharModel.ENGINE + ".");
    }
}
