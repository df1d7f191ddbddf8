package app.scribe.corpus;

import app.scribe.ScribeException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * The batches of a text of records. Every window starts at a record's start mark from a fresh state (the engines
 * start each window at zeros), so each record is learnt from its beginning up to its end mark; the rest of the
 * window goes on with the next records, each after its mark, so that the mark learns to start a record too (the
 * records are packed in a fixed shuffled order, so that the next record is not the neighbour it shares a start
 * with in a sorted list). A
 * record longer than the sequence length is split: its first window starts at its mark, the next ones every
 * sequence length further inside it, each from a fresh state (the text across a cut is not learnt, as in a plain
 * text's windows). Validation is by records: one record in 20 spread through the text ({@link
 * BatchSource#VALIDATION_SHARE}; the last one when there are fewer than 20), at most
 * {@link BatchSource#MAX_VALIDATION_CHARS} characters, in windows that start at record starts and do not overlap.
 */
public final class RecordBatches implements TrainingWindows {
    private static final long SHUFFLE_SEED = 0x5EC0DL;
    private final int seqLength;
    private final int batchSize;
    private final Packed training;
    private final Packed validation;
    private final int longRecords;

    /** Records packed one after another, each after its mark, and where windows may start. */
    private record Packed(char[] text, int length, int[] starts, int[] offsets) {
    }

    public RecordBatches(Corpus corpus, int seqLength, int batchSize) {
        this.seqLength = seqLength;
        this.batchSize = batchSize;
        RecordText records = RecordText.of(corpus);
        if (records.count() < RecordFormat.MIN_RECORDS) {
            throw new ScribeException(corpus.name() + " has " + records.count() + " record" + (records.count() == 1
                    ? "" : "s") + "; Scribe needs at least " + RecordFormat.MIN_RECORDS + ", one to validate on.");
        }
        boolean[] held = validationRecords(records);
        List<Integer> train = new ArrayList<>();
        List<Integer> validate = new ArrayList<>();
        int longer = 0;
        for (int i = 0; i < records.count(); i++) {
            (held[i] ? validate : train).add(i);
            if (records.length(i) + 1 > seqLength) {
                longer++;
            }
        }
        this.longRecords = longer;
        // In a fixed shuffled order: in a sorted list a record's neighbour shares its start, which the model would
        // learn to copy from the state instead of learning how a record starts.
        Collections.shuffle(train, new Random(SHUFFLE_SEED));
        Collections.shuffle(validate, new Random(SHUFFLE_SEED));
        this.training = pack(corpus.indices(), records, train);
        this.validation = pack(corpus.indices(), records, validate);
    }

    /** One record in 20, spread evenly, within the validation cap; the last record when that picks none. */
    private static boolean[] validationRecords(RecordText records) {
        boolean[] held = new boolean[records.count()];
        long characters = 0;
        boolean any = false;
        for (int i = 0; i < records.count() && characters < BatchSource.MAX_VALIDATION_CHARS; i++) {
            if (Math.floor((i + 1) * BatchSource.VALIDATION_SHARE) > Math.floor(i * BatchSource.VALIDATION_SHARE)) {
                held[i] = true;
                any = true;
                characters += records.length(i) + 1;
            }
        }
        if (!any) {
            held[records.count() - 1] = true;
        }
        return held;
    }

    /**
     * The records, each after a mark, a mark after the last; then the first records again after that mark, so that
     * every window has room.
     */
    private Packed pack(char[] indices, RecordText records, List<Integer> chosen) {
        int length = 1;
        for (int r : chosen) {
            length += records.length(r) + 1;
        }
        char[] text = new char[length + seqLength + 1];
        List<int[]> starts = new ArrayList<>();
        int at = 0;
        for (int r : chosen) {
            text[at] = (char) records.mark();
            for (int offset = 0; offset <= records.length(r); offset += seqLength) {
                starts.add(new int[]{at + offset, offset});
            }
            System.arraycopy(indices, records.start(r), text, at + 1, records.length(r));
            at += records.length(r) + 1;
        }
        text[at] = (char) records.mark();
        for (int i = length; i < text.length; i++) {
            text[i] = text[i - length + 1]; // the last mark starts the first record again: no empty record
        }
        return new Packed(text, length, starts.stream().mapToInt(s -> s[0]).toArray(),
                starts.stream().mapToInt(s -> s[1]).toArray());
    }

    /** How many records do not fit one window (with their mark): they are learnt in several, as said above. */
    public int longRecords() {
        return longRecords;
    }

    public int trainingRecords() {
        return (int) Arrays.stream(training.offsets()).filter(o -> o == 0).count();
    }

    public int validationRecords() {
        return (int) Arrays.stream(validation.offsets()).filter(o -> o == 0).count();
    }

    @Override
    public int trainingCharacters() {
        return training.length();
    }

    /** A batch of windows, each at a start drawn among every record's starts. */
    @Override
    public Batch trainingBatch(SplittableRandom random) {
        int[] from = new int[batchSize];
        int[] positions = new int[batchSize];
        for (int b = 0; b < batchSize; b++) {
            int window = random.nextInt(training.starts().length);
            from[b] = training.starts()[window];
            positions[b] = training.offsets()[window];
        }
        return Batch.cut(training.text(), from, positions, seqLength);
    }

    /** The validation records in windows that start at record starts, each after the previous one's end. */
    @Override
    public List<Batch> validationBatches() {
        List<Integer> windows = new ArrayList<>();
        int next = 0;
        for (int w = 0; w < validation.starts().length; w++) {
            if (validation.starts()[w] >= next) {
                windows.add(w);
                next = validation.starts()[w] + seqLength;
            }
        }
        List<Batch> batches = new ArrayList<>();
        for (int first = 0; first < windows.size(); first += batchSize) {
            int size = Math.min(batchSize, windows.size() - first);
            int[] from = new int[size];
            int[] positions = new int[size];
            for (int b = 0; b < size; b++) {
                int w = windows.get(first + b);
                from[b] = validation.starts()[w];
                positions[b] = validation.offsets()[w];
            }
            batches.add(Batch.cut(validation.text(), from, positions, seqLength));
        }
        return batches;
    }
}
