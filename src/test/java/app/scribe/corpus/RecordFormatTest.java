package app.scribe.corpus;

import app.scribe.ScribeException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cutting a text into records: one a line, between separator lines, between blank lines; and the refusals. */
class RecordFormatTest {
    @Test
    void linesAreRecordsAndBlankLinesAreLeftOut() {
        assertEquals(List.of("apple", "pear tree", "fig"),
                RecordFormat.LINES.split("t", "apple\n\npear tree\r\n  \nfig\n"));
    }

    @Test
    void aSeparatorLineSeparatesMultiLineRecords() {
        RecordFormat percent = RecordFormat.of("%");
        assertEquals(RecordFormat.Split.SEPARATOR, percent.split());
        assertEquals(List.of("To be,\nor not.", "Brevity\n\nis wit."),
                percent.split("t", "%\nTo be,\nor not.\n%\n\nBrevity\n\nis wit.\n  %  \n%\n"));
        assertEquals("\n%\n", percent.delimiter());
    }

    @Test
    void blankLinesSeparateRecordsWhenTheSeparatorIsEmpty() {
        RecordFormat blank = RecordFormat.of("");
        assertEquals(RecordFormat.BLANK_LINES, blank);
        List<String> speeches = blank.split("t", RecordTexts.speeches(2000));
        assertTrue(speeches.size() > 10, speeches.toString());
        assertEquals("First Citizen:\nBefore we proceed any further, hear me speak.", speeches.get(0));
        assertEquals("\n\n", blank.delimiter());
    }

    @Test
    void aSeparatorThatNeverOccursIsRefusedWithASentence() {
        ScribeException e = assertThrows(ScribeException.class,
                () -> RecordFormat.of("%").split("speeches.txt", RecordTexts.speeches(2000)));
        assertTrue(e.getMessage().contains("speeches.txt has no line holding only %"), e.getMessage());
        ScribeException blank = assertThrows(ScribeException.class,
                () -> RecordFormat.BLANK_LINES.split("words.txt", RecordTexts.words(2000)));
        assertTrue(blank.getMessage().contains("no blank line"), blank.getMessage());
    }

    @Test
    void aTextWithoutRecordsOrWithTheMarkIsRefused() {
        assertTrue(assertThrows(ScribeException.class, () -> RecordFormat.of("%").split("t", "%\n%\n  \n%\n"))
                .getMessage().contains("has no record"));
        assertTrue(assertThrows(ScribeException.class, () -> RecordFormat.LINES.split("t", "a\u001Eb\nc\n"))
                .getMessage().contains("U+001E"));
    }

    @Test
    void theReaderJoinsTheRecordsBetweenMarksAndKeepsTheMarkThroughCleaning() {
        byte[] bytes = RecordTexts.words(6000).getBytes(StandardCharsets.UTF_8);
        Corpus corpus = new CorpusReader().fromBytes("words.txt", bytes, new Cleaning(true, true, 0),
                RecordFormat.LINES);
        RecordText records = RecordText.of(corpus);
        List<String> expected = RecordFormat.LINES.split("w", RecordTexts.words(6000));
        assertEquals(expected.size(), records.count());
        assertEquals(corpus.vocabulary().indexOf(RecordFormat.MARK), records.mark());
        assertEquals(records.mark(), corpus.indices()[0]);
        assertEquals(records.mark(), corpus.indices()[corpus.length() - 1]);
        assertEquals(expected.get(0), records.text(0));
        assertEquals(expected.stream().mapToInt(String::length).max().orElseThrow(), records.longest());
        assertTrue(corpus.preview().startsWith(expected.get(0) + "\n" + expected.get(1) + "\n"), corpus.preview());
    }

    @Test
    void theMarkIsNeverRareEvenWhenThereAreFewerRecordsThanTheRareLimit() {
        byte[] bytes = RecordTexts.words(6000).getBytes(StandardCharsets.UTF_8);
        Corpus corpus = new CorpusReader().fromBytes("words.txt", bytes, new Cleaning(false, false, 100_000),
                RecordFormat.LINES);
        assertTrue(corpus.vocabulary().mapper().hasPlaceholder());
        assertEquals(RecordFormat.LINES.split("w", RecordTexts.words(6000)).size(), RecordText.of(corpus).count());
    }

    @Test
    void aListIsSuggestedAsRecordsAndProseIsNot() {
        assertEquals(RecordFormat.LINES, RecordFormat.suggest(RecordTexts.words(3000)));
        assertEquals(RecordFormat.of("%"), RecordFormat.suggest(RecordTexts.quotations(3000)));
        assertNull(RecordFormat.suggest(new String(app.scribe.TestCorpora.start("vanity_fair.txt", 20_000),
                StandardCharsets.UTF_8)));
    }
}
