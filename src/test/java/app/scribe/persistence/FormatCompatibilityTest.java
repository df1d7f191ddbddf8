package app.scribe.persistence;

import app.scribe.corpus.Normalization;
import app.scribe.corpus.TextMapper;
import app.scribe.model.CellOptions;
import app.scribe.model.CellType;
import app.scribe.generation.Generator;
import app.scribe.generation.SamplingSettings;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every released model format stays loadable: the committed file of format version 1 (a 1 x 32 LSTM trained 400
 * steps on Tiny Shakespeare) and one file of format version 2 per cell (1 x 32, 300 steps with Adam 1e-2 on the
 * same text, {@code train --cell C}) must load with their settings, history and behaviour.
 */
class FormatCompatibilityTest {
    private static SavedModel load(String resource) throws URISyntaxException {
        return new ModelFile().load(Path.of(FormatCompatibilityTest.class.getResource(resource).toURI()));
    }

    private static String write(SavedModel saved, SamplingSettings sampler) {
        return new Generator(saved.model(), saved.vocabulary())
                .generate("First ", 30, sampler, 1, c -> { }, () -> false);
    }

    @Test
    void formatVersionOneLoadsForever() throws URISyntaxException {
        SavedModel saved = load("/models/format-v1.scribe");
        assertEquals(CellType.LSTM, saved.model().hyperparameters().cell());
        assertEquals(32, saved.model().hyperparameters().hiddenSize());
        assertEquals(1, saved.model().hyperparameters().layers());
        assertEquals(58, saved.vocabulary().size());
        assertEquals(Normalization.NONE, saved.vocabulary().normalization(), "written before text was normalised");
        assertEquals(TextMapper.KEEP, saved.vocabulary().mapper(), "written before cleaning: kept as is");
        assertEquals(400, saved.history().step());
        assertEquals(20, saved.history().validationLoss().size());
        assertEquals("ts30k.txt", saved.corpus().name());
        assertEquals("the the the the the the the th", write(saved, SamplingSettings.greedy()));
    }

    /** Greedy text and, as every probability counts there, text sampled at temperature 1 with seed 1. */
    @ParameterizedTest
    @CsvSource({
            "lstm, 'the the the the the the the th', 'mow koun the me prou an fars\ny'",
            "gru, 'the the the the the the the th', 'lowe, wher on netisr Tham llay'",
            "rnn, 'Sene the for the for the for t', 'Voweered the lfarsit I an so y'",
            "tglstm, 'he the out he the the on he th', 'hoveenr:\neireeA nslt an e mo y'"})
    void formatVersionTwoLoadsEveryCell(String cell, String greedy, String sampled) throws URISyntaxException {
        SavedModel saved = load("/models/format-v2-" + cell + ".scribe");
        assertEquals(CellType.parse(cell), saved.model().hyperparameters().cell());
        assertEquals(32, saved.model().hyperparameters().hiddenSize());
        assertEquals(300, saved.history().step());
        assertEquals(TextMapper.KEEP, saved.vocabulary().mapper(), "written before cleaning: kept as is");
        assertEquals(greedy, write(saved, SamplingSettings.greedy()));
        assertEquals(sampled, write(saved, SamplingSettings.plain().withTemperature(1.0)));
    }

    /** Format 2 and 3 kept the tglstm's leak as {@code timeGateLeak}; it loads as the cell's own setting. */
    @Test
    void theTimeGateLeakOfFormatTwoBecomesTheCellsOwnSetting(@TempDir Path dir) throws Exception {
        byte[] original = Files.readAllBytes(Path.of(getClass().getResource("/models/format-v2-tglstm.scribe").toURI()));
        Path leaky = Files.write(dir.resolve("leaky.scribe"), ModelZip.of(original)
                .withManifest(m -> ((ObjectNode) m.get("hyperparameters")).put("timeGateLeak", 0.25)).bytes());
        SavedModel saved = new ModelFile().load(leaky);
        assertEquals(0.25, saved.model().hyperparameters().cellOptions().get("leak"));
        assertEquals(0.0, saved.model().hyperparameters().cellOptions().get("origin"), "trained on the text's clock");
        CellOptions plain = load("/models/format-v2-tglstm.scribe").model().hyperparameters().cellOptions();
        assertEquals(CellOptions.NONE.with("leak", 0).with("origin", 0), plain, "the old maths and defaults");
        assertEquals(CellOptions.NONE, load("/models/format-v2-lstm.scribe").model().hyperparameters().cellOptions());
        Path resaved = dir.resolve("resaved.scribe");
        new ModelFile().save(saved, resaved);
        assertEquals(saved.model().hyperparameters(), new ModelFile().load(resaved).model().hyperparameters());
    }
}
