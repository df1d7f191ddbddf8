package app.scribe.corpus;

import app.scribe.ScribeException;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Cuts a corpus into training windows and held-out validation text: the final share of every book, so that no book
 * is only in validation. Training windows start at random offsets in the books' heads (the seed reports'
 * sampling); validation windows tile the tails in order so the measure is the same every time. Given a separate
 * validation text, the books are trained on whole and the validation windows tile that text instead.
 */
public final class BatchSource implements TrainingWindows {
    public static final double VALIDATION_SHARE = 0.05;
    /** Validation is capped so that measuring it stays a small fraction of training time on a large book. */
    public static final int MAX_VALIDATION_CHARS = 100_000;

    private final char[] indices;
    /** The text validation windows are cut from: {@link #indices} itself, or a separate validation text. */
    private final char[] validationText;
    /** The ranges {@code [from, to)} of {@link #validationText} that validation windows tile. */
    private final List<int[]> validationRanges;
    private final List<Split> splits;
    private final int seqLength;
    private final int batchSize;
    private final int trainingCharacters;
    private final int trainingStarts;

    /** One book's training part {@code [start, trainEnd)}. */
    private record Split(int start, int trainEnd) {
        int trainingStarts(int seqLength) {
            return trainEnd - start - seqLength;
        }
    }

    public BatchSource(Corpus corpus, int seqLength, int batchSize) {
        this.indices = corpus.indices();
        this.validationText = indices;
        this.seqLength = seqLength;
        this.batchSize = batchSize;
        List<Split> splits = new ArrayList<>();
        List<int[]> tails = new ArrayList<>();
        int validationCap = MAX_VALIDATION_CHARS / corpus.books().size();
        for (Corpus.Book book : corpus.books()) {
            if (!longEnough(book.characters(), seqLength)) {
                throw new ScribeException(book.name() + " has " + book.characters() + " characters: too short for "
                        + "sequences of " + seqLength + " (it needs at least " + minimumLength(seqLength) + ").");
            }
            int trainEnd = book.start() + trainingEnd(book.characters());
            splits.add(new Split(book.start(), trainEnd));
            tails.add(new int[]{trainEnd, Math.min(book.end() - 1, trainEnd + validationCap)});
        }
        this.splits = List.copyOf(splits);
        this.validationRanges = List.copyOf(tails);
        this.trainingCharacters = splits.stream().mapToInt(s -> s.trainEnd() - s.start()).sum();
        this.trainingStarts = splits.stream().mapToInt(s -> s.trainingStarts(seqLength)).sum();
    }

    /**
     * Trains on the whole of every book and validates on {@code validation}, a separate text already in the
     * corpus's vocabulary indices (all of it, in consecutive windows), so that a loss can be compared with other
     * tools' on the same held-out text.
     */
    public BatchSource(Corpus corpus, int seqLength, int batchSize, char[] validation) {
        this.indices = corpus.indices();
        this.validationText = validation.clone();
        this.seqLength = seqLength;
        this.batchSize = batchSize;
        if (validation.length < seqLength + 1) {
            throw new ScribeException("The validation text has " + validation.length + " characters: too short for"
                    + " sequences of " + seqLength + " (it needs at least " + (seqLength + 1) + ").");
        }
        List<Split> splits = new ArrayList<>();
        for (Corpus.Book book : corpus.books()) {
            if (book.characters() < seqLength + 2) {
                throw new ScribeException(book.name() + " has " + book.characters() + " characters: too short for "
                        + "sequences of " + seqLength + " (it needs at least " + (seqLength + 2) + ").");
            }
            splits.add(new Split(book.start(), book.end()));
        }
        this.splits = List.copyOf(splits);
        this.validationRanges = List.of(new int[]{0, validation.length - 1});
        this.trainingCharacters = splits.stream().mapToInt(s -> s.trainEnd() - s.start()).sum();
        this.trainingStarts = splits.stream().mapToInt(s -> s.trainingStarts(seqLength)).sum();
    }

    private static int trainingEnd(int length) {
        return (int) Math.round(length * (1 - VALIDATION_SHARE));
    }

    /** Room for one training window and one validation window, each with its following character. */
    private static boolean longEnough(int length, int seqLength) {
        int end = trainingEnd(length);
        return end >= seqLength + 2 && length - end >= seqLength + 1;
    }

    /**
     * The longest sequences {@code corpus} can be cut into, validating on its books' tails or, when not null, on
     * {@code validation}; below 1 when even sequences of one character do not fit.
     */
    public static int longestSequence(Corpus corpus, char[] validation) {
        int longest = validation == null ? Integer.MAX_VALUE : validation.length - 1;
        for (Corpus.Book book : corpus.books()) {
            int length = book.characters();
            int end = trainingEnd(length);
            longest = Math.min(longest, validation == null ? Math.min(end - 2, length - end - 1) : length - 2);
        }
        return longest;
    }

    /** The fewest characters a text needs for sequences of {@code seqLength}: what the user is told to supply. */
    public static int minimumLength(int seqLength) {
        int n = seqLength + 1; // both parts grow with the length, so the first length that fits is the minimum
        while (!longEnough(n, seqLength)) {
            n++;
        }
        return n;
    }

    @Override
    public int trainingCharacters() {
        return trainingCharacters;
    }

    @Override
    public Batch trainingBatch(SplittableRandom random) {
        int[] starts = new int[batchSize];
        for (int b = 0; b < batchSize; b++) {
            starts[b] = trainingStart(random.nextInt(trainingStarts));
        }
        return Batch.cut(indices, starts, starts, seqLength);
    }

    /** Maps a draw over all the books' window starts to an offset in the book it falls in. */
    private int trainingStart(int draw) {
        for (Split split : splits) {
            if (draw < split.trainingStarts(seqLength)) {
                return split.start() + draw;
            }
            draw -= split.trainingStarts(seqLength);
        }
        throw new IllegalStateException("draw beyond the training windows");
    }

    /** Every book's validation tail in consecutive windows, grouped into batches (the last one may be smaller). */
    @Override
    public List<Batch> validationBatches() {
        List<Integer> windowStarts = new ArrayList<>();
        for (int[] range : validationRanges) {
            int windows = (range[1] - range[0]) / seqLength;
            for (int w = 0; w < windows; w++) {
                windowStarts.add(range[0] + w * seqLength);
            }
        }
        List<Batch> batches = new ArrayList<>();
        for (int first = 0; first < windowStarts.size(); first += batchSize) {
            int size = Math.min(batchSize, windowStarts.size() - first);
            int[] starts = new int[size];
            for (int b = 0; b < size; b++) {
                starts[b] = windowStarts.get(first + b);
            }
            batches.add(Batch.cut(validationText, starts, starts, seqLength));
        }
        return batches;
    }
}
