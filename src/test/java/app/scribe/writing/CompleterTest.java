package app.scribe.writing;

import app.scribe.TestCorpora;
import app.scribe.cli.ScribeCommand;
import app.scribe.corpus.Vocabulary;
import app.scribe.generation.SamplingSettings;
import app.scribe.model.Stepper;
import app.scribe.persistence.ModelFile;
import app.scribe.persistence.SavedModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The completion engine on a small model trained on Vanity Fair: the state follows edits, the searches rank. */
class CompleterTest {
    @TempDir
    static Path dir;
    static SavedModel saved;
    static String book;

    @BeforeAll
    static void train() throws IOException {
        book = Files.readString(TestCorpora.book("vanity_fair.txt")).substring(20_000, 60_000);
        Path corpus = Files.writeString(dir.resolve("vf.txt"), book);
        Path model = dir.resolve("vf.scribe");
        StringWriter err = new StringWriter();
        int code = ScribeCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "train", "--corpus",
                corpus.toString(), "--out", model.toString(), "--hidden", "32", "--layers", "2", "--seq", "32",
                "--batch", "16", "--lr", "1e-2", "--steps", "80");
        assertEquals(0, code, err.toString());
        saved = new ModelFile().load(model);
    }

    private static ReadingState freshRead(String text) {
        ReadingState state = new ReadingState(saved.model(), saved.vocabulary());
        state.readTo(text, () -> false);
        return state;
    }

    private static void assertSameState(ReadingState expected, ReadingState actual, String what) {
        assertArrayEquals(expected.next(), actual.next(), what + ": next-character distribution");
        int layers = saved.model().hyperparameters().layers();
        float[] a = new float[saved.model().hyperparameters().hiddenSize()];
        float[] b = a.clone();
        Stepper e = expected.branch();
        Stepper x = actual.branch();
        for (int layer = 0; layer < layers; layer++) {
            e.cellState(layer, a);
            x.cellState(layer, b);
            assertArrayEquals(a, b, what + ": cell state of layer " + layer);
        }
    }

    @Test
    void theIncrementalStateEqualsAFullReadAfterEveryKindOfEdit() {
        ReadingState incremental = new ReadingState(saved.model(), saved.vocabulary());
        SplittableRandom random = new SplittableRandom(3);
        StringBuilder text = new StringBuilder(book.substring(0, 700));
        incremental.readTo(text.toString(), () -> false);
        for (int edit = 0; edit < 40; edit++) {
            int at = random.nextInt(text.length() + 1);
            switch (edit % 4) {
                case 0 -> text.append(book.charAt(1000 + edit));
                case 1 -> text.insert(at, book.substring(2000 + edit, 2003 + edit));
                case 2 -> text.delete(at, Math.min(text.length(), at + 2));
                default -> text.setLength(Math.max(0, text.length() - 1));
            }
            incremental.readTo(text.toString(), () -> false);
            assertSameState(freshRead(text.toString()), incremental, "after edit " + edit);
        }
    }

    @Test
    void typingStepsOnlyTheNewCharactersAndAnEditStepsFromTheCheckpointBeforeIt() {
        ReadingState state = new ReadingState(saved.model(), saved.vocabulary());
        String text = book.substring(0, 1000);
        assertEquals(1000, state.readTo(text, () -> false));
        assertEquals(1 + 1000 / ReadingState.CHECKPOINT_INTERVAL, state.checkpoints());
        assertEquals(1, state.readTo(text + "a", () -> false), "one typed character, one step");
        String edited = text.substring(0, 900) + (text.charAt(900) == 'e' ? "a" : "e") + text.substring(901);
        int checkpoint = 900 / ReadingState.CHECKPOINT_INTERVAL * ReadingState.CHECKPOINT_INTERVAL;
        assertEquals(1000 - checkpoint, state.readTo(edited, () -> false), "from the checkpoint at " + checkpoint);
        assertSameState(freshRead(edited), state, "after the edit");
    }

    @Test
    void aCancelledReadLeavesAStateThatTheNextReadCompletes() {
        ReadingState state = new ReadingState(saved.model(), saved.vocabulary());
        int[] calls = {0};
        state.readTo(book.substring(0, 500), () -> ++calls[0] > 200);
        assertFalse(state.complete());
        state.readTo(book.substring(0, 500), () -> false);
        assertTrue(state.complete());
        assertSameState(freshRead(book.substring(0, 500)), state, "after the cancelled read");
    }

    @Test
    void anEditInTheMiddleGivesTheSuggestionOfReadingTheWholeTextFromTheStart() {
        Completer typing = new Completer(saved.model(), saved.vocabulary());
        String text = book.substring(0, 3000);
        typing.complete(text, Until.WORD, 3, CompletionSearch.greedy(), () -> false);
        String edited = text.substring(0, 1500) + "She said " + text.substring(1500);
        Completer.Suggestions afterEdit = typing.complete(edited, Until.WORD, 3, CompletionSearch.greedy(),
                () -> false);
        Completer.Suggestions fromStart = new Completer(saved.model(), saved.vocabulary())
                .complete(edited, Until.WORD, 3, CompletionSearch.greedy(), () -> false);
        assertEquals(fromStart.completions(), afterEdit.completions());
        assertTrue(afterEdit.stepped() < 1600, "stepped " + afterEdit.stepped());
    }

    @Test
    void completionsAreRankedTheirProbabilitiesSumToAtMostOneAndTheyEndWhereAsked() {
        Completer completer = new Completer(saved.model(), saved.vocabulary());
        List<CompletionSearch> searches = List.of(CompletionSearch.greedy(), CompletionSearch.beam(5),
                CompletionSearch.varied(SamplingSettings.plain().withTemperature(1.5).withTopP(0.95), 9));
        for (String text : List.of("It is a truth universally ", "She was very hap", "Becky", "")) {
            for (Until until : List.of(Until.WORD, Until.PHRASE, Until.characters(7))) {
                for (CompletionSearch search : searches) {
                    List<Completion> found = completer.complete(text, until, 5, search, () -> false).completions();
                    String what = "'" + text + "' until " + until + ": " + found;
                    assertFalse(found.isEmpty(), what);
                    double sum = 0;
                    for (int i = 0; i < found.size(); i++) {
                        sum += found.get(i).probability();
                        assertTrue(found.get(i).probability() > 0, what);
                        assertTrue(i == 0 || found.get(i - 1).probability() >= found.get(i).probability(), what);
                        assertEnds(found.get(i).text(), until, what);
                    }
                    assertTrue(sum <= 1 + 1e-9, what + " sums to " + sum);
                    assertEquals(found.size(), found.stream().map(Completion::text).distinct().count(), what);
                }
            }
        }
    }

    private static void assertEnds(String completion, Until until, String what) {
        switch (until.kind()) {
            case WORD -> assertTrue(completion.length() == Until.MAX_WORD
                    || completion.matches("(?s)[^\\p{L}\\p{N}'’]*[\\p{L}\\p{N}'’]+"), completion + " in " + what);
            case PHRASE -> assertTrue(completion.length() == Until.MAX_PHRASE
                    || completion.matches("(?s)[^.,;:!?]*[.,;:!?]?"), completion + " in " + what);
            case CHARACTERS -> assertEquals(until.characters(), completion.codePointCount(0, completion.length()),
                    what);
        }
    }

    @Test
    void greedyFollowsTheLikeliestCharacterAndBeamFindsAtLeastAsLikelyAWord() {
        Completer completer = new Completer(saved.model(), saved.vocabulary());
        String text = "It is a truth universally ";
        Completion greedy = completer.complete(text, Until.characters(6), 1, CompletionSearch.greedy(), () -> false)
                .completions().get(0);
        StringBuilder expected = new StringBuilder();
        float[] p = freshRead(text).next();
        Stepper stepper = freshRead(text).branch();
        double probability = 1;
        for (int i = 0; i < 6; i++) {
            int best = app.scribe.generation.SamplingSettings.argmax(p);
            probability *= p[best];
            expected.append(saved.vocabulary().charAt(best));
            p = stepper.step(best);
        }
        assertEquals(expected.toString(), greedy.text());
        assertEquals(probability, greedy.probability(), 1e-6);
        Completion beam = completer.complete(text, Until.WORD, 3, CompletionSearch.beam(8), () -> false)
                .completions().get(0);
        Completion greedyWord = completer.complete(text, Until.WORD, 1, CompletionSearch.greedy(), () -> false)
                .completions().get(0);
        assertTrue(beam.probability() >= greedyWord.probability() - 1e-12, beam + " vs " + greedyWord);
    }

    @Test
    void everyCellFollowsEditsAndSuggests() {
        for (String cell : List.of("lstm", "gru", "rnn", "tglstm")) {
            SavedModel model = new ModelFile().load(Path.of("src/test/resources/models/format-v2-" + cell + ".scribe"));
            String text = "It is a truth universally acknowledged, that a single man";
            Completer typing = new Completer(model.model(), model.vocabulary());
            typing.complete(text, Until.WORD, 3, CompletionSearch.greedy(), () -> false);
            String edited = text.replace("single", "young");
            List<Completion> afterEdit = typing.complete(edited, Until.WORD, 3, CompletionSearch.beam(3), () -> false)
                    .completions();
            List<Completion> fromStart = new Completer(model.model(), model.vocabulary())
                    .complete(edited, Until.WORD, 3, CompletionSearch.beam(3), () -> false).completions();
            assertEquals(fromStart, afterEdit, cell);
            assertFalse(afterEdit.isEmpty(), cell);
        }
    }

    @Test
    void unknownCharactersAreSkippedAndCounted() {
        Vocabulary vocabulary = saved.vocabulary();
        assertTrue(vocabulary.indexOf('ж') < 0);
        Completer completer = new Completer(saved.model(), vocabulary);
        Completer.Suggestions with = completer.complete("She was ж very hap", Until.WORD, 3,
                CompletionSearch.greedy(), () -> false);
        Completer.Suggestions without = new Completer(saved.model(), vocabulary).complete("She was  very hap",
                Until.WORD, 3, CompletionSearch.greedy(), () -> false);
        assertEquals(1, with.unknown());
        assertEquals(0, without.unknown());
        assertEquals(without.completions(), with.completions());
    }

    @Test
    void combiningAccentsArePutInTheModelsForm() {
        Completer completer = new Completer(saved.model(), saved.vocabulary());
        Completer.Suggestions composed = completer.complete("the caf\u00e9 ", Until.WORD, 3,
                CompletionSearch.greedy(), () -> false);
        Completer.Suggestions decomposed = completer.complete("the cafe\u0301 ", Until.WORD, 3,
                CompletionSearch.greedy(), () -> false);
        assertEquals(0, decomposed.stepped(), "the same text once composed: nothing new to read");
        assertEquals(composed.completions(), decomposed.completions());
        assertEquals(composed.unknown(), decomposed.unknown());
    }
}
