package app.scribe.corpus;

/**
 * A minibatch of windows: {@code inputs[b * seqLength + t]} is character t of window b, and {@code targets} holds the
 * character that follows each input.
 */
public record Batch(int batchSize, int seqLength, int[] inputs, int[] targets) {
    public Batch {
        if (inputs.length != batchSize * seqLength || targets.length != inputs.length) {
            throw new IllegalArgumentException("batch arrays must hold batchSize * seqLength indices");
        }
    }

    public int input(int b, int t) {
        return inputs[b * seqLength + t];
    }

    public int target(int b, int t) {
        return targets[b * seqLength + t];
    }
}
