package app.scribe.generation;

import app.scribe.SmallBook;
import app.scribe.analysis.VerbatimIndex;
import app.scribe.corpus.CorpusReader;
import app.scribe.persistence.ModelFile;
import app.scribe.persistence.SavedModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The copy limit on a real model trained on a small book: no span of the written text longer than N occurs in the
 * book (checked by brute force, not with the suffix array the limit uses), a prompt taken from the book is not
 * continued past N, and without the limit the same model does copy longer spans (so the limit had work to do).
 */
class CopyLimitTest {
    @TempDir
    static Path dir;
    static SmallBook small;
    static SavedModel saved;
    /** The book as the model reads it (plain ASCII: as it is). */
    static String book;
    static VerbatimIndex index;

    @BeforeAll
    static void train() throws IOException {
        small = SmallBook.trainIn(dir);
        saved = new ModelFile().load(small.model());
        index = VerbatimIndex.of(new CorpusReader().read(List.of(small.book())), saved.vocabulary());
        book = small.text();
    }

    private static int longestCopyEndingAfter(String text, int from) {
        return small.longestCopyEndingAfter(text, from);
    }

    @Test
    void noWrittenSpanLongerThanNOccursInTheBook() {
        int n = 8;
        Generator generator = new Generator(saved.model(), saved.vocabulary());
        SamplingSettings settings = SamplingSettings.plain().withTemperature(0.5);
        int redrawn = 0;
        int longestWithout = 0;
        for (long seed = 1; seed <= 4; seed++) {
            Generator.Continuation limited = generator.generate("", 300, settings, seed, StopRule.never(),
                    new CopyLimit(n, index::followers), s -> { }, () -> false);
            assertTrue(longestCopyEndingAfter(limited.text(), 0) <= n, limited.text());
            assertEquals(0, limited.forced());
            redrawn += limited.redrawn();
            String free = generator.generate("", 300, settings, seed, StopRule.never(), s -> { }, () -> false).text();
            longestWithout = Math.max(longestWithout, longestCopyEndingAfter(free, 0));
        }
        assertTrue(redrawn > 0, "the limit drew characters again");
        assertTrue(longestWithout > n, "without the limit the model copies " + longestWithout + " characters");
    }

    @Test
    void aPromptFromTheBookIsNotContinuedPastN() {
        String prompt = book.substring(4_000, 4_040);
        int n = 5;
        Generator generator = new Generator(saved.model(), saved.vocabulary());
        Generator.Continuation c = generator.generate(prompt, 60, SamplingSettings.greedy(), 1, StopRule.never(),
                new CopyLimit(n, index::followers), s -> { }, () -> false);
        assertTrue(longestCopyEndingAfter(prompt + c.text(), prompt.length()) <= n, c.text());
        assertTrue(c.redrawn() > 0, "greedy decoding wanted to copy more than 5 characters: " + c.text());
    }

    @Test
    void withoutARefusalTheLimitDrawsTheSameText() {
        Generator generator = new Generator(saved.model(), saved.vocabulary());
        SamplingSettings settings = SamplingSettings.plain().withTemperature(1.0);
        String free = generator.generate("", 200, settings, 7, StopRule.never(), s -> { }, () -> false).text();
        Generator.Continuation loose = generator.generate("", 200, settings, 7, StopRule.never(),
                new CopyLimit(CopyLimit.MAX, index::followers), s -> { }, () -> false);
        assertEquals(free, loose.text());
        assertEquals(0, loose.redrawn());
    }

    @Test
    void aRedrawRenormalisesOverTheRestAndGreedyTakesTheNextLikeliest() {
        float[] p = {0.5f, 0.3f, 0.2f};
        boolean[] refused = {true, false, false};
        assertEquals(1, SamplingSettings.greedy().redraw(p, new int[0], new SplittableRandom(1), refused));
        int[] counts = new int[3];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 10_000; i++) {
            counts[SamplingSettings.plain().redraw(p, new int[0], random, refused)]++;
        }
        assertEquals(0, counts[0]);
        assertEquals(0.6, counts[1] / 10_000.0, 0.03, "0.3 / (0.3 + 0.2)");
        assertEquals(-1, SamplingSettings.plain().redraw(p, new int[0], random, new boolean[]{true, true, true}));
    }

    @Test
    void aLimitBelowOneIsRefusedWithASentence() {
        var refused = org.junit.jupiter.api.Assertions.assertThrows(app.scribe.ScribeException.class,
                () -> new CopyLimit(0, index::followers));
        assertTrue(refused.getMessage().startsWith("The copy limit must be between 1"), refused.getMessage());
    }
}
