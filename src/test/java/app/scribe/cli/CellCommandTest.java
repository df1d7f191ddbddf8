package app.scribe.cli;

import app.scribe.TestCorpora;
import app.scribe.model.CellType;
import app.scribe.persistence.ModelFile;
import app.scribe.persistence.ModelZip;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static app.scribe.cli.ScribeCommandTest.Result;
import static app.scribe.cli.ScribeCommandTest.assertBadInput;
import static app.scribe.cli.ScribeCommandTest.scribe;
import static app.scribe.cli.ScribeCommandTest.train;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** train --cell: every cell trains, generates, resumes and is recorded; bad cells and bad files are refused. */
class CellCommandTest {
    @TempDir
    static Path dir;
    static Path corpus;

    @BeforeAll
    static void book() throws IOException {
        corpus = TestCorpora.shakespeare(dir, "shakespeare.txt", 20_000);
    }

    @Test
    void everyCellTrainsGeneratesAndResumes() {
        for (CellType cell : CellType.values()) {
            Path out = dir.resolve(cell.id() + ".scribe");
            Result r = train(corpus, out, "--steps", "3", "--cell", cell.id());
            assertEquals(0, r.code(), r.err());
            assertEquals(cell, new ModelFile().load(out).model().hyperparameters().cell());
            Result g = scribe("generate", "--model", out.toString(), "--prompt", "ROMEO", "--length", "20");
            assertEquals(0, g.code(), g.err());
            assertTrue(g.out().startsWith("ROMEO"), g.out());
            Result resumed = scribe("train", "--corpus", corpus.toString(), "--out", out.toString(), "--resume",
                    out.toString(), "--steps", "2");
            assertEquals(0, resumed.code(), resumed.err());
            assertTrue(resumed.out().contains("at step 5"), resumed.out());
            assertEquals(cell, new ModelFile().load(out).model().hyperparameters().cell());
        }
    }

    @Test
    void anUnknownCellOrADl4jCellOtherThanLstmIsRefused() {
        Path out = dir.resolve("refused.scribe");
        assertBadInput(train(corpus, out, "--cell", "transformer"), "--cell must be one of lstm, gru, rnn");
        assertBadInput(train(corpus, out, "--cell", "gru", "--engine", "dl4j"), "LSTM cells only");
        assertFalse(Files.exists(out), "nothing was saved");
    }

    @Test
    void benchRefusesAnUnknownCellAndTheTimeGatedCellForThePeer() {
        assertBadInput(scribe("bench", "--corpus", corpus.toString(), "--cell", "quantum"),
                "--cell must be one of lstm, gru, rnn, tglstm (got 'quantum')");
        assertBadInput(scribe("bench", "--corpus", corpus.toString(), "--cell", "tglstm", "--peer"),
                "The PyTorch peer has no time-gated LSTM");
    }

    @Test
    void badLeaksAreRefused() {
        Path out = dir.resolve("leaky.scribe");
        assertBadInput(train(corpus, out, "--cell", "tglstm", "--leak", "2"), "Time gate leak must be between 0 and 1");
        assertBadInput(train(corpus, out, "--cell", "tglstm", "--leak", "-0.5"), "time gate leak");
        assertFalse(Files.exists(out), "nothing was saved");
    }

    @Test
    void aCellsOwnSettingIsAFlagRecordedInTheModelFile() {
        Path out = dir.resolve("leak.scribe");
        assertEquals(0, train(corpus, out, "--cell", "tglstm", "--leak", "0.25", "--steps", "1").code());
        assertEquals(0.25, new ModelFile().load(out).model().hyperparameters().cellOptions().get("leak"));
    }

    @Test
    void helpTextsNameEveryCellAndEveryCellSetting() {
        for (String[] command : new String[][]{{"train"}, {"bench"}, {"lab", "gradients"}, {"lab", "palindrome"},
                {"lab", "cells"}, {"lab", "optimizers"}}) {
            String[] help = Arrays.copyOf(command, command.length + 1);
            help[command.length] = "--help";
            String usage = scribe(help).out().replaceAll("\\s+", " ");
            assertTrue(usage.contains(CellType.ids()), String.join(" ", command) + ": " + usage);
        }
        String train = scribe("train", "--help").out().replaceAll("\\s+", " ");
        for (CellType cell : CellType.values()) {
            cell.settings().forEach(s -> assertTrue(train.contains("--" + s.key() + "=<" + s.key() + "> "
                    + s.help(cell)), train));
        }
        assertFalse(train.contains("LSTM units"), train);
    }

    @Test
    void aFileWithAnUnknownCellOrWrongShapesIsRefused() throws IOException {
        ModelZip gru = trained("gru");
        assertBadInput(scribe("generate", "--model", write("unknown-cell", gru.withManifest(
                m -> ((ObjectNode) m.get("hyperparameters")).put("cell", "QUANTUM")))),
                "holds a QUANTUM cell, which this version of Scribe does not know");
        assertBadInput(scribe("generate", "--model", write("wrong-shapes", gru.withManifest(
                m -> ((ObjectNode) m.get("hyperparameters")).put("cell", "LSTM")))), "weights '0_W' have shape");
    }

    @Test
    void aTimeGateWithoutAPeriodOrWithAnOpenRatioAboveOneIsRefused() throws IOException {
        ModelZip tglstm = trained("tglstm");
        assertBadInput(scribe("generate", "--model", write("no-period", tglstm.withFloat(entry(tglstm, "0_tau"), 2,
                0f))), "unit 2 has period tau = 0.0; it must be above 0");
        assertBadInput(scribe("eval", "--model", write("wide-open", tglstm.withFloat(entry(tglstm, "0_ron"), 1,
                1.5f)), "--text", corpus.toString()), "open ratio r_on = 1.5; it must be above 0 and at most 1");
    }

    private static ModelZip trained(String cell) throws IOException {
        Path file = dir.resolve("source-" + cell + ".scribe");
        assertEquals(0, train(corpus, file, "--steps", "1", "--cell", cell).code());
        return ModelZip.of(Files.readAllBytes(file));
    }

    private static String write(String name, ModelZip zip) throws IOException {
        return Files.write(dir.resolve(name + ".scribe"), zip.bytes()).toString();
    }

    /** The zip entry that holds the array of that name. */
    private static String entry(ModelZip zip, String array) throws IOException {
        for (JsonNode a : new ObjectMapper().readTree(zip.manifest()).get("arrays")) {
            if (a.get("name").asText().equals(array)) {
                return a.get("entry").asText();
            }
        }
        throw new AssertionError("no array " + array);
    }
}
