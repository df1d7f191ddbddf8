package app.scribe.training;

import app.scribe.ScribeException;
import app.scribe.TestCorpora;
import app.scribe.corpus.Cleaning;
import app.scribe.corpus.Corpus;
import app.scribe.corpus.CorpusInfo;
import app.scribe.corpus.CorpusReader;
import app.scribe.corpus.Vocabulary;
import app.scribe.engine.dl4j.Dl4jCharModel;
import app.scribe.generation.Generator;
import app.scribe.generation.SamplingSettings;
import app.scribe.model.CharModel;
import app.scribe.model.Engines;
import app.scribe.model.Hyperparameters;
import app.scribe.model.Optimizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model trained on English continued on Dutch, which has letters the English text lacks (ë, é, ï, …): its
 * vocabulary grows, its old characters keep their indices, it learns the new text, and it records both texts.
 */
class ContinuingTest {
    private static final Hyperparameters HP = new Hyperparameters(32, 1, 16, 16, Optimizer.RMSPROP, 5e-3, 0.95,
            10_000, 5, 0, 5);
    private static Corpus english;
    private static Corpus dutch;

    @BeforeAll
    static void read() {
        english = TestCorpora.shakespeareCorpus("shakespeare-30k.txt", 30_000);
        dutch = new CorpusReader().fromBytes("darwin-nl.txt",
                TestCorpora.start("darwin_reis_om_de_wereld_nl.txt", 60_000));
    }

    private static TrainingStart.Subject trainedOnEnglish(String engine) {
        TrainingStart.Subject subject = TrainingStart.create(engine, HP, english);
        new TrainingStart(subject, english, TrainingPlan.forSteps(60)).run();
        return subject;
    }

