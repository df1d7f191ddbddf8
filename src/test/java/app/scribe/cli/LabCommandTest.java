package app.scribe.cli;

import app.scribe.TestCorpora;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static app.scribe.cli.ScribeCommandTest.assertBadInput;
import static app.scribe.cli.ScribeCommandTest.scribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code lab} pages on the command line: their output lines, their files, and their refusals. */
class LabCommandTest {
    @TempDir
    Path dir;

    @Test
    void powerOfTheSeedMatrixPrintsEigenvaluesRowsAndRadius() {
        ScribeCommandTest.Result r = scribe("lab", "power", "--matrix", "0.58 0.24; 0.24 0.72", "--power", "30");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.outLines();
        assertEquals("eigenvalues=0.9 0.4", lines.get(0));
        assertEquals("row=0.0152608 0.0203478", lines.get(1));
        assertEquals("row=0.0203478 0.0271303", lines.get(2));
        assertEquals("spectral_radius=0.9", lines.get(3));
    }

    /** A model of 16 units of {@code cell} trained for three steps on 20 000 characters of Shakespeare. */
    private Path trained(String cell, int layers) throws IOException {
        Path corpus = TestCorpora.shakespeare(dir, "s.txt", 20_000);
        Path model = dir.resolve(cell + layers + ".scribe");
        ScribeCommandTest.Result r = scribe("train", "--corpus", corpus.toString(), "--out", model.toString(),
                "--steps", "3", "--cell", cell, "--layers", Integer.toString(layers), "--hidden", "16", "--seq", "16",
                "--batch", "8");
        assertEquals(0, r.code(), r.err());
        return model;
    }

    @Test
    void powerRefusesBadMatricesAndPowers() {
        assertBadInput(scribe("lab", "power", "--matrix", "1 2; 3"), "not square");
        assertBadInput(scribe("lab", "power", "--matrix", ""), "empty");
        assertBadInput(scribe("lab", "power", "--matrix", "1 a; 2 3"), "not a number");
        assertBadInput(scribe("lab", "power", "--power", "-1"), "power");
    }

    @Test
    void powerOfATrainedRnnModelStudiesEachLayersRecurrentMatrix() throws IOException {
        Path rnn = trained("rnn", 2);
        ScribeCommandTest.Result r = scribe("lab", "power", "--model", rnn.toString(), "--power", "5");
        assertEquals(0, r.code(), r.err());
        assertEquals(2, r.outLines().stream().filter(l -> l.startsWith("layer=")).count());
        assertEquals(2, r.outLines().stream().filter(l -> l.startsWith("spectral_radius=")).count());
        Path lstm = trained("lstm", 1);
        assertBadInput(scribe("lab", "power", "--model", lstm.toString()), "not an rnn model");
    }

