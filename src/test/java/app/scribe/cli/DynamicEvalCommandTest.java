package app.scribe.cli;

import app.scribe.TestCorpora;
import app.scribe.cli.ScribeCommandTest.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;

import static app.scribe.cli.ScribeCommandTest.assertBadInput;
import static app.scribe.cli.ScribeCommandTest.scribe;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code eval --dynamic}: a model trained on the start of a play scores the next part of the play better when it
 * keeps learning from it, and its file stays exactly as it was.
 */
class DynamicEvalCommandTest {
    @TempDir
    static Path dir;
    static Path model;
    static Path text;

    @BeforeAll
    static void trainOnce() throws IOException {
        byte[] play = TestCorpora.shakespeare(40_000);
        Path corpus = Files.write(dir.resolve("start.txt"), Arrays.copyOf(play, 30_000));
        text = Files.write(dir.resolve("next.txt"), Arrays.copyOfRange(play, 30_000, 36_000));
        model = dir.resolve("small.scribe");
        Result r = scribe("train", "--corpus", corpus.toString(), "--out", model.toString(), "--hidden", "32",
                "--layers", "1", "--seq", "32", "--batch", "16", "--lr", "5e-3", "--steps", "150", "--no-best");
        assertEquals(0, r.code(), r.err());
    }

    private static double nats(Result r) {
        assertEquals(0, r.code(), r.err());
        String line = r.outLines().stream().filter(l -> l.startsWith("nats=")).findFirst().orElseThrow();
        return Double.parseDouble(line.substring(5));
    }

    @Test
    void learningWhileScoringLowersTheLossAndLeavesTheFileAlone() throws IOException {
        byte[] before = Files.readAllBytes(model);
        FileTime modified = Files.getLastModifiedTime(model);
        double plain = nats(scribe("eval", "--model", model.toString(), "--text", text.toString()));
        Result dynamic = scribe("eval", "--model", model.toString(), "--text", text.toString(), "--dynamic-rate",
                "2e-3");
        double learnt = nats(dynamic);
        assertTrue(dynamic.out().contains("dynamic: rate 0.002"), dynamic.out());
        assertTrue(learnt < plain - 0.02, "dynamic " + learnt + " against plain " + plain);
        double again = nats(scribe("eval", "--model", model.toString(), "--text", text.toString()));
        assertEquals(plain, again, 0.0, "the plain score after a dynamic one");
        assertArrayEquals(before, Files.readAllBytes(model), "the model file after dynamic evaluation");
        assertEquals(modified, Files.getLastModifiedTime(model));
        assertTrue(nats(scribe("eval", "--model", model.toString(), "--text", text.toString(), "--dynamic")) > 0);
    }

    @Test
    void badRatesAreRefused() {
        String[] base = {"eval", "--model", model.toString(), "--text", text.toString(), "--dynamic-rate"};
        assertBadInput(scribe(ScribeCommandTest.concat(base, new String[]{"0"})), "rate must be above 0");
        assertBadInput(scribe(ScribeCommandTest.concat(base, new String[]{"2"})), "at most 1");
        assertBadInput(scribe(ScribeCommandTest.concat(base, new String[]{"-1e-3"})), "rate must be above 0");
        assertBadInput(scribe(ScribeCommandTest.concat(base, new String[]{"x"})), "--dynamic-rate");
        assertBadInput(scribe(ScribeCommandTest.concat(base, new String[]{"NaN"})), "rate must be above 0");
    }
}
