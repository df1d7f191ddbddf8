package app.scribe.corpus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The entropy of the characters the validation scores, in nats: the loss of the best model that ignores context
     * on this very text, the line a model must get under to have learnt more than letter frequencies. (The whole
     * book's entropy can differ much from its tail's: footnotes, an index.)
     */
    default double validationUnigramEntropy() {
        Map<Integer, Long> counts = new HashMap<>();
        long total = 0;
        for (Batch batch : validationBatches()) {
            for (int target : batch.targets()) {
                counts.merge(target, 1L, Long::sum);
                total++;
            }
        }
        double entropy = 0;
        for (long count : counts.values()) {
            double p = (double) count / total;
            entropy -= p * Math.log(p);
        }
        return entropy;
    }

    /** The windows of a trainer: records for a records corpus, else the books' heads and tails (or {@code validation}). */
    static TrainingWindows of(Corpus corpus, int seqLength, int batchSize, char[] validation) {
        if (corpus.isRecords()) {
            return new RecordBatches(corpus, seqLength, batchSize);
        }
        return validation == null ? new BatchSource(corpus, seqLength, batchSize)
                : new BatchSource(corpus, seqLength, batchSize, validation);
    }
}
