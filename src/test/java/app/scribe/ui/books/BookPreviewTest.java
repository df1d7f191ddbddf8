package app.scribe.ui.books;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Books pane's preview shows the book's words: a title page's runs of blank lines do not fill it. */
class BookPreviewTest {
    @Test
    void leadingBlankLinesGoAndEachRunOfThemBecomesOne() {
        String vanityFair = "\n\n\n\nProduced by Juli Rew.\n\n\n\n\n\n\n\n\n\nVanity Fair\n\n\nby\n\n"
                + "William Makepeace Thackeray\n\n\n\n\nBEFORE THE CURTAIN\n\nAs the manager of the Performance sits";
        assertEquals("Produced by Juli Rew.\n\nVanity Fair\n\nby\n\nWilliam Makepeace Thackeray\n\nBEFORE THE CURTAIN\n\n"
                + "As the manager of the Performance sits", CorpusViewModel.readable(vanityFair));
    }

    @Test
    void linesAndSingleBlankLinesStayAsTheyAre() {
        String verse = "Roses are red,\r\nviolets are blue.\r\n\r\nSugar is sweet.\n  \nAnd so are you.";
        assertEquals(verse, CorpusViewModel.readable(verse));
    }
}
