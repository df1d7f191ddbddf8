package app.scribe.corpus;

import java.util.List;
import java.util.SplittableRandom;

/**
 * What a training draws its batches from: {@link BatchSource} for a text learnt as one stream, {@link RecordBatches}
 * for a text of records.
 */
public interface TrainingWindows {
    /** The characters trained on, one epoch. */
    int trainingCharacters();

    /** Draws the next training batch; the random generator is the caller's so that runs can be repeated exactly. */
    Batch trainingBatch(SplittableRandom random);

    /** The held-out text in windows, grouped into batches, the same every time. */
    List<Batch> validationBatches();

    /** The windows of a trainer: records for a records corpus, else the books' heads and tails (or {@code validation}). */
    static TrainingWindows of(Corpus corpus, int seqLength, int batchSize, char[] validation) {
        if (corpus.isRecords()) {
            return new RecordBatches(corpus, seqLength, batchSize);
        }
        return validation == null ? new BatchSource(corpus, seqLength, batchSize)
                : new BatchSource(corpus, seqLength, batchSize, validation);
    }
}
