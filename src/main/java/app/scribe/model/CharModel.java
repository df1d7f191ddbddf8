package app.scribe.model;

import app.scribe.ScribeException;
import app.scribe.corpus.Batch;

/**
 * A character-level language model as the rest of Scribe sees it: train on a batch, measure a batch, and step one
 * character at a time for generation. Engines behind it (DL4J's network, a faster one) are interchangeable.
 * A model is owned by one thread at a time; use {@link #copy()} to hand a snapshot to another.
 */
public interface CharModel {
    String engine();

    int vocabSize();

    Hyperparameters hyperparameters();

    /** One optimizer step at the given learning rate; returns the batch's mean loss before the step, nats/char. */
    double train(Batch batch, double learningRate);

    /** Mean loss over the batch in nats/char, without changing the model. */
    double loss(Batch batch);

    /** A fresh single-stream state (zeros), for generation and scoring. */
    Stepper stepper();

    /** Weights and optimizer state as named raw arrays: what a model file stores. */
    ParameterSet parameters();

    /** Replaces weights and optimizer state with those given; shapes must match. */
    void load(ParameterSet parameters);

    /**
     * Tells the model how many steps it has taken, when a saved model is loaded; engines whose optimizer counts
     * steps (Adam's bias correction in DL4J) continue from there instead of restarting their warm-up.
     */
    default void setIterationCount(long steps) {
    }

    /**
     * This model for a vocabulary of {@code vocabSize} characters whose first {@link #vocabSize()} are its own (a
     * text with new characters): a new model whose old characters keep their weights and optimiser state, the new
     * ones started as a fresh model's. Engines that cannot grow refuse with a sentence.
     */
    default CharModel grown(int vocabSize) {
        throw new ScribeException("A model of the " + engine() + " engine cannot learn new characters: continue it on"
                + " a text made of the characters it knows, or start from a model of the fast engine.");
    }

    /** An independent deep copy, for generating on one thread while another trains. */
    CharModel copy();
}
