package app.scribe.cli;

import app.scribe.TestCorpora;
import app.scribe.persistence.ModelFile;

import app.scribe.model.Optimizer;

import app.scribe.model.Hyperparameters;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the command line in-process with captured output; bad input must give exit 2 and one "error:" line. */
class ScribeCommandTest {
    static final String[] TINY = {"--hidden", "16", "--layers", "1", "--seq", "16", "--batch", "8", "--lr", "1e-2"};

    @TempDir
    static Path dir;
    static Path corpus;
    static Path model;
    static Result trained;

    record Result(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }

        List<String> outLines() {
            return out.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    static Result scribe(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
            code = ScribeCommand.run(o, e, args);
        }
        return new Result(code, out.toString(), err.toString());
    }

    static String[] concat(String[] a, String... b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    static Result train(Path corpusFile, Path out, String... extra) {
        return scribe(concat(concat(new String[]{"train", "--corpus", corpusFile.toString(), "--out", out.toString()},
                TINY), extra));
    }

    /** Exit code 2, exactly one stderr line beginning "error:" that mentions {@code fragment}, no stack trace. */
    static void assertBadInput(Result r, String fragment) {
        assertEquals(ScribeCommand.BAD_INPUT, r.code(), () -> "exit code; stderr: " + r.err() + " stdout: " + r.out());
        List<String> lines = r.errLines();
        assertEquals(1, lines.size(), () -> "one stderr line: " + r.err());
        assertTrue(lines.get(0).startsWith("error: "), lines.get(0));
        assertTrue(lines.get(0).toLowerCase().contains(fragment.toLowerCase()),
                () -> "'" + fragment + "' in: " + lines.get(0));
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertFalse(r.out().contains("Exception") || r.out().contains("\tat "), r.out());
    }

    @BeforeAll
    static void trainOnce() throws IOException {
        corpus = TestCorpora.shakespeare(dir, "shakespeare.txt", 30_000);
        model = dir.resolve("models/tiny.scribe");
        trained = train(corpus, model, "--steps", "20");
    }

    // ---- happy path ----

    @Test
    void trainPrintsProgressAndEndsWithTheValidationLoss() {
        assertEquals(0, trained.code(), trained.err());
        assertEquals("", trained.err());
        List<String> lines = trained.outLines();
        assertTrue(lines.get(0).startsWith("corpus shakespeare.txt"), lines.get(0));
        assertTrue(Pattern.matches("val_loss=\\d+\\.\\d+", lines.get(lines.size() - 1)), lines.get(lines.size() - 1));
        double loss = Double.parseDouble(lines.get(lines.size() - 1).substring("val_loss=".length()));
        assertTrue(loss > 0.5 && loss < 4.5, "" + loss);
        assertTrue(trained.out().contains("at step 20"), trained.out());
        assertTrue(Files.isRegularFile(model));
    }

    @Test
    void generateWritesThePromptThenItsContinuationReproducibly() {
        String prompt = "ROMEO:\nI will";
        Result first = scribe("generate", "--model", model.toString(), "--prompt", prompt, "--length", "60",
                "--seed", "3");
        assertEquals(0, first.code(), first.err());
        assertEquals("", first.err());
        assertTrue(first.out().startsWith(prompt), first.out());
        String continuation = first.out().substring(prompt.length()).stripTrailing();
        assertTrue(continuation.length() >= 40, continuation);
        Result again = scribe("generate", "--model", model.toString(), "--prompt", prompt, "--length", "60",
                "--seed", "3");
        assertEquals(first.out(), again.out(), "same seed, same text");

        Result greedy = scribe("generate", "--model", model.toString(), "--greedy", "--length", "30");
        assertEquals(0, greedy.code(), greedy.err());
        assertFalse(greedy.out().isBlank());
    }

    @Test
    void everyEngineTrainsAndGenerates() {
        for (String engine : new String[]{"dl4j", "fast"}) {
            Path out = dir.resolve(engine + ".scribe");
            Result r = train(corpus, out, "--steps", "3", "--engine", engine);
            assertEquals(0, r.code(), r.err());
            assertTrue(r.outLines().get(r.outLines().size() - 1).startsWith("val_loss="), r.out());
            Result g = scribe("generate", "--model", out.toString(), "--prompt", "ROMEO", "--length", "20");
            assertEquals(0, g.code(), g.err());
            assertTrue(g.out().startsWith("ROMEO"), g.out());
        }
    }

    @Test
    void theOptimizerAndWeightDecayAreUsedAndRecorded() {
        Path out = dir.resolve("momentum.scribe");
        Result r = train(corpus, out, "--steps", "3", "--optimizer", "momentum", "--weight-decay", "1e-4");
        assertEquals(0, r.code(), r.err());
        Hyperparameters hp = new ModelFile().load(out).model().hyperparameters();
        assertEquals(Optimizer.MOMENTUM, hp.optimizer());
        assertEquals(1e-4, hp.weightDecay());
    }

    @Test
    void resumeContinuesFromTheSavedStep() {
        Path resumed = dir.resolve("resumed.scribe");
        Result r = scribe("train", "--corpus", corpus.toString(), "--out", resumed.toString(), "--resume",
                model.toString(), "--steps", "5");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("saved " + resumed + " at step 25"), r.out());
        assertEquals("", r.err());

        Result flags = scribe("train", "--corpus", corpus.toString(), "--out", resumed.toString(), "--resume",
                model.toString(), "--steps", "1", "--hidden", "64", "--seq", "16", "--force");
        assertEquals(0, flags.code(), flags.err());
        assertEquals(1, flags.errLines().size(), flags.err());
        assertTrue(flags.err().startsWith("warning: --hidden, --seq ignored"), flags.err());
    }