    @Test
    void aModelContinuedOnATextWithNewCharactersGrowsAndLearnsIt() {
        TrainingStart.Subject first = trainedOnEnglish(Engines.DEFAULT);
        Vocabulary before = first.vocabulary();
        List<String> notes = new ArrayList<>();
        TrainingStart.Continued continued = TrainingStart.resume(first, dutch, notes::add);

        assertTrue(continued.newText());
        assertTrue(notes.size() == 1 && notes.get(0).contains("darwin-nl.txt"), notes.toString());
        VocabularyGrowth growth = continued.growth();
        assertTrue(growth.grows());
        String sentence = growth.sentence();
        assertTrue(sentence.startsWith(growth.added().length + " new characters: '\"' (U+0022) '(' (U+0028)"), sentence);
        assertTrue(java.util.Arrays.stream(growth.added()).anyMatch(c -> c == 'ë'), sentence);
        Vocabulary grown = continued.subject().vocabulary();
        assertEquals(before.size() + growth.added().length, grown.size());
        assertEquals(grown.size(), continued.subject().model().vocabSize());
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.codePointAt(i), grown.codePointAt(i), "old characters keep their indices");
        }
        assertEquals(before.size(), grown.indexOf(growth.added()[0]), "new characters come after them");
        assertSame(grown, continued.corpus().vocabulary());
        assertEquals(dutch.length(), continued.corpus().length());
        assertEquals(dutch.preview().substring(0, 200), decode(continued.corpus(), 200), "the same text");

        TrainingStart start = new TrainingStart(continued.subject(), continued.corpus(), TrainingPlan.forSteps(160));
        start.trainer().setSchedule(LearningRateSchedule.from(TrainingStart.Continued.suggestedRate(HP, growth.added().length), 60, HP));
        start.run();
        List<TrainingHistory.Point> validation = start.trainer().history().validationLoss();
        double atStart = validation.stream().filter(p -> p.step() == 60).findFirst().orElseThrow().loss();
        double atEnd = validation.get(validation.size() - 1).loss();
        assertTrue(atEnd < atStart - 0.1, "the loss on the new text falls: " + atStart + " -> " + atEnd);

        List<TrainingHistory.Text> texts = start.trainer().history().texts();
        assertEquals(2, texts.size(), texts.toString());
        assertEquals(english.sha256(), texts.get(0).corpus().sha256());
        assertEquals(0, texts.get(0).fromStep());
        assertEquals(dutch.sha256(), texts.get(1).corpus().sha256());
        assertEquals(60, texts.get(1).fromStep());

        String written = new Generator(continued.subject().model(), grown).generate("de ", 200,
                SamplingSettings.plain(), 3, c -> { }, () -> false);
        assertEquals(200, written.codePointCount(0, written.length()), "a grown model writes");
    }

    private static String decode(Corpus corpus, int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append(corpus.vocabulary().charAt(corpus.indices()[i]));
        }
        return text.toString();
    }

    @Test
    void theSameTextOrOneOfKnownCharactersAddsNothing() {
        TrainingStart.Subject first = trainedOnEnglish(Engines.DEFAULT);
        TrainingStart.Continued same = TrainingStart.resume(first, english, note -> { });
        assertFalse(same.newText());
        assertFalse(same.growth().grows());
        assertNull(same.growth().sentence());
        assertSame(english, same.corpus(), "the text is used as it was read");
        assertSame(first.model(), same.subject().model(), "the model itself continues");
    }

    @Test
    void aRarePlaceholderOfTheNewTextBecomesTheModels() {
        Cleaning rare = new Cleaning(false, false, 10);
        Corpus cleanedEnglish = new CorpusReader().fromBytes("en.txt", TestCorpora.shakespeare(30_000), rare);
        Corpus cleanedDutch = new CorpusReader().fromBytes("nl.txt",
                TestCorpora.start("darwin_reis_om_de_wereld_nl.txt", 60_000), rare);
        assertTrue(cleanedEnglish.vocabulary().mapper().hasPlaceholder(), "Shakespeare has rare characters");
        assertTrue(cleanedDutch.vocabulary().mapper().hasPlaceholder());
        VocabularyGrowth growth = VocabularyGrowth.of(cleanedEnglish.vocabulary(), cleanedDutch);
        int placeholder = cleanedEnglish.vocabulary().mapper().placeholder();
        assertEquals(cleanedEnglish.vocabulary().mapper(), growth.vocabulary().mapper());
        for (int added : growth.added()) {
            assertTrue(added != cleanedDutch.vocabulary().mapper().placeholder() || added == placeholder,
                    "the Dutch text's rare characters are the model's placeholder");
        }
        long rareInDutch = cleanedDutch.counts()[cleanedDutch.vocabulary().indexOf(
                cleanedDutch.vocabulary().mapper().placeholder())];
        assertEquals(rareInDutch, growth.corpus().counts()[growth.vocabulary().indexOf(placeholder)]);
    }

    @Test
    void aDl4jModelContinuesOnItsOwnCharactersButRefusesNewOnesWithASentence() {
        TrainingStart.Subject first = new TrainingStart.Subject(new Dl4jCharModel(english.vocabulary().size(), HP),
                english.vocabulary(), CorpusInfo.of(english), new TrainingHistory());
        assertSame(first.model(), TrainingStart.resume(first, english, note -> { }).subject().model());
        ScribeException e = assertThrows(ScribeException.class, () -> TrainingStart.resume(first, dutch, note -> { }));
        assertTrue(e.getMessage().contains("dl4j engine cannot learn new characters"), e.getMessage());
    }

    @Test
    void aContinuedRateDecaysFromItsOwnStart() {
        LearningRateSchedule schedule = LearningRateSchedule.from(1e-3, 4870, HP);
        assertEquals(1e-3, schedule.rate(4870, 0), 0);
        assertEquals(1e-3, schedule.rate(4870 + 9_999, 0.5), 0);
        assertEquals(1e-3 * 0.95, schedule.rate(4870 + 10_000, 0.5), 1e-15);
        CharModel unused = Engines.create(Engines.DEFAULT, 3, HP);
        assertNotNull(unused);
    }

    /** A text like the model's own continues at a third of its rate; one with many new characters at its own. */
    @Test
    void theSuggestedRateIsAThirdUnlessTheTextBringsManyNewCharacters() {
        assertEquals(1.67e-3, TrainingStart.Continued.suggestedRate(HP, 0), 1e-12, "a third of 5e-3");
        assertEquals(1.67e-3, TrainingStart.Continued.suggestedRate(HP,
                TrainingStart.Continued.MANY_NEW_CHARACTERS - 1), 1e-12);
        assertEquals(5e-3, TrainingStart.Continued.suggestedRate(HP, TrainingStart.Continued.MANY_NEW_CHARACTERS),
                1e-12, "the model's own");
    }
}
