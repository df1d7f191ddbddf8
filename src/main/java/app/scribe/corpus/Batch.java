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

    /**
     * The windows of {@code text} that begin at {@code from[b]}, each of {@code seqLength} inputs and the character
     * after each as its target; {@code starts[b]} is where window b starts in its text as the cells read positions.
     */
    public static Batch cut(char[] text, int[] from, int[] starts, int seqLength) {
        int[] inputs = new int[from.length * seqLength];
        int[] targets = new int[inputs.length];
        for (int b = 0; b < from.length; b++) {
            for (int t = 0; t < seqLength; t++) {
                inputs[b * seqLength + t] = text[from[b] + t];
                targets[b * seqLength + t] = text[from[b] + t + 1];
            }
        }
        return new Batch(from.length, seqLength, inputs, targets, starts);
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