    @Test
    void aResumedRunTakesTenSamplesSpreadOverItsOwnSteps() {
        Path resumed = dir.resolve("ten-samples.scribe");
        Result r = scribe("train", "--corpus", corpus.toString(), "--out", resumed.toString(), "--resume",
                model.toString(), "--steps", "100");
        assertEquals(0, r.code(), r.err());
        List<String> steps = r.out().lines().filter(l -> l.startsWith("sample at step "))
                .map(l -> l.substring("sample at step ".length(), l.indexOf(','))).distinct().toList();
        assertEquals(List.of("30", "40", "50", "60", "70", "80", "90", "100", "110", "120"), steps, r.out());
    }

    // ---- bad corpora ----

    @Test
    void emptyFile() throws IOException {
        Path f = Files.write(dir.resolve("empty.txt"), new byte[0]);
        assertBadInput(train(f, dir.resolve("x.scribe"), "--steps", "5"), "empty.txt is empty");
    }

    @Test
    void oneCharacterFile() throws IOException {
        Path f = Files.writeString(dir.resolve("one.txt"), "x");
        assertBadInput(train(f, dir.resolve("x.scribe"), "--steps", "5"), "only 1 character of text");
    }

    @Test
    void tooShortForASequence() throws IOException {
        Path f = Files.writeString(dir.resolve("short.txt"), "All the world's a stage. ".repeat(6));
        assertBadInput(train(f, dir.resolve("x.scribe"), "--steps", "5"), "too short");
    }

    @Test
    void pngFile() throws IOException {
        byte[] png = new byte[2000];
        new SplittableRandom(1).nextBytes(png);
        System.arraycopy(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 0, png, 0, 8);
        Path f = Files.write(dir.resolve("picture.png"), png);
        assertBadInput(train(f, dir.resolve("x.scribe"), "--steps", "5"), "PNG image");
    }

