package app.scribe.cli;

import app.scribe.TestCorpora;
import app.scribe.corpus.RecordFormat;
import app.scribe.corpus.RecordTexts;
import app.scribe.persistence.ModelFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static app.scribe.cli.ScribeCommandTest.Result;
import static app.scribe.cli.ScribeCommandTest.assertBadInput;
import static app.scribe.cli.ScribeCommandTest.scribe;
import static app.scribe.cli.ScribeCommandTest.train;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** train --records and generate --records: the model's mode, whole records out, the new/copied line, refusals. */
class RecordsCommandTest {
    private static final Pattern STATS = Pattern.compile("new=(\\d+) copied=(\\d+)");

    @TempDir
    static Path dir;
    static Path words;
    static Path quotes;
    static Path wordsModel;
    static Path quotesModel;
    static Result wordsTrained;
    static Result quotesTrained;

    @BeforeAll
    static void trainOnRecords() throws IOException {
        words = Files.writeString(dir.resolve("words.txt"), RecordTexts.words(40_000));
        quotes = Files.writeString(dir.resolve("quotes.txt"), RecordTexts.quotations(12_000));
        wordsModel = dir.resolve("words.scribe");
        quotesModel = dir.resolve("quotes.scribe");
        wordsTrained = train(words, wordsModel, "--records", "--steps", "40");
        quotesTrained = train(quotes, quotesModel, "--records", "--separator", "%", "--steps", "10");
    }

    @Test
    void trainingOnRecordsSaysSoAndTheModelFileRecordsTheMode() {
        assertEquals(0, wordsTrained.code(), wordsTrained.err());
        int count = RecordFormat.LINES.split("w", RecordTexts.words(40_000)).size();
        assertTrue(wordsTrained.out().contains(String.format("records: %,d, one a line", count)), wordsTrained.out());
        var records = new ModelFile().load(wordsModel).corpus().records();
        assertNotNull(records);
        assertEquals(RecordFormat.LINES, records.format());
        assertEquals(count, records.count());
    }

    @Test
    void recordsLongerThanTheSequenceAreAnnouncedAndLearntInSeveralWindows() {
        assertEquals(0, quotesTrained.code(), quotesTrained.err());
        assertTrue(quotesTrained.out().contains("separated by lines of %"), quotesTrained.out());
        assertTrue(quotesTrained.out().contains("longer than a window of 16: each is learnt in windows of 16"),
                quotesTrained.out());
    }

    @Test
    void generateWritesOneRecordALineAndCountsNewAndCopiedOnes() throws IOException {
        Result r = scribe("generate", "--model", wordsModel.toString(), "--records", "12", "--corpus",
                words.toString(), "--temperature", "0.7", "--seed", "4");
        assertEquals(0, r.code(), r.err());
        List<String> items = r.out().lines().toList();
        assertEquals(12, items.size(), r.out());
        assertTrue(items.stream().noneMatch(String::isBlank), r.out());
        Set<String> known = new HashSet<>(Files.readAllLines(words));
        long copied = items.stream().filter(known::contains).count();
        List<String> err = r.errLines();
        Matcher stats = STATS.matcher(err.get(err.size() - 1));
        assertTrue(stats.matches(), r.err());
        assertEquals(12 - copied, Long.parseLong(stats.group(1)));
        assertEquals(copied, Long.parseLong(stats.group(2)));
    }

    @Test
    void newOnlyWritesOnlyRecordsTheTextLacks() throws IOException {
        Result r = scribe("generate", "--model", wordsModel.toString(), "--records", "6", "--new-only", "--corpus",
                words.toString(), "--temperature", "0.5");
        assertEquals(0, r.code(), r.err());
        Set<String> known = new HashSet<>(Files.readAllLines(words));
        List<String> items = r.out().lines().toList();
        assertEquals(6, items.size(), r.out());
        assertEquals(6, new HashSet<>(items).size(), "each once: " + items);
        assertTrue(items.stream().noneMatch(known::contains), r.out());
        List<String> err = r.errLines();
        assertEquals("new=6 copied=0", err.get(err.size() - 1));
    }

    /** Free text from a records model (no --records): its marks become line breaks, never a raw control character. */
    @Test
    void freeTextFromARecordsModelShowsNoRawMark() {
        Result r = scribe("generate", "--model", wordsModel.toString(), "--length", "400", "--seed", "3");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().indexOf(app.scribe.corpus.RecordFormat.MARK) < 0, r.out());
        assertTrue(r.out().strip().split("\n").length > 2, "one word a line: " + r.out());
    }

    @Test
    void multiLineRecordsAreSeparatedAsInTheInput() {
        Result r = scribe("generate", "--model", quotesModel.toString(), "--records", "3", "--corpus",
                quotes.toString());
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        assertTrue(out.endsWith("\n") && !out.endsWith("%\n"), out);
        assertEquals(3, out.substring(0, out.length() - 1).split("\n%\n", -1).length, out);
        assertTrue(STATS.matcher(r.errLines().get(r.errLines().size() - 1)).matches(), r.err());
    }

    @Test
    void badRecordInputIsRefusedWithASentence() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        assertBadInput(train(empty, dir.resolve("e.scribe"), "--records"), "empty");
        assertBadInput(train(words, dir.resolve("s.scribe"), "--records", "--separator", "#"),
                "no line holding only #");
        Path blankOnly = Files.writeString(dir.resolve("blank.txt"), "%\n\n%\n".repeat(60));
        assertBadInput(train(blankOnly, dir.resolve("b.scribe"), "--records", "--separator", "%"), "record");
        assertBadInput(train(words, dir.resolve("n.scribe"), "--separator", "%"), "needs --records");
        assertBadInput(scribe("generate", "--model", wordsModel.toString(), "--records", "3"), "--corpus");
        assertBadInput(scribe("generate", "--model", wordsModel.toString(), "--new-only"), "--records");
        assertBadInput(scribe("generate", "--model", wordsModel.toString(), "--records", "0", "--corpus",
                words.toString()), "--records must be between");
    }

    @Test
    void aModelNotTrainedOnRecordsIsRefusedByGenerateRecords() {
        Path book = TestCorpora.shakespeare(dir, "plain.txt", 20_000);
        Path plain = dir.resolve("plain.scribe");
        assertEquals(0, train(book, plain, "--steps", "2").code());
        Result r = scribe("generate", "--model", plain.toString(), "--records", "5", "--corpus", book.toString());
        assertBadInput(r, "plain.scribe was not trained on records");
        assertFalse(r.out().contains("new="), r.out());
    }
}
