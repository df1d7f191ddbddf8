package app.scribe.corpus;

/**
 * A minibatch of windows: {@code inputs[b * seqLength + t]} is character t of window b, and {@code targets} holds the
 * character that follows each input; {@code starts[b]} is where window b starts in its text (the time-gated cell
 * reads the position of every character).
 */
public record Batch(int batchSize, int seqLength, int[] inputs, int[] targets, int[] starts) {
    public Batch {
        if (inputs.length != batchSize * seqLength || targets.length != inputs.length) {
            throw new IllegalArgumentException("batch arrays must hold batchSize * seqLength indices");
        }
        if (starts.length != batchSize) {
            throw new IllegalArgumentException("a batch needs one start per window");
        }
    }

    /** Windows that all start at position 0. */
    public Batch(int batchSize, int seqLength, int[] inputs, int[] targets) {
        this(batchSize, seqLength, inputs, targets, new int[batchSize]);
    }

    /** The position in the text of character t of window b. */
    public long position(int b, int t) {
        return (long) starts[b] + t;
    }

    public int input(int b, int t) {
        return inputs[b * seqLength + t];
    }

    public int target(int b, int t) {
        return targets[b * seqLength + t];
    }
}
