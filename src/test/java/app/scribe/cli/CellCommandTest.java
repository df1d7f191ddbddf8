package app.scribe.cli;

import app.scribe.model.CellType;
import app.scribe.persistence.ManifestEdit;
import app.scribe.persistence.ModelFile;
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
        byte[] text = Arrays.copyOf(Files.readAllBytes(Path.of("../shared/corpora/tiny_shakespeare.txt")), 20_000);
        corpus = Files.write(dir.resolve("shakespeare.txt"), text);
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
    void aFileWithAnUnknownCellOrWrongShapesIsRefused() throws IOException {
        Path gru = dir.resolve("source-gru.scribe");
        assertEquals(0, train(corpus, gru, "--steps", "1", "--cell", "gru").code());
        Path unknown = ManifestEdit.copy(gru, dir.resolve("unknown-cell.scribe"),
                m -> m.replace("\"cell\" : \"GRU\"", "\"cell\" : \"QUANTUM\""));
        assertBadInput(scribe("generate", "--model", unknown.toString()),
                "holds a QUANTUM cell, which this version of Scribe does not know");
        Path shapes = ManifestEdit.copy(gru, dir.resolve("wrong-shapes.scribe"),
                m -> m.replace("\"cell\" : \"GRU\"", "\"cell\" : \"LSTM\""));
        assertBadInput(scribe("generate", "--model", shapes.toString()), "weights '0_W' have shape");
    }
}
