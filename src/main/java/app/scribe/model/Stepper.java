package app.scribe.model;

/** The recurrent state of one stream of text: feed it a character, get the next character's distribution. */
public interface Stepper {
    /**
     * Advances the state by one character and returns the probabilities of the next one. The returned array is
     * owned by the stepper and overwritten by the next call.
     */
    float[] step(int charIndex);

    /** An independent copy of the current state (for branching and beam search). */
    Stepper copy();

    /**
     * Copies the state of {@code layer} (0 is the layer nearest the input) that shows what the cell holds, the memory
     * cell c of an LSTM or the output h of a GRU or RNN (see {@link CellType#hasMemoryCell()}), as it is after the
     * last step into the first hiddenSize elements of {@code out}; zeros before the first step.
     */
    void cellState(int layer, float[] out);
}
