package app.scribe.cli;

import app.scribe.SmallBook;
import app.scribe.cli.ScribeCommandTest.Result;
import app.scribe.generation.Samples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static app.scribe.cli.ScribeCommandTest.assertBadInput;
import static app.scribe.cli.ScribeCommandTest.scribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code generate --max-copy --corpus}, {@code generate --samples N --rank} and {@code complete --max-copy}. */
class SamplesCommandTest {
    private static final Pattern HEADER = Pattern.compile(
            "#(\\d+) seed=(\\d+) bpc=(\\d+\\.\\d{4}) longest_copy=(\\d+) (new|copied)");

    @TempDir
    static Path dir;
    static SmallBook small;
    static String model;
    static String corpus;
    static String book;

    @BeforeAll
    static void trainOnce() throws IOException {
        small = SmallBook.trainIn(dir);
        model = small.model().toString();
        corpus = small.book().toString();
        book = small.text();
    }

    private static int longestCopy(String text) {
        return small.longestCopy(text);
    }

    @Test
    void maxCopyWritesNoLongerSpanOfTheBookAndCountsTheRedrawnOnStderr() {
        Result r = scribe("generate", "--model", model, "--temperature", "0.5", "--length", "400", "--max-copy", "8",
                "--corpus", corpus, "--seed", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(longestCopy(r.out().strip()) <= 8, r.out());
        String last = r.errLines().get(r.errLines().size() - 1);
        assertTrue(last.matches("redrawn=[1-9]\\d*"), r.err());
    }

    @Test
    void rankedSamplesComeOneABlockUnderTheirScoresInTheRankingOrder() {
        Result r = scribe("generate", "--model", model, "--temperature", "0.7", "--length", "200", "--samples", "5",
                "--rank", "--corpus", corpus);
        assertEquals(0, r.code(), r.err());
        // A block: its scores, then the text and a line break; a blank line before the next block.
        String[] blocks = r.out().split("\n\n(?=#\\d+ seed=\\d+ bpc=)");
        assertEquals(5, blocks.length, r.out());
        List<Samples.Sample> shown = new ArrayList<>();
        for (int i = 0; i < blocks.length; i++) {
            Matcher header = HEADER.matcher(blocks[i].lines().findFirst().orElseThrow());
            assertTrue(header.matches(), blocks[i]);
            assertEquals(i + 1, Integer.parseInt(header.group(1)));
            String text = blocks[i].substring(blocks[i].indexOf('\n') + 1, blocks[i].length() - 1);
            int copy = Integer.parseInt(header.group(4));
            assertEquals(longestCopy(text), copy, "the longest copied span of " + text);
            assertEquals(copy <= Samples.NEW_AT_MOST ? "new" : "copied", header.group(5));
            shown.add(new Samples.Sample(i + 1, Long.parseLong(header.group(2)), text,
                    Double.parseDouble(header.group(3)), copy, 0));
        }
        assertEquals(shown, Samples.ranked(shown), "printed in the ranking's order");
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), shown.stream().map(Samples.Sample::seed).sorted().toList());
    }

    @Test
    void completeCopiesAtMostNCharactersWithTheTextBeforeIt() {
        String quote = book.substring(3_000, 3_040);
        Result r = scribe("complete", "--model", model, "--text", quote, "--until", "30", "--n", "3",
                "--max-copy", "10", "--corpus", corpus);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.errLines().get(r.errLines().size() - 1).matches("redrawn=\\d+"), r.err());
        for (String line : r.outLines().subList(0, 3)) {
            String completion = line.split("\t", -1)[1].replace("\\n", "\n");
            String written = quote.substring(quote.length() - 10) + completion;
            for (int end = 11; end <= written.length(); end++) {
                assertTrue(!book.contains(written.substring(end - 11, end)), "copied: " + written);
            }
        }
    }

    @Test
    void badInputIsRefusedWithOneSentence() throws IOException {
        assertBadInput(scribe("generate", "--model", model, "--max-copy", "0", "--corpus", corpus),
                "--max-copy must be between 1");
        assertBadInput(scribe("generate", "--model", model, "--max-copy", "20"), "name it with --corpus");
        assertBadInput(scribe("complete", "--model", model, "--text", "It", "--max-copy", "20"),
                "name it with --corpus");
        assertBadInput(scribe("generate", "--model", model, "--max-copy", "20", "--corpus", corpus, "--beam", "3"),
                "cannot be combined with --max-copy");
        Path greek = Files.writeString(dir.resolve("greek.txt"), "Μῆνιν ἄειδε θεὰ Πηληϊάδεω Ἀχιλῆος ".repeat(20));
        assertBadInput(scribe("generate", "--model", model, "--max-copy", "20", "--corpus", greek.toString()),
                "the model cannot read");
        assertBadInput(scribe("generate", "--model", model, "--samples", "0"), "between 1 and " + Samples.MAX_COUNT);
        assertBadInput(scribe("generate", "--model", model, "--samples", "1000000"),
                "between 1 and " + Samples.MAX_COUNT);
        assertBadInput(scribe("generate", "--model", model, "--rank"), "with --samples");
        assertBadInput(scribe("generate", "--model", model, "--samples", "3", "--rank", "--beam", "2"),
                "nothing to --rank");
    }
}
