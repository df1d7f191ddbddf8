package app.scribe.corpus;

import app.scribe.TestCorpora;
import app.scribe.ScribeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each cleaning changes a real book's vocabulary as promised, and prompts are mapped the same way. */
class CleaningTest {
    private static final Path DARWIN = TestCorpora.book("darwin_reis_om_de_wereld_nl.txt");
    private static final Path GRIMM = TestCorpora.book("grimms_fairy_tales.txt");

    private final CorpusReader reader = new CorpusReader();

    @TempDir
    Path dir;

    @Test
    void asciiOnlyLeavesOnlyAsciiAndKeepsLettersWithoutTheirAccents() {
        Corpus asIs = reader.read(List.of(DARWIN), Cleaning.KEEP);
        assertTrue(Arrays.stream(asIs.vocabulary().codePoints()).anyMatch(cp -> cp > 0x7F), "the book has accents");
        Corpus ascii = reader.read(List.of(DARWIN), new Cleaning(true, false, 0));
        assertTrue(Arrays.stream(ascii.vocabulary().codePoints()).allMatch(cp -> cp <= 0x7F),
                Arrays.toString(ascii.vocabulary().codePoints()));
        assertTrue(ascii.vocabulary().size() < asIs.vocabulary().size());
        assertEquals(asIs.vocabulary().size(), ascii.cleaning().vocabularyAsIs());
        assertTrue(asIs.preview().contains("é") || asIs.preview().contains("ë") || asIs.length() > 0);

        TextMapper mapper = new TextMapper(new Cleaning(true, false, 0), TextMapper.NO_PLACEHOLDER);
        assertEquals("cafe \"Noel\" -- naive 'quoted'... aether ", mapper.mapCharacters(
                "café “Noël” — naïve ‘quoted’… æther 中"));
    }

    @Test
    void asciiTurnsGrimmsCurlyQuotesIntoStraightOnes() {
        Corpus ascii = reader.read(List.of(GRIMM), new Cleaning(true, false, 0));
        assertTrue(ascii.vocabulary().indexOf('\'') >= 0);
        assertTrue(ascii.vocabulary().indexOf('’') < 0);
        assertTrue(Arrays.stream(ascii.vocabulary().codePoints()).allMatch(cp -> cp <= 0x7F));
    }

    @Test
    void lowercaseLeavesNoUpperCase() {
        Corpus asIs = reader.read(List.of(DARWIN), Cleaning.KEEP);
        Corpus lower = reader.read(List.of(DARWIN), new Cleaning(false, true, 0));
        assertTrue(Arrays.stream(lower.vocabulary().codePoints()).noneMatch(Character::isUpperCase));
        assertTrue(Arrays.stream(asIs.vocabulary().codePoints()).anyMatch(Character::isUpperCase));
        assertTrue(lower.vocabulary().size() < asIs.vocabulary().size());
        assertEquals(asIs.length(), lower.length(), "lower case changes no number of characters here");
        Corpus both = reader.read(List.of(DARWIN), new Cleaning(true, true, 0));
        assertTrue(Arrays.stream(both.vocabulary().codePoints()).allMatch(cp -> cp <= 0x7F
                && !Character.isUpperCase(cp)));
    }

    @Test
    void rareCharactersBecomeOnePlaceholderTheTextLacked() {
        Corpus asIs = reader.read(List.of(DARWIN), Cleaning.KEEP);
        Corpus rare = reader.read(List.of(DARWIN), new Cleaning(false, false, 10));
        TextMapper mapper = rare.vocabulary().mapper();
        assertTrue(mapper.hasPlaceholder());
        int placeholder = mapper.placeholder();
        assertTrue(asIs.vocabulary().indexOf(placeholder) < 0, "the placeholder is a character the book lacks");
        int placeholderIndex = rare.vocabulary().indexOf(placeholder);
        for (int i = 0; i < rare.vocabulary().size(); i++) {
            assertTrue(i == placeholderIndex || rare.counts()[i] >= 10,
                    rare.vocabulary().charAt(i) + " is seen " + rare.counts()[i] + " times");
        }
        List<Corpus.CharCount> expected = asIs.seenFewerThan(10);
        assertEquals(expected.size(), rare.cleaning().replaced().size());
        assertEquals(expected.stream().mapToLong(Corpus.CharCount::count).sum(), rare.counts()[placeholderIndex]);
        assertEquals(asIs.vocabulary().size() - expected.size() + 1, rare.vocabulary().size());
        assertTrue(rare.cleaningSummary().contains("stands for " + expected.size() + " characters seen fewer than 10"),
                rare.cleaningSummary());
    }

