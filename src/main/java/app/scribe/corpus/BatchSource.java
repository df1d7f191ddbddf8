package app.scribe.corpus;

import app.scribe.ScribeException;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Cuts a corpus into training windows and a held-out validation tail. Training windows start at random offsets
 * (the seed reports' sampling); validation windows tile the tail in order so the measure is the same every time.
 */
public final class BatchSource {
    public static final double VALIDATION_SHARE = 0.05;
    /** Validation is capped so that measuring it stays a small fraction of training time on a large book. */
    public static final int MAX_VALIDATION_CHARS = 100_000;

    private final char[] indices;
    private final int trainEnd;
    private final int seqLength;
    private final int batchSize;

    public BatchSource(Corpus corpus, int seqLength, int batchSize) {
        this.indices = corpus.indices();
        this.seqLength = seqLength;
        this.batchSize = batchSize;
        this.trainEnd = trainingEnd(indices.length);
        if (!longEnough(indices.length, seqLength)) {
            throw new ScribeException(corpus.name() + " has " + indices.length + " characters: too short for sequences of "
                    + seqLength + " (it needs at least " + minimumLength(seqLength) + ").");
        }
    }

    private static int trainingEnd(int length) {
        return (int) Math.round(length * (1 - VALIDATION_SHARE));
    }

    /** Room for one training window and one validation window, each with its following character. */
    private static boolean longEnough(int length, int seqLength) {
        int end = trainingEnd(length);
        return end >= seqLength + 2 && length - end >= seqLength + 1;
    }

    /** The fewest characters a text needs for sequences of {@code seqLength}: what the user is told to supply. */
    public static int minimumLength(int seqLength) {
        int n = seqLength + 1; // both parts grow with the length, so the first length that fits is the minimum
        while (!longEnough(n, seqLength)) {
            n++;
        }
        return n;
    }

    public int trainingCharacters() {
        return trainEnd;
    }

    /** Draws the next training batch; the random generator is the caller's so that runs can be repeated exactly. */
    public Batch trainingBatch(SplittableRandom random) {
        int[] inputs = new int[batchSize * seqLength];
        int[] targets = new int[inputs.length];
        int[] starts = new int[batchSize];
        for (int b = 0; b < batchSize; b++) {
            starts[b] = random.nextInt(trainEnd - seqLength);
            copyWindow(starts[b], b * seqLength, inputs, targets);
        }
        return new Batch(batchSize, seqLength, inputs, targets, starts);
    }

    /** The validation tail in consecutive windows, grouped into batches (the last one may be smaller). */
    public List<Batch> validationBatches() {
        int end = Math.min(indices.length - 1, trainEnd + MAX_VALIDATION_CHARS);
        int windows = (end - trainEnd) / seqLength;
        List<Batch> batches = new ArrayList<>();
        for (int first = 0; first < windows; first += batchSize) {
            int size = Math.min(batchSize, windows - first);
            int[] inputs = new int[size * seqLength];
            int[] targets = new int[inputs.length];
            int[] starts = new int[size];
            for (int b = 0; b < size; b++) {
                starts[b] = trainEnd + (first + b) * seqLength;
                copyWindow(starts[b], b * seqLength, inputs, targets);
            }
            batches.add(new Batch(size, seqLength, inputs, targets, starts));
        }
        return batches;
    }

    private void copyWindow(int start, int offset, int[] inputs, int[] targets) {
        for (int t = 0; t < seqLength; t++) {
            inputs[offset + t] = indices[start + t];
            targets[offset + t] = indices[start + t + 1];
        }
    }
}
