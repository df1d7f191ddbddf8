package app.scribe.cli;

import app.scribe.TestCorpora;
import app.scribe.cli.ScribeCommandTest.Result;
import app.scribe.corpus.CorpusInfo;
import app.scribe.corpus.Vocabulary;
import app.scribe.model.Engines;
import app.scribe.model.Hyperparameters;
import app.scribe.persistence.ModelFile;
import app.scribe.persistence.SavedModel;
import app.scribe.training.TrainingHistory;
import app.scribe.writing.Completer;
import app.scribe.writing.CompletionSearch;
import app.scribe.writing.Until;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static app.scribe.cli.ScribeCommandTest.assertBadInput;
import static app.scribe.cli.ScribeCommandTest.scribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code complete} command on a small trained model: its lines, its agreement with the engine, bad input. */
class CompleteCommandTest {
    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void trainOnce() throws IOException {
        String book = Files.readString(TestCorpora.book("vanity_fair.txt")).substring(20_000, 50_000);
        Path corpus = Files.writeString(dir.resolve("vf.txt"), book);
        model = dir.resolve("vf.scribe");
        Result r = scribe("train", "--corpus", corpus.toString(), "--out", model.toString(), "--hidden", "32",
                "--layers", "1", "--seq", "32", "--batch", "16", "--lr", "1e-2", "--steps", "60");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void printsTheLikeliestCompletionsFirstAsTheEngineFindsThemAndTheLatency() {
        String text = "It is a truth universally ";
        Result r = scribe("complete", "--model", model.toString(), "--text", text, "--n", "4");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.outLines();
        assertEquals(5, lines.size(), r.out());
        assertTrue(lines.get(4).matches("latency_ms=\\d+\\.\\d+"), lines.get(4));
        SavedModel saved = new ModelFile().load(model);
        var expected = new Completer(saved.model(), saved.vocabulary())
                .complete(text, Until.WORD, 4, CompletionSearch.greedy(), () -> false).completions();
        double previous = 1;
        for (int i = 0; i < 4; i++) {
            String[] fields = lines.get(i).split("\t", -1);
            assertEquals(2, fields.length, lines.get(i));
            double probability = Double.parseDouble(fields[0]);
            assertTrue(probability <= previous, r.out());
            previous = probability;
            assertEquals(String.format(Locale.ROOT, "%.6f", expected.get(i).probability()), fields[0]);
            assertEquals(expected.get(i).text(), fields[1]);
        }
    }

    @Test
    void readsTheTextFromAFileAndStopsWhereAsked() throws IOException {
        Path text = Files.writeString(dir.resolve("start.txt"), "She was very hap");
        Result fromFile = scribe("complete", "--model", model.toString(), "--text-file", text.toString(), "--n",
                "2", "--until", "5");
        Result inline = scribe("complete", "--model", model.toString(), "--text", "She was very hap", "--n", "2",
                "--until", "5");
        assertEquals(0, fromFile.code(), fromFile.err());
        assertEquals(inline.outLines().subList(0, 2), fromFile.outLines().subList(0, 2));
        for (String line : fromFile.outLines().subList(0, 2)) {
            assertEquals(5, line.split("\t", -1)[1].replace("\\n", "\n").length(), line);
        }
        Result beam = scribe("complete", "--model", model.toString(), "--text", "She was very hap", "--until",
                "phrase", "--beam", "4");
        assertEquals(0, beam.code(), beam.err());
        assertTrue(beam.outLines().size() >= 2, beam.out());
    }

    @Test
    void unknownCharactersAreSkippedWithAWarning() {
        Result r = scribe("complete", "--model", model.toString(), "--text", "She said ж");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith("warning: skipped 1 characters the model does not know: 'ж' (U+0436)"),
                r.err());
        assertEquals(4, r.outLines().size(), r.out());
    }

    @Test
    void badInputIsOneErrorLine() throws IOException {
        String m = model.toString();
        assertBadInput(scribe("complete", "--model", m), "--text");
        assertBadInput(scribe("complete", "--model", m, "--text", "a", "--text-file", "b.txt"), "Give either --text or --text-file, not both.");
        assertBadInput(scribe("complete", "--model", m, "--text", "a", "--until", "sentence"), "--until");
        assertBadInput(scribe("complete", "--model", m, "--text", "a", "--until", "0"), "--until");
        assertBadInput(scribe("complete", "--model", m, "--text", "a", "--n", "0"), "--n");
        assertBadInput(scribe("complete", "--model", m, "--text", "a", "--beam", "3", "--temperature", "2"),
                "--beam");
        assertBadInput(scribe("complete", "--model", m, "--text", "a", "--temperature", "0"), "Temperature");
        assertBadInput(scribe("complete", "--model", m, "--text-file", dir.resolve("missing.txt").toString()),
                "does not exist");
        assertBadInput(scribe("complete", "--model", dir.resolve("none.scribe").toString(), "--text", "a"),
                "none.scribe");

        Vocabulary vocabulary = Vocabulary.of("abc ");
        Hyperparameters hp = Hyperparameters.defaults();
        Path untrained = dir.resolve("untrained.scribe");
        new ModelFile().save(new SavedModel(Engines.create(Engines.DEFAULT, vocabulary.size(), hp), vocabulary,
                new CorpusInfo("abc.txt", "0".repeat(64), 4, 4), new TrainingHistory()), untrained);
        assertBadInput(scribe("complete", "--model", untrained.toString(), "--text", "a"), "not been trained");
    }
}