    @Test
    void asciiWithRareCharactersHasAnAsciiPlaceholder() {
        Corpus cleaned = reader.read(List.of(DARWIN), new Cleaning(true, true, 50));
        assertTrue(cleaned.vocabulary().mapper().placeholder() <= 0x7F);
        assertTrue(Arrays.stream(cleaned.vocabulary().codePoints()).allMatch(cp -> cp <= 0x7F));
    }

    @Test
    void aPromptIsMappedAsTheBookWas() {
        Vocabulary vocabulary = reader.read(List.of(DARWIN), new Cleaning(true, true, 10)).vocabulary();
        String placeholder = new String(Character.toChars(vocabulary.mapper().placeholder()));
        char unseen = (char) java.util.stream.IntStream.rangeClosed(33, 126)
                .filter(c -> vocabulary.indexOf(c) < 0).findFirst().orElseThrow();
        assertEquals("het schip \"beagle\"  10 c " + placeholder,
                vocabulary.prepare("Het Schip „Beagle” ∑ 10 °C " + unseen), "∑ and ° have no ASCII form");
        assertTrue(vocabulary.unknownCharacters(vocabulary.prepare("Ωmega ÆØ ∑ " + unseen)).isEmpty());
    }

    @Test
    void eachBookReportsTheGutenbergLinesRemoved() throws IOException {
        Path plain = Files.writeString(dir.resolve("plain.txt"), "A plain text without any header. ".repeat(10));
        Corpus corpus = reader.read(List.of(GRIMM, plain), Cleaning.KEEP);
        GutenbergStripper.Removal grimm = corpus.books().get(0).removed();
        assertEquals(23, grimm.header().lines(), "the header runs to the start marker on line 23");
        assertEquals("The Project Gutenberg EBook of Grimms’ Fairy Tales, by The Brothers Grimm",
                grimm.header().first());
        assertEquals("*** START OF THIS PROJECT GUTENBERG EBOOK GRIMMS’ FAIRY TALES ***", grimm.header().last());
        assertEquals(9571 - 9213 + 1, grimm.footer().lines());
        assertEquals("*** END OF THIS PROJECT GUTENBERG EBOOK GRIMMS’ FAIRY TALES ***", grimm.footer().first());
        assertEquals("subscribe to our email newsletter to hear about new eBooks.", grimm.footer().last());
        assertFalse(corpus.books().get(1).removed().removedAnything());
    }

    @Test
    void cleaningOptionsParseAndBadOnesAreRefused() {
        assertEquals(new Cleaning(true, true, 5), Cleaning.parse(List.of("ascii,lowercase", "rare=5")));
        assertEquals(Cleaning.KEEP, Cleaning.parse(List.of("keep")));
        assertEquals("ascii,lowercase,rare=5", new Cleaning(true, true, 5).toString());
        assertEquals("keep as is", Cleaning.KEEP.toString());
        for (String bad : List.of("utf8", "rare=1", "rare=x", "rare=", "ascii,,", "rare=99999999")) {
            assertThrows(ScribeException.class, () -> Cleaning.parse(List.of(bad)), bad);
        }
    }

    @Test
    void aCleaningThatLeavesOneCharacterIsNamedAsTheCause() {
        ScribeException refused = assertThrows(ScribeException.class,
                () -> reader.read(List.of(GRIMM), new Cleaning(false, false, Cleaning.MAX_RARE_BELOW)));
        assertTrue(refused.getMessage().contains(" once cleaned (rare=1000000): A vocabulary needs at least two"),
                refused.getMessage());
    }
}
