package app.scribe.model;

/**
 * What every model reports as it was made, held once for the classes that implement {@link CharModel}: the name of
 * its engine, the size of its vocabulary and its hyperparameters.
 */
public abstract class AbstractCharModel implements CharModel {
    private final String engine;
    private final int vocabSize;
    private final Hyperparameters hyperparameters;

    protected AbstractCharModel(String engine, int vocabSize, Hyperparameters hyperparameters) {
        this.engine = engine;
        this.vocabSize = vocabSize;
        this.hyperparameters = hyperparameters;
    }

    @Override
    public final String engine() {
        return engine;
    }

    @Override
    public final int vocabSize() {
        return vocabSize;
    }

    @Override
    public final Hyperparameters hyperparameters() {
        return hyperparameters;
    }
}
