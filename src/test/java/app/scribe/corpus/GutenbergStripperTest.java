package app.scribe.corpus;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GutenbergStripperTest {
    private final GutenbergStripper stripper = new GutenbergStripper();

    @Test
    void headerAndFooterAreRemoved() {
        String text = "The Project Gutenberg eBook of A Book\nRelease date: 1 May 2000\n\n"
                + "*** START OF THE PROJECT GUTENBERG EBOOK A BOOK ***\n\n\nCHAPTER I\n\nIt was a dark night.\n\n"
                + "*** END OF THE PROJECT GUTENBERG EBOOK A BOOK ***\n\nUpdated editions will replace the previous one.\n"
                + "Section 1. General Terms of Use\n";
        assertTrue(stripper.hasHeader(text));
        String stripped = stripper.strip(text);
        assertEquals("CHAPTER I\n\nIt was a dark night.\n", stripped);
        assertFalse(stripped.contains("Gutenberg"));
    }

    @Test
    void olderMarkersAreRecognised() {
        String text = "header\n***START OF THIS PROJECT GUTENBERG EBOOK X***\nBody text.\n"
                + "End of the Project Gutenberg EBook of X\nlicence\n";
        assertEquals("Body text.\n", stripper.strip(text));
    }

    @Test
    void missingFooterKeepsTheRestOfTheText() {
        String text = "*** START OF THE PROJECT GUTENBERG EBOOK X ***\nBody.\nMore body.";
        assertEquals("Body.\nMore body.\n", stripper.strip(text));
    }

    @Test
    void textWithoutMarkersIsUnchanged() {
        String text = "  Just a book, mentioning Project Gutenberg in passing.\n*** not a marker ***\n\n";
        assertFalse(stripper.hasHeader(text));
        assertEquals(text, stripper.strip(text));
    }
}
