package app.scribe.serve;

import app.scribe.corpus.Batch;
import app.scribe.model.AbstractCharModel;
import app.scribe.model.CharModel;
import app.scribe.model.ParameterSet;
import app.scribe.model.Stepper;

/**
 * A model that many threads may read at once: a snapshot of the weights taken once, and a fresh state for every
 * {@link #stepper()}. The snapshot is a stepper that is never stepped; the engines' {@link Stepper#copy()} shares a
 * stepper's weights and copies only its state (zeros here), so a request costs its state, not the weights. It cannot
 * be trained or loaded: the server never changes the model it serves.
 */
final class SharedWeights extends AbstractCharModel {
    private final Stepper pristine;

    /** Snapshots {@code model}'s weights now; later training of {@code model} does not reach this copy. */
    SharedWeights(CharModel model) {
        super(model.engine(), model.vocabSize(), model.hyperparameters());
        this.pristine = model.stepper();
    }

    /**
     * A fresh stream on the shared weights, owned by the caller's thread. Copies are made one at a time: the fast
     * engine's copy only reads, but DL4J's clones a network, which is not documented as safe to do concurrently.
     */
    @Override
    public synchronized Stepper stepper() {
        return pristine.copy();
    }

    @Override
    public double train(Batch batch, double learningRate) {
        throw readOnly();
    }

    @Override
    public double loss(Batch batch) {
        throw readOnly();
    }

    @Override
    public ParameterSet parameters() {
        throw readOnly();
    }

    @Override
    public void load(ParameterSet parameters) {
        throw readOnly();
    }

    /** Nothing in it changes, so it is its own copy. */
    @Override
    public CharModel copy() {
        return this;
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("a served model is read-only");
    }
}