    @Test
    void timegatePrintsOneLinePerStepAndRefusesBadSettings() {
        ScribeCommandTest.Result r = scribe("lab", "timegate", "--tau", "10", "--shift", "3", "--r-on", "0.4",
                "--alpha", "0.1", "--steps", "10");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("t=0 k=0.07", "t=1 k=0.08", "t=2 k=0.09", "t=3 k=0", "t=4 k=0.5", "t=5 k=1",
                "t=6 k=0.5", "t=7 k=0", "t=8 k=0.05", "t=9 k=0.06"), r.outLines());
        assertBadInput(scribe("lab", "timegate", "--tau", "0", "--shift", "0", "--r-on", "0.5", "--steps", "3"), "tau");
        assertBadInput(scribe("lab", "timegate", "--tau", "5", "--shift", "0", "--r-on", "1.5", "--steps", "3"),
                "r_on");
    }

    @Test
    void timegateShowsATrainedTglstmModelsLearntGatesAsHistograms() throws IOException {
        Path tg = trained("tglstm", 1);
        ScribeCommandTest.Result r = scribe("lab", "timegate", "--model", tg.toString(), "--bins", "4");
        assertEquals(0, r.code(), r.err());
        List<String> tau = r.outLines().stream().filter(l -> l.startsWith("layer=0 tau=")).toList();
        assertEquals(4, tau.size(), r.out());
        assertEquals(16, tau.stream().mapToInt(l -> Integer.parseInt(l.substring(l.indexOf("units=") + 6))).sum(),
                "every unit counted once");
        assertTrue(r.outLines().stream().anyMatch(l -> l.startsWith("layer=0 r_on=")), r.out());
        assertBadInput(scribe("lab", "timegate", "--model", trained("rnn", 1).toString()),
                "only a tglstm model has time gates");
        assertBadInput(scribe("lab", "timegate", "--tau", "5"), "Give --tau, --r-on and --steps");
    }

    @Test
    void oneShortPalindromeRunBeatsChanceAndEndsWithTheAccuracy() {
        ScribeCommandTest.Result r = scribe("lab", "palindrome", "--cell", "rnn", "--length", "5", "--steps", "300",
                "--hidden", "32", "--batch", "32", "--lr", "0.01", "--optimizer", "adam", "--seed", "3");
        assertEquals(0, r.code(), r.err());
        String last = r.outLines().get(r.outLines().size() - 1);
        assertTrue(last.startsWith("accuracy="), last);
        assertTrue(Double.parseDouble(last.substring(9)) > 0.5, last);
        ScribeCommandTest.Result again = scribe("lab", "palindrome", "--cell", "rnn", "--length", "5", "--steps",
                "300", "--hidden", "32", "--batch", "32", "--lr", "0.01", "--optimizer", "adam", "--seed", "3");
        assertEquals(r.out(), again.out(), "the same seed gives the same numbers");
    }

    @Test
    void palindromeRefusesBadInput() {
        assertBadInput(scribe("lab", "palindrome", "--cell", "lstm", "--length", "1"), "between 2 and 1000");
        assertBadInput(scribe("lab", "palindrome", "--cell", "lstm", "--length", "1001"), "between 2 and 1000");
        assertBadInput(scribe("lab", "palindrome", "--cell", "hopfield", "--length", "5"), "Cell must be one of");
        assertBadInput(scribe("lab", "palindrome", "--cell", "lstm", "--length", "5", "--optimizer", "lbfgs"),
                "Optimizer must be one of");
        assertBadInput(scribe("lab", "palindrome", "--cells", "rnn", "--lengths", "30-5"), "lengths");
    }

    @Test
    void sweepPrintsTheTableAndWritesCsvAndPng() throws IOException {
        Path csv = dir.resolve("sweep.csv");
        Path png = dir.resolve("sweep.png");
        ScribeCommandTest.Result r = scribe("lab", "palindrome", "--cells", "rnn,lstm", "--lengths", "3-4:1",
                "--seeds", "2", "--steps", "10", "--hidden", "8", "--batch", "8", "--csv", csv.toString(), "--png",
                png.toString());
        assertEquals(0, r.code(), r.err());
        List<String> csvLines = Files.readAllLines(csv);
        assertEquals("cell,length,seed,steps,ending,final_loss,test_accuracy", csvLines.get(0));
        assertEquals(1 + 8, csvLines.size());
        assertTrue(r.out().contains("mean_accuracy"), r.out());
        assertNotNull(ImageIO.read(png.toFile()));
        assertBadInput(scribe("lab", "palindrome", "--cells", "rnn", "--lengths", "3", "--seeds", "1", "--steps", "1",
                "--csv", csv.toString()), "already exists");
    }

    @Test
    void gradientsPrintOneNormPerStepReadForEveryCell() {
        for (String cell : new String[]{"rnn", "lstm", "gru", "tglstm"}) {
            ScribeCommandTest.Result r = scribe("lab", "gradients", "--cell", cell, "--length", "6", "--seed", "1");
            assertEquals(0, r.code(), cell + ": " + r.err());
            List<String> lines = r.outLines();
            assertEquals(5, lines.size(), cell + ": T - 1 = 5 steps read");
            for (int t = 0; t < 5; t++) {
                String line = lines.get(t);
                assertTrue(line.matches("t=" + t + " grad_norm=[0-9.e-]+"), cell + ": " + line);
                assertTrue(Double.parseDouble(line.substring(line.indexOf("grad_norm=") + 10)) > 0, cell + ": " + line);
            }
        }
        assertBadInput(scribe("lab", "gradients", "--cell", "elman", "--length", "6"), "Cell must be one of");
    }

    @Test
    void cellsOnTextTrainEachCellOnTheSameBookAndEndWithItsValidationLoss() throws IOException {
        Path corpus = TestCorpora.shakespeare(dir, "s.txt", 40_000);
        ScribeCommandTest.Result r = scribe("lab", "cells", "--corpus", corpus.toString(), "--cells", "rnn,gru",
                "--steps", "12");
        assertEquals(0, r.code(), r.err());
        List<String> ends = r.outLines().stream().filter(l -> l.contains("final_val_loss=")).toList();
        assertEquals(2, ends.size(), r.out());
        assertTrue(ends.get(0).matches("cell=rnn steps=12 final_val_loss=[0-9.]+"), ends.get(0));
        assertTrue(ends.get(1).matches("cell=gru steps=12 final_val_loss=[0-9.]+"), ends.get(1));
        assertBadInput(scribe("lab", "cells", "--corpus", corpus.toString(), "--cells", "lstm,elman"),
                "Cell must be one of");
    }

    @Test
    void optimizersEndWithOneFinalLossEach() {
        ScribeCommandTest.Result r = scribe("lab", "optimizers", "--length", "4", "--steps", "5", "--cell", "rnn");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.outLines();
        assertEquals(4, lines.size(), r.out());
        for (String name : List.of("rmsprop", "adam", "sgd", "momentum")) {
            assertTrue(lines.stream().anyMatch(l -> l.matches("optimizer=" + name + " lr=\\S+ final_loss=[0-9.e-]+")),
                    name + " in " + lines);
        }
    }
}
