package app.scribe.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MixedCorpusTest {
    private static final int SEQ = 10;

    @TempDir
    Path dir;

    /** Book a is 3000 characters of "abc ", book b 1000 of "xyz ": no character is in both. */
    private Corpus twoBooks() throws IOException {
        Path a = Files.writeString(dir.resolve("a.txt"), "abc ".repeat(750));
        Path b = Files.writeString(dir.resolve("b.txt"), "xyz ".repeat(250));
        return new CorpusReader().read(List.of(a, b));
    }

    @Test
    void theBooksAreJoinedWithTheSeparatorAndEachHasItsShare() throws IOException {
        Corpus corpus = twoBooks();
        assertEquals(List.of("a.txt", "b.txt"), corpus.books().stream().map(Corpus.Book::name).toList());
        assertEquals(3000 + CorpusReader.BOOK_SEPARATOR.length() + 1000, corpus.length());
        assertEquals(0.75, corpus.share(corpus.books().get(0)), 1e-9);
        assertEquals(0.25, corpus.share(corpus.books().get(1)), 1e-9);
        assertEquals("a.txt 75.0% · b.txt 25.0%", corpus.shares());
        assertEquals(corpus.books().get(1).start(), 3000 + CorpusReader.BOOK_SEPARATOR.length());
        assertEquals("a.txt + b.txt", CorpusInfo.of(corpus).name());
        assertEquals(2, CorpusInfo.of(corpus).books().size());
    }

    @Test
    void validationTakesTheFinalShareOfEveryBookAndTrainingNeverReadsIt() throws IOException {
        Corpus corpus = twoBooks();
        BatchSource source = new BatchSource(corpus, SEQ, 4);
        Corpus.Book a = corpus.books().get(0);
        Corpus.Book b = corpus.books().get(1);
        int aTail = a.start() + (int) Math.round(a.characters() * (1 - BatchSource.VALIDATION_SHARE));
        int bTail = b.start() + (int) Math.round(b.characters() * (1 - BatchSource.VALIDATION_SHARE));
        boolean sawA = false;
        boolean sawB = false;
        for (Batch batch : source.validationBatches()) {
            for (int start : batch.starts()) {
                boolean inA = start >= aTail && start + SEQ < a.end();
                boolean inB = start >= bTail && start + SEQ < b.end();
                assertTrue(inA || inB, "validation window at " + start + " lies in a book's tail");
                sawA |= inA;
                sawB |= inB;
            }
        }
        assertTrue(sawA, "the first book has validation windows: the split is not the file's tail");
        assertTrue(sawB, "the last book has validation windows");
        assertEquals(aTail - a.start() + bTail - b.start(), source.trainingCharacters());
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 500; i++) {
            for (int start : source.trainingBatch(random).starts()) {
                boolean inAHead = start >= a.start() && start + SEQ < aTail;
                boolean inBHead = start >= b.start() && start + SEQ < bTail;
                assertTrue(inAHead || inBHead, "training window at " + start + " stays in a book's head");
            }
        }
    }

    @Test
    void oneFileReadsAsBefore() throws IOException {
        Path a = Files.writeString(dir.resolve("a.txt"), "abc ".repeat(750));
        Corpus corpus = new CorpusReader().read(List.of(a));
        assertEquals("a.txt", corpus.name());
        assertEquals(1, corpus.books().size());
        assertFalse(CorpusInfo.of(corpus).books() != null);
    }
}
