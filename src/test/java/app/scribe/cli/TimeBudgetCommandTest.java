package app.scribe.cli;

import app.scribe.TestCorpora;
import app.scribe.cli.ScribeCommandTest.Result;
import app.scribe.model.Hyperparameters;
import app.scribe.persistence.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static app.scribe.cli.ScribeCommandTest.assertBadInput;
import static app.scribe.cli.ScribeCommandTest.scribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code train --minutes M}: the model chosen for the time ({@code --size auto}) unless sizes are given. */
class TimeBudgetCommandTest {
    @TempDir
    Path dir;

    private Path corpus() throws IOException {
        byte[] play = Files.readAllBytes(TestCorpora.book(TestCorpora.SHAKESPEARE));
        return Files.write(dir.resolve("play.txt"), Arrays.copyOf(play, 20_000));
    }

    @Test
    void aTimeAloneChoosesTheModelAndSaysWhy() throws IOException {
        Path model = dir.resolve("auto.scribe");
        Result r = scribe("train", "--corpus", corpus().toString(), "--out", model.toString(), "--minutes", "0.25",
                "--seed", "9");
        assertEquals(0, r.code(), r.err());
        String line = r.out().lines().filter(l -> l.startsWith("auto size for ")).findFirst().orElseThrow();
        assertTrue(line.contains("measured just now") && line.contains("warm-up steps"), line);
        Hyperparameters hp = new ModelFile().load(model).model().hyperparameters();
        assertTrue(line.contains(": 2 x " + hp.hiddenSize() + " lstm"), line);
        assertEquals(9, hp.seed());
        assertTrue(r.out().matches("(?s).*reached the time limit of 0\\.\\d{1,4} minutes.*"), r.out());
    }

    @Test
    void sizeFlagsKeepTheManualModel() throws IOException {
        Path model = dir.resolve("manual.scribe");
        Result r = scribe("train", "--corpus", corpus().toString(), "--out", model.toString(), "--minutes", "0.02",
                "--hidden", "24", "--layers", "1");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("auto size"), r.out());
        assertEquals(24, new ModelFile().load(model).model().hyperparameters().hiddenSize());
    }

    @Test
    void contradictoryBudgetsAreRefused() throws IOException {
        String c = corpus().toString();
        String o = dir.resolve("refused.scribe").toString();
        assertBadInput(scribe("train", "--corpus", c, "--out", o, "--size", "auto", "--minutes", "1", "--hidden", "64",
                "--dropout", "0.1"), "--size auto chooses --hidden, --dropout itself");
        assertBadInput(scribe("train", "--corpus", c, "--out", o, "--size", "auto"), "give --minutes");
        assertBadInput(scribe("train", "--corpus", c, "--out", o, "--size", "auto", "--minutes", "1", "--steps", "5"),
                "give --minutes and no --steps");
        assertBadInput(scribe("train", "--corpus", c, "--out", o, "--size", "big", "--minutes", "1"),
                "--size must be auto or manual");
        assertFalse(Files.exists(Path.of(o)));
    }

    @Test
    void theQualityBenchScoresTheLastTenthAfterTrainingOnTheRest() throws IOException {
        Result r = scribe("bench", "--quality", "--corpus", corpus().toString(), "--minutes", "0.25");
        assertEquals(0, r.code(), r.err());
        java.util.List<String> lines = r.outLines();
        assertEquals("quality play.txt: 20,000 characters, training on the first 18,000, scoring the last 2,000",
                lines.get(0));
        assertTrue(lines.get(1).startsWith("auto size for "), lines.get(1));
        assertTrue(lines.get(lines.size() - 2).matches("quality_nats=\\d\\.\\d{4}"), r.out());
        double nats = Double.parseDouble(lines.get(lines.size() - 2).substring("quality_nats=".length()));
        double bits = Double.parseDouble(lines.get(lines.size() - 1).substring("quality_bpc=".length()));
        assertEquals(nats, bits * Math.log(2), 2e-4);
        assertBadInput(scribe("bench", "--quality", "--corpus", corpus().toString()), "give --minutes");
        assertBadInput(scribe("bench", "--quality", "--corpus", corpus().toString(), "--minutes", "1", "--steps",
                "5"), "no --steps");
        assertBadInput(scribe("bench", "--quality", "--corpus", corpus().toString(), "--minutes", "1", "--peer",
                "--peer-script", dir.resolve("none.py").toString()), "none.py was not found");
    }

    /**
     * With --peer the PyTorch peer trains on the same 90 % for the same time with the shape the budget chose and
     * scores the same 10 %; where the machine has no torch, the bench says so and still gives its own figures.
     */
    @Test
    void theQualityBenchRunsThePeerOnTheSameSplitShapeAndTime() throws IOException {
        Result r = scribe("bench", "--quality", "--corpus", corpus().toString(), "--minutes", "0.1", "--peer");
        assertEquals(0, r.code(), r.err());
        String auto = r.outLines().get(1);
        java.util.regex.Matcher shape = java.util.regex.Pattern.compile("(\\d+) x (\\d+) lstm").matcher(auto);
        assertTrue(shape.find(), auto);
        String peerLine = r.outLines().stream().filter(l -> l.startsWith("peer: /")).findFirst().orElseThrow();
        assertTrue(peerLine.contains("--hidden " + shape.group(2) + " --layers " + shape.group(1)), peerLine);
        assertTrue(peerLine.contains("--seconds 6.0") && peerLine.contains("--val-fraction 0.1")
                && peerLine.contains("--val-chars 2000"), peerLine);
        assertTrue(r.out().contains("quality_nats="), r.out());
        assertTrue(r.out().matches("(?s).*peer_windowed_val_loss=\\d\\.\\d{4} .*")
                || r.out().contains("has no torch module") || r.out().contains("is missing"), r.out());
    }
}
