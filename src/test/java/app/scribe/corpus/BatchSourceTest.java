package app.scribe.corpus;

import app.scribe.ScribeException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchSourceTest {
    private static final int LENGTH = 2000;

    /** A text of distinct ascending characters, so that each character's vocabulary index is its position. */
    private static Corpus positional() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            sb.appendCodePoint(0x4E00 + i);
        }
        Corpus corpus = new CorpusReader().fromBytes("positions.txt", sb.toString().getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < LENGTH; i++) {
            assertEquals(i, corpus.indices()[i]);
        }
        return corpus;
    }

    @Test
    void targetsAreInputsShiftedByOneAndWindowsStayInTheTrainingPart() {
        Corpus corpus = positional();
        int seq = 25;
        BatchSource source = new BatchSource(corpus, seq, 16);
        int trainEnd = source.trainingCharacters();
        assertEquals(1900, trainEnd);
        SplittableRandom random = new SplittableRandom(7);
        int maxTarget = 0;
        for (int n = 0; n < 200; n++) {
            Batch batch = source.trainingBatch(random);
            assertEquals(16, batch.batchSize());
            assertEquals(seq, batch.seqLength());
            for (int b = 0; b < batch.batchSize(); b++) {
                int start = batch.input(b, 0);
                for (int t = 0; t < seq; t++) {
                    assertEquals(start + t, batch.input(b, t), "window is contiguous");
                    assertEquals(batch.input(b, t), batch.position(b, t), "the position in the text");
                    assertEquals(batch.input(b, t) + 1, batch.target(b, t), "target is the next character");
                    assertTrue(batch.target(b, t) < trainEnd, "target " + batch.target(b, t) + " leaks into validation");
                }
                maxTarget = Math.max(maxTarget, batch.target(b, seq - 1));
            }
        }
        assertTrue(maxTarget > trainEnd - 50, "windows reach the end of the training part: " + maxTarget);
    }

    @Test
    void sameRandomGivesSameBatches() {
        BatchSource source = new BatchSource(positional(), 10, 4);
        assertArrayEquals(source.trainingBatch(new SplittableRandom(5)).inputs(),
                source.trainingBatch(new SplittableRandom(5)).inputs());
    }

    @Test
    void validationTilesTheLastFivePercentInOrder() {
        Corpus corpus = positional();
        int seq = 9;
        BatchSource source = new BatchSource(corpus, seq, 4);
        List<Batch> validation = source.validationBatches();
        int expected = 1900;
        for (Batch batch : validation) {
            assertTrue(batch.batchSize() <= 4);
            for (int b = 0; b < batch.batchSize(); b++) {
                for (int t = 0; t < seq; t++) {
                    assertEquals(expected, batch.input(b, t));
                    assertEquals(expected, batch.position(b, t));
                    assertEquals(expected + 1, batch.target(b, t));
                    expected++;
                }
            }
        }
        int windows = (LENGTH - 1 - 1900) / seq;
        assertEquals(1900 + windows * seq, expected, "every whole window of the tail is used once");
        assertTrue(LENGTH - 1 - expected < seq, "less than one window is left over");
        assertEquals(validation.size(), source.validationBatches().size());
        assertArrayEquals(validation.get(0).inputs(), source.validationBatches().get(0).inputs());
    }

    /** Scored on its tail alone: a book of "a" whose tail alternates "ab" has a tail entropy of ln 2, not ~0. */
    @Test
    void theUnigramEntropyIsThatOfTheValidationTextAlone() {
        String text = "a".repeat(1900) + "ab".repeat(50);
        BatchSource source = new BatchSource(new CorpusReader().fromBytes("tail.txt",
                text.getBytes(StandardCharsets.US_ASCII)), 9, 4);
        assertEquals(Math.log(2), source.validationUnigramEntropy(), 0.02);
        BatchSource flat = new BatchSource(new CorpusReader().fromBytes("flat.txt",
                ("b" + "a".repeat(1999)).getBytes(StandardCharsets.US_ASCII)), 9, 4);
        assertEquals(0, flat.validationUnigramEntropy(), 1e-12);
    }

    @Test
    void tooShortATextIsRefusedWithTheNeededLength() {
        Corpus corpus = positional();
        ScribeException e = assertThrows(ScribeException.class, () -> new BatchSource(corpus, 200, 4));
        assertTrue(e.getMessage().contains("positions.txt") && e.getMessage().contains("sequences of 200"), e.getMessage());
    }

    /** A corpus of {@code length} characters alternating between two, built directly (no file). */
    private static Corpus ofLength(int length) {
        char[] indices = new char[length];
        for (int i = 0; i < length; i++) {
            indices[i] = (char) (i % 2);
        }
        long[] counts = {(length + 1) / 2, length / 2};
        return new Corpus("n.txt", "0", length, "ASCII", 0, false, Vocabulary.of("ab"), indices, "", counts,
                new Corpus.CleaningReport(2, List.of()),
                List.of(new Corpus.Book("n.txt", "0", 0, length, GutenbergStripper.Removal.NONE)));
    }

    @Test
    void theStatedMinimumLengthIsEnoughAndNeeded() {
        for (int seq = 1; seq <= 1000; seq += (seq < 50 ? 1 : 37)) {
            int finalSeq = seq;
            ScribeException e = assertThrows(ScribeException.class, () -> new BatchSource(ofLength(finalSeq + 1), finalSeq, 4));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("needs at least (\\d+)").matcher(e.getMessage());
            assertTrue(m.find(), e.getMessage());
            int minimum = Integer.parseInt(m.group(1));
            BatchSource source = new BatchSource(ofLength(minimum), seq, 4);
            assertTrue(BatchSource.longestSequence(ofLength(minimum), null) >= seq, "length " + minimum);
            assertTrue(BatchSource.longestSequence(ofLength(minimum - 1), null) < seq, "length " + (minimum - 1));
            assertTrue(source.validationBatches().size() >= 1, "seq " + seq);
            assertThrows(ScribeException.class, () -> new BatchSource(ofLength(minimum - 1), finalSeq, 4),
                    "seq " + seq + ": " + (minimum - 1) + " should be too short");
        }
    }

    @Test
    void aSeparateValidationTextIsTiledWholeAndTheBookIsTrainedOnWhole() {
        Corpus corpus = positional();
        char[] validation = new char[101];
        for (int i = 0; i < validation.length; i++) {
            validation[i] = (char) (1000 + i);
        }
        int seq = 10;
        BatchSource source = new BatchSource(corpus, seq, 4, validation);
        assertEquals(LENGTH, source.trainingCharacters());
        int expected = 1000;
        for (Batch batch : source.validationBatches()) {
            for (int b = 0; b < batch.batchSize(); b++) {
                for (int t = 0; t < seq; t++) {
                    assertEquals(expected, batch.input(b, t));
                    assertEquals(expected + 1, batch.target(b, t));
                    expected++;
                }
            }
        }
        assertEquals(1100, expected, "all ten whole windows of the 101 characters (100 targets)");
        SplittableRandom random = new SplittableRandom(3);
        int maxTarget = 0;
        for (int n = 0; n < 300; n++) {
            Batch batch = source.trainingBatch(random);
            for (int b = 0; b < batch.batchSize(); b++) {
                maxTarget = Math.max(maxTarget, batch.target(b, seq - 1));
            }
        }
        assertTrue(maxTarget > LENGTH - 30 && maxTarget < LENGTH, "training reaches the book's end: " + maxTarget);
        ScribeException e = assertThrows(ScribeException.class,
                () -> new BatchSource(corpus, 200, 4, validation));
        assertTrue(e.getMessage().contains("needs at least 201"), e.getMessage());
    }
}
