package app.scribe.cli;

import app.scribe.TestCorpora;
import app.scribe.cli.ScribeCommandTest.Result;
import app.scribe.corpus.Batch;
import app.scribe.corpus.BatchSource;
import app.scribe.corpus.Corpus;
import app.scribe.corpus.CorpusReader;
import app.scribe.corpus.ValidationText;
import app.scribe.persistence.ModelFile;
import app.scribe.persistence.SavedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static app.scribe.cli.ScribeCommandTest.assertBadInput;
import static app.scribe.cli.ScribeCommandTest.scribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code train --val FILE}: validation on a text the user gives, all of it, the corpus trained on whole. */
class ValidationTextCommandTest {
    @TempDir
    Path dir;

    @Test
    void theValidationLossIsTheModelsLossOnTheGivenText() throws IOException {
        byte[] play = Files.readAllBytes(TestCorpora.book(TestCorpora.SHAKESPEARE));
        Path corpus = Files.write(dir.resolve("head.txt"), Arrays.copyOf(play, 20_000));
        // The tail, with a character the head lacks: it is left out with a warning.
        String tail = new String(Arrays.copyOfRange(play, 20_000, 22_000), java.nio.charset.StandardCharsets.US_ASCII);
        Path validation = Files.writeString(dir.resolve("tail.txt"), tail + "\u20ac");
        Path model = dir.resolve("m.scribe");
        Result r = scribe("train", "--corpus", corpus.toString(), "--val", validation.toString(), "--out",
                model.toString(), "--hidden", "16", "--layers", "1", "--seq", "20", "--batch", "8", "--steps", "15");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith("warning: validation skips 1 characters"), r.err());
        assertTrue(r.out().contains("validation " + validation + ": 2,000 characters"), r.out());
        List<String> lines = r.outLines();
        double printed = Double.parseDouble(lines.get(lines.size() - 1).substring("val_loss=".length()));

        SavedModel saved = new ModelFile().load(model);
        Corpus read = new CorpusReader().read(corpus);
        char[] indices = ValidationText.read(validation, read.vocabulary()).indices();
        double total = 0;
        long count = 0;
        for (Batch batch : new BatchSource(read, 20, 8, indices).validationBatches()) {
            int n = batch.batchSize() * batch.seqLength();
            total += saved.model().loss(batch) * n;
            count += n;
        }
        assertEquals(total / count, printed, 1e-4);
    }

    @Test
    void aMissingOrTooShortValidationTextIsRefused() throws IOException {
        byte[] play = Files.readAllBytes(TestCorpora.book(TestCorpora.SHAKESPEARE));
        Path corpus = Files.write(dir.resolve("head.txt"), Arrays.copyOf(play, 5_000));
        String out = dir.resolve("m.scribe").toString();
        assertBadInput(scribe("train", "--corpus", corpus.toString(), "--out", out, "--steps", "2", "--val",
                dir.resolve("none.txt").toString()), "none.txt");
        Path tiny = Files.writeString(dir.resolve("tiny.txt"), "First");
        assertBadInput(scribe("train", "--corpus", corpus.toString(), "--out", out, "--steps", "2", "--val",
                tiny.toString()), "too short for sequences of 30");
        assertTrue(Files.notExists(Path.of(out)));
    }
}