    @Test
    void invalidUtf8IsReadAsWindows1252() throws IOException {
        String text = "Élodie dîna d’un café crème à côté de l’église — « voilà », dit-elle. ".repeat(20);
        byte[] bytes = text.getBytes(Charset.forName("windows-1252"));
        Path f = Files.write(dir.resolve("latin.txt"), bytes);
        Path out = dir.resolve("latin.scribe");
        Result r = train(f, out, "--steps", "3");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.outLines().get(0).contains("windows-1252"), r.out());
        // The accented letters are characters of the model, so a prompt using them is accepted.
        Result g = scribe("generate", "--model", out.toString(), "--prompt", "Élodie à l’église", "--length", "10");
        assertEquals(0, g.code(), g.err());
        assertTrue(g.out().startsWith("Élodie à l’église"), g.out());
        assertFalse(g.out().contains("\uFFFD"), g.out());
    }

    @Test
    void folderInsteadOfFile() {
        assertBadInput(train(dir, dir.resolve("x.scribe"), "--steps", "5"), "folder");
    }

    @Test
    void missingAndDanglingPaths() throws IOException {
        assertBadInput(train(dir.resolve("nowhere.txt"), dir.resolve("x.scribe"), "--steps", "5"),
                "nowhere.txt does not exist");
        Path link = Files.createSymbolicLink(dir.resolve("dangling.txt"), dir.resolve("deleted.txt"));
        assertBadInput(train(link, dir.resolve("x.scribe"), "--steps", "5"), "dangling.txt does not exist");
    }

    @Test
    void deviceInsteadOfFile() {
        assertBadInput(train(Path.of("/dev/zero"), dir.resolve("x.scribe"), "--steps", "5"), "not an ordinary file");
    }

    @Test
    void fileFarBeyondTheSizeLimit() throws IOException {
        Path f = dir.resolve("huge.txt");
        try (RandomAccessFile file = new RandomAccessFile(f.toFile(), "rw")) {
            file.setLength(20L << 30); // 20 GB, sparse: no disk is used
        }
        try {
            assertBadInput(train(f, dir.resolve("x.scribe"), "--steps", "5"), "256 MB");
        } finally {
            Files.delete(f);
        }
    }

    // ---- bad model files and prompts ----

    @Test
    void truncatedModelFile() throws IOException {
        byte[] bytes = Files.readAllBytes(model);
        Path cut = Files.write(dir.resolve("cut.scribe"), Arrays.copyOf(bytes, bytes.length / 2));
        assertBadInput(scribe("generate", "--model", cut.toString()), "cut.scribe");
    }

    @Test
    void randomZipRenamedScribe() throws IOException {
        Path f = dir.resolve("photos.scribe");
        byte[] noise = new byte[3000];
        new SplittableRandom(2).nextBytes(noise);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(f))) {
            zip.putNextEntry(new ZipEntry("a.bin"));
            zip.write(noise);
            zip.putNextEntry(new ZipEntry("b.txt"));
            zip.write("hi".getBytes(StandardCharsets.UTF_8));
        }
        assertBadInput(scribe("generate", "--model", f.toString()), "not a Scribe model file");
        assertBadInput(scribe("train", "--corpus", corpus.toString(), "--out", dir.resolve("r.scribe").toString(),
                "--resume", f.toString()), "not a Scribe model file");
    }

    @Test
    void missingModelFile() {
        assertBadInput(scribe("generate", "--model", dir.resolve("none.scribe").toString()), "none.scribe");
    }

    @Test
    void promptWithUnknownCharacters() {
        Result r = scribe("generate", "--model", model.toString(), "--prompt", "Hello ∑ world ☃");
        assertBadInput(r, "'∑'");
        assertTrue(r.err().contains("'☃'"), r.err());
        assertEquals("", r.out(), "nothing is printed before the prompt is checked");
    }

    @Test
    void resumingOnATextWithOtherCharactersGrowsTheVocabularyIntoANewFile() throws IOException {
        Path other = Files.writeString(dir.resolve("digits.txt"), "0123456789 ".repeat(100));
        byte[] before = Files.readAllBytes(model);
        Path out = dir.resolve("d.scribe");
        Result r = scribe("train", "--corpus", other.toString(), "--out", out.toString(), "--resume", model.toString(),
                "--steps", "5");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("vocabulary: 10 new characters: '0' (U+0030)")),
                r.out());
        assertTrue(r.out().contains("continuing on another text at learning rate"), r.out());
        assertArrayEquals(before, Files.readAllBytes(model), "the model continued from is not written");
        assertEquals(new ModelFile().load(model).vocabulary().size() + 10,
                new ModelFile().load(out).vocabulary().size());
        assertBadInput(scribe("train", "--corpus", other.toString(), "--out", dir.resolve("e.scribe").toString(),
                "--resume", model.toString(), "--steps", "5", "--lr", "7"), "--lr must be between");
    }

    // ---- bad flags ----

    @Test
    void outOfRangeTrainingFlags() {
        Path out = dir.resolve("flags.scribe");
        String c = corpus.toString();
        assertBadInput(scribe("train", "--corpus", c, "--out", out.toString(), "--hidden", "0"),
                "Hidden size must be between 1 and 2048");
        assertBadInput(scribe("train", "--corpus", c, "--out", out.toString(), "--layers", "7"),
                "Layers must be between 1 and 3");
        assertBadInput(scribe("train", "--corpus", c, "--out", out.toString(), "--lr", "5"), "Learning rate");
        assertBadInput(scribe("train", "--corpus", c, "--out", out.toString(), "--dropout", "0.95"), "dropout");
        assertBadInput(scribe("train", "--corpus", c, "--out", out.toString(), "--batch", "-3"), "batch size");
        assertBadInput(scribe("train", "--corpus", c, "--out", out.toString(), "--steps", "0"), "steps");
        assertBadInput(scribe("train", "--corpus", c, "--out", out.toString(), "--optimizer", "lbfgs"),
                "--optimizer must be one of rmsprop, adam, sgd, momentum");
        assertBadInput(scribe("train", "--corpus", c, "--out", out.toString(), "--weight-decay", "-1"),
                "Weight decay must be between 0 and 1");
        assertBadInput(scribe("train", "--corpus", c, "--out", out.toString(), "--engine", "dl4j", "--optimizer",
                "momentum"), "the dl4j engine trains with rmsprop or adam");
        assertBadInput(scribe("train", "--corpus", c, "--out", out.toString(), "--engine", "quantum"), "engine");
        assertBadInput(scribe("train", "--corpus", c, "--out", out.toString(), "--hidden", "many"), "--hidden");
        assertFalse(Files.exists(out), "nothing was saved");
    }

    @Test
    void outOfRangeGenerationFlags() {
        String m = model.toString();
        assertBadInput(scribe("generate", "--model", m, "--temperature", "0"), "Temperature");
        assertBadInput(scribe("generate", "--model", m, "--temperature", "-1"), "Temperature");
        assertBadInput(scribe("generate", "--model", m, "--length", "0"), "length");
        assertBadInput(scribe("generate", "--model", m, "--greedy", "--temperature", "0.5"), "Give either --greedy or --temperature, not both.");
    }

    @Test
    void usageErrors() {
        assertBadInput(scribe(), "Name a command");
        assertBadInput(scribe("paint"), "paint");
        assertBadInput(scribe("train", "--out", "x.scribe"), "--corpus");
        assertBadInput(scribe("generate", "--model", model.toString(), "--colour", "red"), "--colour");
    }

    // ---- the real process: nothing else reaches the console ----

    @Test
    void aChildProcessPrintsOnlyTheErrorLine() throws Exception {
        Path png = Files.write(dir.resolve("child.png"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        Result bad = child("train", "--corpus", png.toString(), "--out", dir.resolve("c.scribe").toString());
        assertBadInput(bad, "PNG image");
        assertEquals("", bad.out());

        Result prompt = child("generate", "--model", model.toString(), "--prompt", "∑");
        assertBadInput(prompt, "'∑'");
        assertEquals("", prompt.out());
    }

    /** Runs app.scribe.Main in a fresh JVM; retried when a concurrent rebuild has the class folder missing. */
    static Result child(List<String> jvmOptions, String... args) throws Exception {
        Result r = childOnce(jvmOptions, args);
        for (int attempt = 0; attempt < 3 && r.err().contains("Could not find or load main class"); attempt++) {
            Thread.sleep(3000);
            r = childOnce(jvmOptions, args);
        }
        return r;
    }

    @Test
    void runningOutOfMemoryGivesOneLineNotAStackTrace() throws Exception {
        Path big = dir.resolve("big.txt");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(100L << 20); // 100 MB, within the size limit, sparse; the child has a 48 MB heap
        }
        try {
            Result r = child(List.of("-Xmx48m"), "train", "--corpus", big.toString(), "--out",
                    dir.resolve("oom.scribe").toString());
            assertEquals(ScribeCommand.FAILURE, r.code(), r.err());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.errLines().get(0).startsWith("error: Scribe ran out of memory"), r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        } finally {
            Files.delete(big);
        }
    }

    @Test
    void multiLineMessagesAreJoined() {
        assertEquals("a b c", ScribeCommand.oneLine("a\n b\r\nc\n"));
    }

    static Result child(String... args) throws Exception {
        return child(List.of(), args);
    }

    static Result childOnce(List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "app.scribe.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("OMP_NUM_THREADS", "1");
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child finished");
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void anUnwritableOutputIsReportedBeforeTraining() throws IOException {
        Path file = Files.writeString(dir.resolve("plain-file"), "not a folder");
        Result r = train(corpus, file.resolve("m.scribe"), "--steps", "2");
        assertBadInput(r, "not a folder");
        assertEquals("", r.out(), "no training happened");
        assertArrayEquals("not a folder".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
    }

    @Test
    void aFolderAsOutputIsRefused() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("out-folder"));
        Result r = train(corpus, folder, "--steps", "2");
        assertBadInput(r, "is a folder");
        assertEquals("", r.out());
        assertTrue(Files.isDirectory(folder));
    }

    @Test
    void theCorpusIsNeverOverwrittenByTheModel() throws IOException {
        Path book = Files.copy(corpus, dir.resolve("book.txt"));
        byte[] before = Files.readAllBytes(book);
        assertBadInput(train(book, book, "--steps", "2"), "overwrite the book");
        assertArrayEquals(before, Files.readAllBytes(book));
    }

    @Test
    void aTextOfOneRepeatedCharacterIsRefusedByName() throws IOException {
        Path f = Files.writeString(dir.resolve("aaaa.txt"), "a".repeat(5000));
        assertBadInput(train(f, dir.resolve("x.scribe"), "--steps", "2"), "aaaa.txt");
    }

    @Test
    void budgetsThatCannotEndOrCannotStartAreRefused() {
        String c = corpus.toString();
        String o = dir.resolve("budget.scribe").toString();
        assertBadInput(scribe("train", "--corpus", c, "--out", o, "--minutes", "0"), "--minutes must be above 0");
        assertBadInput(scribe("train", "--corpus", c, "--out", o, "--minutes", "-2"), "--minutes");
        assertBadInput(scribe("train", "--corpus", c, "--out", o, "--resume", model.toString(), "--steps", "-5"),
                "--steps must be between 1");
        assertFalse(Files.exists(Path.of(o)));
    }

    @Test
    void checkpointsKeepTheLatestInOutAndTheBestBesideIt() throws IOException {
        Path out = dir.resolve("checkpointed/run.scribe");
        Result r = train(corpus, out, "--steps", "12", "--checkpoint-steps", "5");
        assertEquals(0, r.code(), r.err());
        // Checkpoints that come faster than the disk takes them are merged into the newest, so only the last is
        // certain to be reported; TrainerTest checks that one is handed over at every interval.
        assertTrue(r.out().contains("checkpoint (latest) at step 12 written to " + out), r.out());
        assertTrue(r.out().contains("checkpoint (best) at step"), r.out());
        Path best = dir.resolve("checkpointed/run.best.scribe");
        Result fromBest = scribe("generate", "--model", best.toString(), "--greedy", "--length", "20");
        assertEquals(0, fromBest.code(), fromBest.err());
        Result fromLatest = scribe("generate", "--model", out.toString(), "--greedy", "--length", "20");
        assertEquals(0, fromLatest.code(), fromLatest.err());
        try (var files = Files.list(out.getParent())) {
            assertEquals(List.of("run.best.scribe", "run.scribe"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "no temporary files are left");
        }
    }

    @Test
    void outOfRangeFlagsAreRefusedWithTheAllowedRange() {
        String c = corpus.toString();
        String o = dir.resolve("flags.scribe").toString();
        String m = model.toString();
        String[][] cases = {
                {"--checkpoint-minutes must be between 0 (off) and 1440", "train", "--checkpoint-minutes", "-1"},
                {"--checkpoint-minutes must be between 0 (off) and 1440", "train", "--checkpoint-minutes", "5000"},
                {"--checkpoint-steps must be between 0 (off) and 100000000", "train", "--checkpoint-steps", "-3"},
                {"--patience must be between 0", "train", "--patience", "-1"},
                {"and 1000 validations", "train", "--patience", "1001"},
                {"Hidden size must be between", "train", "--hidden", "0"},
                {"Layers must be between 1 and 3", "train", "--layers", "4"},
                {"Learning rate must be between", "train", "--lr", "5"},
                {"Dropout must be at least 0 and below 0.9", "train", "--dropout", "0.95"},
                {"--steps must be between 1 and 100000000", "train", "--steps", "0"},
                {"Temperature must be above 0 and at most 10", "generate", "--temperature", "0"},
                {"Top-k must be between 1 and", "generate", "--top-k", "0"},
                {"Top-p must be above 0 and at most 1", "generate", "--top-p", "1.5"},
                {"Repetition penalty must be between 1 and 10", "generate", "--repetition-penalty", "0.5"},
                {"Length must be between 1 and", "generate", "--length", "-4"},
                {"--samples must be between 1 and", "generate", "--samples", "0"},
        };
        for (String[] bad : cases) {
            String[] args = bad[1].equals("train")
                    ? new String[]{"train", "--corpus", c, "--out", o, bad[2], bad[3]}
                    : new String[]{"generate", "--model", m, bad[2], bad[3]};
            assertBadInput(scribe(args), bad[0]);
        }
        assertFalse(Files.exists(Path.of(o)));
    }
}
