package app.scribe.persistence;

import app.scribe.ScribeException;
import app.scribe.corpus.Cleaning;
import app.scribe.corpus.Corpus;
import app.scribe.corpus.CorpusInfo;
import app.scribe.corpus.CorpusReader;
import app.scribe.corpus.RecordFormat;
import app.scribe.corpus.RecordTexts;
import app.scribe.model.Engines;
import app.scribe.model.Hyperparameters;
import app.scribe.model.ParameterSet;
import app.scribe.training.TrainingHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model file records whether a model was trained on records (format 5); older files never were. */
class RecordsModeTest {
    @TempDir
    Path dir;

    private static SavedModel recordsModel(RecordFormat format, String text) {
        Corpus corpus = new CorpusReader().fromBytes("list.txt", text.getBytes(StandardCharsets.UTF_8), Cleaning.KEEP,
                format);
        Hyperparameters hp = new Hyperparameters(8, 1, 12, 4, app.scribe.model.Optimizer.ADAM, 1e-2, 0.95, 1000, 5, 0,
                3);
        return new SavedModel(Engines.create(Engines.DEFAULT, corpus.vocabulary().size(), hp), corpus.vocabulary(),
                CorpusInfo.of(corpus), new TrainingHistory());
    }

    @Test
    void theRecordModeSurvivesASaveAndALoad() {
        SavedModel saved = recordsModel(RecordFormat.of("%"), RecordTexts.quotations(6000));
        Path file = dir.resolve("quotes.scribe");
        new ModelFile().save(saved, file);
        CorpusInfo.RecordsInfo records = new ModelFile().load(file).corpus().records();
        assertEquals(saved.corpus().records(), records);
        assertEquals(RecordFormat.of("%"), records.format());
        assertEquals(RecordFormat.MARK, records.mark());
        assertTrue(records.count() > 10 && records.longest() > 20, records::toString);
    }

    @Test
    void aModelOfOneStreamHasNoRecordMode() {
        Corpus corpus = new CorpusReader().fromBytes("s.txt", RecordTexts.speeches(4000).getBytes(StandardCharsets.UTF_8));
        assertNull(CorpusInfo.of(corpus).records());
    }

    @Test
    void aFileOfFormat4IsNeverARecordsModelWhateverItsCorpusSays() throws IOException {
        SavedModel saved = recordsModel(RecordFormat.LINES, RecordTexts.words(6000));
        Path old = write(saved, "old.scribe", m -> m.replaceFirst("\"formatVersion\" : 5", "\"formatVersion\" : 4"));
        assertNull(new ModelFile().load(old).corpus().records());
        Path now = write(saved, "now.scribe", m -> m);
        assertEquals(saved.corpus().records(), new ModelFile().load(now).corpus().records());
    }

    @Test
    void aRecordModeWhoseMarkIsNotInTheVocabularyIsRefusedAsDamaged() throws IOException {
        SavedModel saved = recordsModel(RecordFormat.LINES, RecordTexts.words(6000));
        Path file = write(saved, "damaged.scribe", m -> m.replaceFirst("\"mark\" : 30", "\"mark\" : 7"));
        ScribeException e = assertThrows(ScribeException.class, () -> new ModelFile().load(file));
        assertTrue(e.getMessage().startsWith("damaged.scribe") && e.getMessage().contains("record mode is damaged"),
                e.getMessage());
    }

    /** {@code saved} written with its manifest edited as {@code edit} says. */
    private Path write(SavedModel saved, String name, UnaryOperator<String> edit) throws IOException {
        ParameterSet parameters = saved.model().parameters();
        List<Manifest.ArrayEntry> entries = new ArrayList<>();
        for (Map.Entry<String, ParameterSet.Array> e : parameters.arrays().entrySet()) {
            entries.add(new Manifest.ArrayEntry(e.getKey(), e.getValue().shape(), "arrays/" + entries.size() + ".f32"));
        }
        String manifest = new String(ManifestCodec.encode(saved, entries), StandardCharsets.UTF_8);
        assertTrue(manifest.contains("\"formatVersion\" : 5") && manifest.contains("\"records\""), manifest);
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            ModelContainer.write(out, edit.apply(manifest).getBytes(StandardCharsets.UTF_8), entries, parameters);
        }
        return file;
    }
}
