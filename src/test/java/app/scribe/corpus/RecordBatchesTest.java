package app.scribe.corpus;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Windows of a text of records: each from a record's mark, long records split, validation by whole records. */
class RecordBatchesTest {
    private static Corpus read(String text, RecordFormat format) {
        return new CorpusReader().fromBytes("records.txt", text.getBytes(StandardCharsets.UTF_8), Cleaning.KEEP, format);
    }

    @Test
    void everyTrainingWindowStartsAtARecordsMarkAndLearnsItUpToItsEndMark() {
        Corpus corpus = read(RecordTexts.words(20_000), RecordFormat.LINES);
        RecordText records = RecordText.of(corpus);
        Set<String> all = records.texts();
        int seq = 40; // longer than every word, so every window starts at a record's mark
        RecordBatches batches = new RecordBatches(corpus, seq, 16);
        assertEquals(0, batches.longRecords());
        SplittableRandom random = new SplittableRandom(7);
        for (int step = 0; step < 20; step++) {
            Batch batch = batches.trainingBatch(random);
            for (int b = 0; b < batch.batchSize(); b++) {
                assertEquals(records.mark(), batch.input(b, 0), "a window starts at a mark");
                assertEquals(0, batch.position(b, 0), "a fresh state at the record's start");
                StringBuilder first = new StringBuilder();
                int t = 0;
                while (batch.target(b, t) != records.mark()) {
                    first.append(corpus.vocabulary().charAt(batch.target(b, t)));
                    t++;
                }
                assertTrue(all.contains(first.toString()), first::toString);
                assertEquals(records.mark(), batch.input(b, t + 1), "the end mark starts the next record");
            }
        }
    }

    @Test
    void validationHoldsOutWholeRecordsThatTrainingNeverSees() {
        Corpus corpus = read(RecordTexts.words(20_000), RecordFormat.LINES);
        RecordText records = RecordText.of(corpus);
        int seq = 40;
        RecordBatches batches = new RecordBatches(corpus, seq, 16);
        assertEquals(records.count() / 20, batches.validationRecords());
        assertEquals(records.count() - batches.validationRecords(), batches.trainingRecords());
        Set<String> validated = new HashSet<>();
        List<Batch> validation = batches.validationBatches();
        assertFalse(validation.isEmpty());
        for (Batch batch : validation) {
            for (int b = 0; b < batch.batchSize(); b++) {
                assertEquals(records.mark(), batch.input(b, 0));
                validated.addAll(recordsIn(batch, b, corpus.vocabulary(), records.mark()));
            }
        }
        Set<String> trained = new HashSet<>();
        SplittableRandom random = new SplittableRandom(3);
        for (int step = 0; step < 200; step++) {
            Batch batch = batches.trainingBatch(random);
            for (int b = 0; b < batch.batchSize(); b++) {
                trained.addAll(recordsIn(batch, b, corpus.vocabulary(), records.mark()));
            }
        }
        Set<String> overlap = new HashSet<>(validated);
        overlap.retainAll(trained);
        assertTrue(validated.size() >= batches.validationRecords() / 2, validated::toString);
        assertTrue(overlap.isEmpty(), overlap::toString); // the words are distinct, so no record is in both
        assertTrue(java.util.Arrays.equals(validation.get(0).inputs(), batches.validationBatches().get(0).inputs()),
                "the same validation windows every time");
    }

    @Test
    void recordsLongerThanAWindowAreSplitIntoWindowsInsideTheRecord() {
        Corpus corpus = read(RecordTexts.quotations(8000), RecordFormat.of("%"));
        RecordText records = RecordText.of(corpus);
        int seq = 16;
        RecordBatches batches = new RecordBatches(corpus, seq, 32);
        assertTrue(batches.longRecords() > 0);
        Set<Long> positions = new HashSet<>();
        SplittableRandom random = new SplittableRandom(5);
        for (int step = 0; step < 50; step++) {
            Batch batch = batches.trainingBatch(random);
            for (int b = 0; b < batch.batchSize(); b++) {
                long position = batch.position(b, 0);
                positions.add(position);
                assertEquals(0, position % seq, "windows start at a record's mark or a multiple of the window inside it");
                assertEquals(position == 0, batch.input(b, 0) == records.mark());
            }
        }
        assertTrue(positions.contains(0L) && positions.contains((long) seq) && positions.contains(2L * seq),
                positions::toString);
    }

    /** The whole records that lie in window b, between two marks. */
    private static List<String> recordsIn(Batch batch, int b, Vocabulary vocabulary, int mark) {
        List<String> found = new java.util.ArrayList<>();
        StringBuilder record = null;
        for (int t = 0; t < batch.seqLength(); t++) {
            int c = batch.target(b, t);
            if (batch.input(b, t) == mark) {
                record = new StringBuilder();
            }
            if (c == mark) {
                if (record != null) {
                    found.add(record.toString());
                }
                record = null;
            } else if (record != null) {
                record.append(vocabulary.charAt(c));
            }
        }
        return found;
    }
}
