package app.scribe.analysis;

/**
 * How well a model predicted a text.
 *
 * @param known          characters the model knows, the ones scored
 * @param unknown        characters outside the model's vocabulary, skipped
 * @param logProbability the natural-log probability of the known characters, summed
 */
public record TextScore(int known, int unknown, double logProbability) {
    public int characters() {
        return known + unknown;
    }

    /** The mean of -log2 p over the known characters; NaN when there are none. */
    public double bitsPerCharacter() {
        return known == 0 ? Double.NaN : -logProbability / Math.log(2) / known;
    }
}
