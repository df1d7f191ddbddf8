package app.scribe.persistence;

import app.scribe.ScribeException;
import app.scribe.corpus.Corpus;
import app.scribe.corpus.CorpusInfo;
import app.scribe.corpus.CorpusReader;
import app.scribe.corpus.Normalization;
import app.scribe.corpus.Vocabulary;
import app.scribe.model.CharModel;
import app.scribe.model.Engines;
import app.scribe.generation.Generator;
import app.scribe.model.Hyperparameters;
import app.scribe.model.Optimizer;
import app.scribe.generation.SamplingSettings;
import app.scribe.training.ResumeCheck;
import app.scribe.training.VocabularyGrowth;
import app.scribe.training.TrainingHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An accented letter is the same letter whether typed as one code point or as a letter and a combining accent: a
 * model's corpus, prompts and scored texts are all composed (NFC), and its file records so. Models saved before
 * (no normalisation in the file) keep taking text as written.
 */
class TextNormalizationTest {
    /** Decomposed: every accent a separate combining character, as some editors and macOS file names write them. */
    private static final String DECOMPOSED = "Cafe\u0301 au lait, cre\u0300me bru\u0302le\u0301e et the\u0301. ";
    private static final Hyperparameters SMALL = new Hyperparameters(16, 1, 16, 4, Optimizer.RMSPROP, 2e-3, 0.95,
            1000, 5, 0, 3);

    private final ModelFile files = new ModelFile();

    @TempDir
    Path dir;

    private static String greedy(SavedModel saved, String prompt) {
        return new Generator(saved.model(), saved.vocabulary())
                .generate(prompt, 20, SamplingSettings.greedy(), 1, c -> { }, () -> false);
    }

    private static SavedModel constructed(Vocabulary vocabulary, CorpusInfo corpus) {
        CharModel model = Engines.create(Engines.DEFAULT, vocabulary.size(), SMALL);
        return new SavedModel(model, vocabulary, corpus, new TrainingHistory());
    }

    private static String manifestOf(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return new String(zip.getInputStream(zip.getEntry(ModelFile.MANIFEST)).readAllBytes(),
                    StandardCharsets.UTF_8);
        }
    }

    @Test
    void aPromptIsComposedLikeTheCorpusWhicheverWayItsAccentsAreTyped() throws IOException {
        Path book = Files.writeString(dir.resolve("cafe.txt"), DECOMPOSED.repeat(10));
        Corpus corpus = new CorpusReader().read(book);
        SavedModel saved = constructed(corpus.vocabulary(), CorpusInfo.of(corpus));

        String precomposed = greedy(saved, "au café ");
        assertEquals(precomposed, greedy(saved, "au cafe\u0301 "), "the same prompt, however é is typed");

        Path file = dir.resolve("cafe.scribe");
        files.save(saved, file);
        assertTrue(manifestOf(file).matches("(?s).*\"normalization\"\\s*:\\s*\"NFC\".*"), manifestOf(file));
        SavedModel loaded = files.load(file);
        assertEquals(Normalization.NFC, loaded.vocabulary().normalization());
        assertEquals(precomposed, greedy(loaded, "au cafe\u0301 "));
    }

    @Test
    void aModelSavedWithoutANormalisationTakesTextAsWrittenAndNamesTheCodePoint() throws IOException {
        Vocabulary asWritten = Vocabulary.of(DECOMPOSED, Normalization.NONE);
        Path file = dir.resolve("old.scribe");
        files.save(constructed(asWritten, new CorpusInfo("cafe.txt", "0".repeat(64), 100, 100)), file);
        assertFalse(manifestOf(file).contains("normalization"), "written as before normalisation existed");
        SavedModel loaded = files.load(file);
        assertEquals(Normalization.NONE, loaded.vocabulary().normalization());

        assertEquals(20, greedy(loaded, "au cafe\u0301 ").length(), "its own, decomposed form is accepted");
        ScribeException e = assertThrows(ScribeException.class, () -> greedy(loaded, "au café "));
        assertTrue(e.getMessage().contains("'é' (U+00E9)"), e.getMessage());
    }

    @Test
    void thousandsOfUnknownCharactersAreNamedTwentyAtATime() {
        Vocabulary vocabulary = Vocabulary.of(DECOMPOSED);
        StringBuilder prompt = new StringBuilder();
        for (int cp = 0x4E00; cp < 0x4E00 + 4095; cp++) {
            prompt.appendCodePoint(cp);
        }
        Generator generator = new Generator(Engines.create(Engines.DEFAULT, vocabulary.size(), SMALL), vocabulary);
        ScribeException e = assertThrows(ScribeException.class, () -> generator.encodePrompt(prompt.toString()));
        String message = e.getMessage();
        assertTrue(message.length() < 600, message.length() + " characters: " + message);
        assertFalse(message.contains("\n"), message);
        assertTrue(message.contains("'\u4E00' (U+4E00)") && message.contains("'\u4E13' (U+4E13)")
                && !message.contains("U+4E14"), message);
        assertTrue(message.contains("and 4,075 more"), message);
    }

    @Test
    void anOlderModelResumesOnTheComposedTextAndLearnsTheComposedLetters() {
        Corpus composed = new CorpusReader().fromBytes("cafe.txt",
                DECOMPOSED.repeat(10).getBytes(StandardCharsets.UTF_8));
        Vocabulary sameCharacters = new Vocabulary(composed.vocabulary().codePoints(), Normalization.NONE);
        assertNull(ResumeCheck.check(sameCharacters, null, composed));

        Vocabulary decomposed = Vocabulary.of(DECOMPOSED, Normalization.NONE);
        assertNull(ResumeCheck.check(decomposed, null, composed));
        VocabularyGrowth growth = VocabularyGrowth.of(decomposed, composed);
        assertTrue(growth.sentence().contains("'é' (U+00E9)"), growth.sentence());
        assertEquals(decomposed.indexOf('e'), growth.vocabulary().indexOf('e'), "old characters keep their index");
    }
}
