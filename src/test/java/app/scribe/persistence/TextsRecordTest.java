package app.scribe.persistence;

import app.scribe.ScribeException;
import app.scribe.TestCorpora;
import app.scribe.corpus.Corpus;
import app.scribe.corpus.CorpusReader;
import app.scribe.generation.Generator;
import app.scribe.generation.SamplingSettings;
import app.scribe.model.Engines;
import app.scribe.model.Hyperparameters;
import app.scribe.model.Optimizer;
import app.scribe.training.TrainingHistory;
import app.scribe.training.TrainingPlan;
import app.scribe.training.TrainingStart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model file records every text its model was trained on, in order, with the step each began at, and a vocabulary
 * grown by a later text in its own order; files written before (one {@code corpus}) read as trained on that alone.
 */
class TextsRecordTest {
    private static final Hyperparameters HP = new Hyperparameters(16, 1, 16, 8, Optimizer.ADAM, 5e-3, 0.95, 10_000,
            5, 0, 5);

    @TempDir
    Path dir;

    private final ModelFile files = new ModelFile();

    @Test
    void threeTextsAreRecordedInOrderAndAGrownVocabularyKeepsItsOrder() throws IOException {
        Corpus english = TestCorpora.shakespeareCorpus("en.txt", 20_000);
        Corpus dutch = new CorpusReader().fromBytes("nl.txt",
                TestCorpora.start("darwin_reis_om_de_wereld_nl.txt", 30_000));
        TrainingStart.Subject subject = TrainingStart.create(Engines.DEFAULT, HP, english);
        new TrainingStart(subject, english, TrainingPlan.forSteps(10)).run();
        TrainingStart.Continued onDutch = TrainingStart.resume(subject, dutch, note -> { });
        new TrainingStart(onDutch.subject(), onDutch.corpus(), TrainingPlan.forSteps(20)).run();
        Path file = dir.resolve("nl.scribe");
        save(onDutch.subject(), file);

        SavedModel loaded = files.load(file);
        assertArrayEquals(onDutch.subject().vocabulary().codePoints(), loaded.vocabulary().codePoints(),
                "the grown vocabulary in its own order");
        assertEquals(onDutch.subject().vocabulary(), loaded.vocabulary());
        assertEquals(write(onDutch.subject().model(), onDutch.subject()), write(loaded.model(), onDutch.subject()));
        assertEquals(List.of(0L, 10L), loaded.history().texts().stream().map(TrainingHistory.Text::fromStep).toList());
        assertEquals("nl.txt", loaded.corpus().name(), "corpus: the last text");

        TrainingStart.Continued back = TrainingStart.resume(new TrainingStart.Subject(loaded.model(),
                loaded.vocabulary(), loaded.corpus(), loaded.history()), english, note -> { });
        assertTrue(!back.growth().grows(), "English brings nothing new now");
        new TrainingStart(back.subject(), back.corpus(), TrainingPlan.forSteps(25)).run();
        Path again = dir.resolve("en-again.scribe");
        save(back.subject(), again);
        List<TrainingHistory.Text> texts = files.load(again).history().texts();
        assertEquals(List.of("en.txt", "nl.txt", "en.txt"), texts.stream().map(t -> t.corpus().name()).toList());
        assertEquals(List.of(0L, 10L, 20L), texts.stream().map(TrainingHistory.Text::fromStep).toList());
        assertEquals("en.txt → nl.txt → en.txt", files.summary(again).book(), "the models list shows them in order");
        String manifest = manifest(again);
        assertTrue(manifest.contains("\"texts\" : [") && manifest.contains("\"fromStep\" : 20"), manifest);
    }

    @Test
    void anOlderFileWasTrainedOnItsCorpusAlone() throws URISyntaxException, IOException {
        SavedModel old = files.load(Path.of(getClass().getResource("/models/format-v1.scribe").toURI()));
        List<TrainingHistory.Text> texts = old.history().texts();
        assertEquals(1, texts.size());
        assertEquals(0, texts.get(0).fromStep());
        assertEquals(old.corpus(), texts.get(0).corpus());
        Path resaved = dir.resolve("v1-again.scribe");
        files.save(old, resaved);
        assertEquals(texts, files.load(resaved).history().texts());
        assertTrue(manifest(resaved).contains("\"formatVersion\" : 5"));
    }

    @Test
    void anEmptyListOfTextsIsDamage() throws IOException {
        Corpus english = TestCorpora.shakespeareCorpus("en.txt", 20_000);
        TrainingStart.Subject subject = TrainingStart.create(Engines.DEFAULT, HP, english);
        Path file = dir.resolve("m.scribe");
        save(subject, file);
        Path damaged = Files.write(dir.resolve("texts.scribe"),
                ModelZip.of(Files.readAllBytes(file)).withManifest(m -> m.putArray("texts")).bytes());
        ScribeException e = assertThrows(ScribeException.class, () -> files.load(damaged));
        assertTrue(e.getMessage().contains("texts.scribe") && e.getMessage().contains("texts it was trained on"),
                e.getMessage());
    }

    private void save(TrainingStart.Subject s, Path file) {
        files.save(new SavedModel(s.model(), s.vocabulary(), s.corpus(), s.history()), file);
    }

    private static String write(app.scribe.model.CharModel model, TrainingStart.Subject s) {
        return new Generator(model, s.vocabulary()).generate("de ", 60, SamplingSettings.plain(), 9, c -> { },
                () -> false);
    }

    private static String manifest(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return new String(zip.getInputStream(zip.getEntry("manifest.json")).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
