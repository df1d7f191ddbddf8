package app.scribe.corpus;

import app.scribe.ScribeException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VocabularyTest {
    @Test
    void distinctCharactersAreSortedByCodePoint() {
        Vocabulary v = Vocabulary.of("banana split é\n");
        assertArrayEquals(new int[]{'\n', ' ', 'a', 'b', 'i', 'l', 'n', 'p', 's', 't', 'é'}, v.codePoints());
        assertEquals(11, v.size());
        assertEquals(0, v.indexOf('\n'));
        assertEquals(2, v.indexOf('a'));
        assertEquals(10, v.indexOf('é'));
        assertEquals(-1, v.indexOf('z'));
        assertEquals("é", v.charAt(10));
        assertEquals('b', v.codePointAt(3));
    }

    @Test
    void supplementaryCharactersAreOneEntry() {
        Vocabulary v = Vocabulary.of("a\uD83D\uDE00b");
        assertEquals(3, v.size());
        assertEquals("\uD83D\uDE00", v.charAt(2));
        assertArrayEquals(new char[]{0, 2, 1}, v.encode("a\uD83D\uDE00b"));
    }

    @Test
    void encodeMapsEachCharacterToItsIndex() {
        Vocabulary v = Vocabulary.of("abc ");
        assertArrayEquals(new char[]{3, 1, 2, 0, 1}, v.encode("cab a"));
    }

    @Test
    void unknownCharactersAreListedOnceEachAndRefusedByEncode() {
        Vocabulary v = Vocabulary.of("abc ");
        assertEquals(List.of("'x' (U+0078)", "'Ω' (U+03A9)", "\\n"), v.unknownCharacters("axΩ\nxb\n"));
        assertEquals(List.of(), v.unknownCharacters("cab"));
        ScribeException e = assertThrows(ScribeException.class, () -> v.encode("abxΩ"));
        assertTrue(e.getMessage().contains("'x'") && e.getMessage().contains("'Ω'"), e.getMessage());
    }

    @Test
    void invalidVocabulariesAreRefusedAndAGrownOneKeepsItsOrder() {
        assertThrows(ScribeException.class, () -> Vocabulary.of("aaaa"));
        Vocabulary grown = new Vocabulary(new int[]{'b', 'a'}, Normalization.NFC);
        assertEquals(0, grown.indexOf('b'), "a grown vocabulary keeps its order: indices are positions");
        assertEquals(1, grown.indexOf('a'));
        assertEquals(-1, grown.indexOf('c'));
        assertArrayEquals(new char[]{1, 0, 0}, grown.encode("abb"));
        assertThrows(ScribeException.class, () -> new Vocabulary(new int[]{'a', 'a'}, Normalization.NFC));
        int[] huge = new int[Vocabulary.MAX_SIZE + 1];
        for (int i = 0; i < huge.length; i++) {
            huge[i] = 0x4E00 + i;
        }
        assertThrows(ScribeException.class, () -> new Vocabulary(huge, Normalization.NFC));
    }

    @Test
    void equalityFollowsTheCharacters() {
        assertEquals(Vocabulary.of("abc"), Vocabulary.of("cba"));
        assertEquals(Vocabulary.of("abc").hashCode(), Vocabulary.of("cab").hashCode());
        assertTrue(!Vocabulary.of("abc").equals(Vocabulary.of("abd")));
    }
}
