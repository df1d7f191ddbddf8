package app.scribe.persistence;

import app.scribe.TestCorpora;
import app.scribe.ScribeException;
import app.scribe.corpus.BatchSource;
import app.scribe.corpus.Corpus;
import app.scribe.corpus.CorpusInfo;
import app.scribe.corpus.Vocabulary;
import app.scribe.model.CharModel;
import app.scribe.engine.dl4j.Dl4jCharModel;
import app.scribe.model.Hyperparameters;
import app.scribe.model.Optimizer;
import app.scribe.model.Stepper;
import app.scribe.training.TrainingHistory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ModelFileTest {
    static final String PROMPT = "It was the best of times";
    static Corpus corpus;
    static SavedModel trained;

    private final ModelFile files = new ModelFile();

    @TempDir
    Path dir;

    @BeforeAll
    static void train() throws IOException {
        corpus = TestCorpora.shakespeareCorpus("shakespeare-20k.txt", 20_000);
        trained = trainedModel(Optimizer.RMSPROP, 6);
    }

    static SavedModel trainedModel(Optimizer optimizer, int steps) {
        Hyperparameters hp = new Hyperparameters(24, 2, 20, 8, optimizer, 5e-3, 0.9, 1000, 5, 0, 7);
        Dl4jCharModel model = new Dl4jCharModel(corpus.vocabulary().size(), hp);
        BatchSource batches = new BatchSource(corpus, hp.seqLength(), hp.batchSize());
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < steps; i++) {
            model.train(batches.trainingBatch(random), hp.learningRate());
        }
        TrainingHistory history = new TrainingHistory(steps, 1234,
                List.of(new TrainingHistory.Point(1, 4.1), new TrainingHistory.Point(steps, 3.5)),
                List.of(new TrainingHistory.Point(steps, 3.6)),
                List.of(new TrainingHistory.Sample(steps, 0.5, "Wherefore ärt thou\nRomeo")));
        return new SavedModel(model, corpus.vocabulary(), CorpusInfo.of(corpus), history);
    }

    static float[] distributionAfter(CharModel model, Vocabulary vocabulary, String prompt) {
        Stepper stepper = model.stepper();
        float[] p = null;
        for (char c : vocabulary.encode(prompt)) {
            p = stepper.step(c);
        }
        return p.clone();
    }

    private List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void saveThenLoadGivesTheSameModel() throws IOException {
        Path file = dir.resolve("model.scribe");
        files.save(trained, file);
        assertEquals(List.of("model.scribe"), namesIn(dir), "no temporary file is left behind");
        SavedModel loaded = files.load(file);

        assertArrayEquals(distributionAfter(trained.model(), trained.vocabulary(), PROMPT),
                distributionAfter(loaded.model(), loaded.vocabulary(), PROMPT), 0f);
        assertEquals(trained.model().hyperparameters(), loaded.model().hyperparameters());
        assertEquals(trained.model().engine(), loaded.model().engine());
        assertEquals(trained.vocabulary(), loaded.vocabulary());
        assertEquals(trained.corpus(), loaded.corpus());
        TrainingHistory a = trained.history();
        TrainingHistory b = loaded.history();
        assertEquals(a.step(), b.step());
        assertEquals(a.trainingMillis(), b.trainingMillis());
        assertEquals(a.trainingLoss(), b.trainingLoss());
        assertEquals(a.validationLoss(), b.validationLoss());
        assertEquals(a.samples(), b.samples());
    }

    @Test
    void optimizerStateSurvivesSoTrainingContinuesIdentically() {
        for (Optimizer optimizer : new Optimizer[]{Optimizer.RMSPROP, Optimizer.ADAM}) {
            SavedModel original = trainedModel(optimizer, 5);
            Path file = dir.resolve(optimizer + ".scribe");
            files.save(original, file);
            SavedModel loaded = files.load(file);
            BatchSource batches = new BatchSource(corpus, 20, 8);
            for (int i = 0; i < 3; i++) {
                var batch = batches.trainingBatch(new SplittableRandom(100 + i));
                assertEquals(original.model().train(batch, 5e-3), loaded.model().train(batch, 5e-3), 1e-5,
                        optimizer + " step " + i);
            }
            assertArrayEquals(distributionAfter(original.model(), corpus.vocabulary(), PROMPT),
                    distributionAfter(loaded.model(), corpus.vocabulary(), PROMPT), 1e-5f, optimizer.toString());
        }
    }

    @Test
    void aSavedModelHasTheUsualPermissionsOfANewFile() throws IOException {
        Path file = dir.resolve("shared.scribe");
        files.save(trained, file);
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file));
    }

    @Test
    void aTruncatedFileIsRefused() throws IOException {
        Path file = dir.resolve("model.scribe");
        files.save(trained, file);
        byte[] bytes = Files.readAllBytes(file);
        for (int length : new int[]{bytes.length / 2, bytes.length - 10, 30, 0}) {
            Path cut = Files.write(dir.resolve("cut.scribe"), Arrays.copyOf(bytes, length));
            ScribeException e = assertThrows(ScribeException.class, () -> files.load(cut), "length " + length);
            assertTrue(e.getMessage().startsWith("cut.scribe"), e.getMessage());
        }
    }

    @Test
    void aZipOfOtherFilesIsRefused() throws IOException {
        Path file = dir.resolve("holiday.scribe");
        byte[] random = new byte[5000];
        new SplittableRandom(4).nextBytes(random);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("photo.jpg"));
            zip.write(random);
            zip.putNextEntry(new ZipEntry("notes/readme.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        ScribeException e = assertThrows(ScribeException.class, () -> files.load(file));
        assertTrue(e.getMessage().contains("holiday.scribe") && e.getMessage().contains("not a Scribe model file"),
                e.getMessage());

        Path notZip = Files.write(dir.resolve("noise.scribe"), random);
        ScribeException n = assertThrows(ScribeException.class, () -> files.load(notZip));
        assertTrue(n.getMessage().contains("noise.scribe"), n.getMessage());
    }

    /** Rewrites the manifest of a saved model with {@code edit} applied. */
    private Path withManifest(String name, java.util.function.UnaryOperator<String> edit) throws IOException {
        Path original = dir.resolve("original.scribe");
        files.save(trained, original);
        Path edited = dir.resolve(name);
        try (ZipFile in = new ZipFile(original.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(edited))) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                byte[] data = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals(ModelFile.MANIFEST)) {
                    String manifest = new String(data, StandardCharsets.UTF_8);
                    String changed = edit.apply(manifest);
                    assertTrue(!changed.equals(manifest), "the edit applies");
                    data = changed.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(data);
            }
        }
        return edited;
    }

    @Test
    void aNewerFormatVersionIsRefusedByName() throws IOException {
        Path file = withManifest("future.scribe",
                m -> m.replaceFirst("\"formatVersion\"\\s*:\\s*5", "\"formatVersion\" : 7"));
        ScribeException e = assertThrows(ScribeException.class, () -> files.load(file));
        assertTrue(e.getMessage().contains("future.scribe") && e.getMessage().contains("version 7")
                && e.getMessage().contains("newer"), e.getMessage());
    }

    @Test
    void anUnknownEngineIsRefusedByFileName() throws IOException {
        Path file = withManifest("quantum.scribe",
                m -> m.replaceFirst("\"engine\"\\s*:\\s*\"[a-z0-9]+\"", "\"engine\" : \"quantum\""));
        ScribeException e = assertThrows(ScribeException.class, () -> files.load(file));
        assertTrue(e.getMessage().startsWith("quantum.scribe") && e.getMessage().contains("'quantum'"), e.getMessage());
    }

    @Test
    void anUnknownTextNormalisationIsRefusedByName() throws IOException {
        Path file = withManifest("nfkc.scribe",
                m -> m.replaceFirst("\"normalization\"\\s*:\\s*\"NFC\"", "\"normalization\" : \"NFKC\""));
        ScribeException e = assertThrows(ScribeException.class, () -> files.load(file));
        assertTrue(e.getMessage().startsWith("nfkc.scribe") && e.getMessage().contains("'NFKC'"), e.getMessage());
    }

    @Test
    void aShortCorpusFingerprintDoesNotBreakTheResumeCheck() throws IOException {
        Path file = withManifest("sha.scribe", m -> m.replaceFirst("\"sha256\"\\s*:\\s*\"[0-9a-f]+\"", "\"sha256\" : \"ab\""));
        SavedModel loaded = files.load(file);
        String warning = app.scribe.training.ResumeCheck.check(loaded.vocabulary(), loaded.corpus(), corpus);
        assertTrue(warning != null && warning.contains("ab"), warning);
    }

    @Test
    void damagedManifestsAreRefused() throws IOException {
        Path garbled = withManifest("garbled.scribe", m -> m.substring(0, m.length() / 2));
        ScribeException g = assertThrows(ScribeException.class, () -> files.load(garbled));
        assertTrue(g.getMessage().contains("garbled.scribe"), g.getMessage());

        Path badHp = withManifest("hp.scribe", m -> m.replaceFirst("\"layers\"\\s*:\\s*2", "\"layers\" : 9"));
        ScribeException h = assertThrows(ScribeException.class, () -> files.load(badHp));
        assertTrue(h.getMessage().contains("hp.scribe") && h.getMessage().contains("Layers must be between 1 and 3"), h.getMessage());

        Path hidden = withManifest("hidden.scribe",
                m -> m.replaceFirst("\"hiddenSize\"\\s*:\\s*24", "\"hiddenSize\" : 25"));
        ScribeException s = assertThrows(ScribeException.class, () -> files.load(hidden));
        assertTrue(s.getMessage().contains("hidden.scribe") && s.getMessage().contains("shape"), s.getMessage());
    }

    @Test
    void aFolderThatCannotBeCreatedIsReported() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("models"), "I am a file");
        ScribeException e = assertThrows(ScribeException.class,
                () -> files.save(trained, notAFolder.resolve("model.scribe")));
        assertTrue(e.getMessage().contains("model.scribe"), e.getMessage());
        assertTrue(e.getMessage().contains("not a folder"), e.getMessage());
        assertEquals("I am a file", Files.readString(notAFolder));
    }

    @Test
    void aFailedSaveLeavesTheEarlierFileIntactAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("model.scribe");
        files.save(trained, file);
        byte[] before = Files.readAllBytes(file);
        CharModel broken = new Delegating(trained.model()) {
            @Override
            public app.scribe.model.ParameterSet parameters() {
                throw new IllegalStateException("simulated failure while writing");
            }
        };
        assertThrows(RuntimeException.class, () -> files.save(
                new SavedModel(broken, trained.vocabulary(), trained.corpus(), trained.history()), file));
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of("model.scribe"), namesIn(dir));
        files.load(file);
    }

    @Test
    void aNonWritableFolderKeepsTheEarlierModelLoadable() throws Exception {
        Path models = Files.createDirectory(dir.resolve("models"));
        Path file = models.resolve("model.scribe");
        files.save(trained, file);
        byte[] before = Files.readAllBytes(file);
        // Tests run as root, for whom permission bits do not stop writes; the immutable attribute does.
        assumeTrue(run("chattr", "+i", models.toString()) == 0, "chattr +i is not available here");
        try {
            SavedModel other = trainedModel(Optimizer.ADAM, 1);
            ScribeException e = assertThrows(ScribeException.class, () -> files.save(other, file));
            assertTrue(e.getMessage().contains("model.scribe") && e.getMessage().contains("unchanged"),
                    e.getMessage());
        } finally {
            run("chattr", "-i", models.toString());
        }
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of("model.scribe"), namesIn(models), "no temporary file is left behind");
        assertArrayEquals(distributionAfter(trained.model(), trained.vocabulary(), PROMPT),
                distributionAfter(files.load(file).model(), trained.vocabulary(), PROMPT), 0f);
    }

    @Test
    void aFullDiskGivesAClearMessageAndKeepsTheEarlierModel() throws Exception {
        Path probe = dir.resolve("probe.scribe");
        files.save(trained, probe);
        long size = Files.size(probe);
        Path disk = Files.createDirectory(dir.resolve("small-disk"));
        // Room for the model once but not for a second copy beside it: the second save runs out of space.
        long kilobytes = (size + size / 2) / 1024 + 8;
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=" + kilobytes + "k", "tmpfs", disk.toString()) == 0,
                "mounting a small tmpfs is not allowed here");
        try {
            Path file = disk.resolve("model.scribe");
            files.save(trained, file);
            byte[] before = Files.readAllBytes(file);
            ScribeException e = assertThrows(ScribeException.class, () -> files.save(trained, file));
            assertTrue(e.getMessage().contains("model.scribe") && e.getMessage().contains("unchanged")
                    && e.getMessage().toLowerCase().contains("space"), e.getMessage());
            assertArrayEquals(before, Files.readAllBytes(file));
            assertEquals(List.of("model.scribe"), namesIn(disk), "no temporary file is left behind");
            files.load(file);
        } finally {
            run("umount", disk.toString());
        }
    }

    @Test
    void aFolderIsNeverReplacedByAModel() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("empty-folder"));
        ScribeException e = assertThrows(ScribeException.class, () -> files.save(trained, folder));
        assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
        assertTrue(Files.isDirectory(folder));
        assertThrows(ScribeException.class, () -> files.checkWritable(folder));
    }

    @Test
    void checkWritableLeavesNothingBehind() throws IOException {
        Path target = dir.resolve("new/sub/model.scribe");
        files.checkWritable(target);
        assertEquals(List.of(), namesIn(target.getParent()));
        assertThrows(ScribeException.class, () -> files.checkWritable(
                Files.writeString(dir.resolve("file"), "x").resolve("model.scribe")));
    }

    @Test
    void missingFilesAndFoldersAreRefused() {
        ScribeException e = assertThrows(ScribeException.class, () -> files.load(dir.resolve("nothing.scribe")));
        assertTrue(e.getMessage().contains("nothing.scribe"), e.getMessage());
        assertThrows(ScribeException.class, () -> files.load(dir));
    }

    /** Passes every call to another model; tests override the call that should fail. */
    static class Delegating implements CharModel {
        final CharModel inner;

        Delegating(CharModel inner) {
            this.inner = inner;
        }

        @Override public String engine() { return inner.engine(); }
        @Override public int vocabSize() { return inner.vocabSize(); }
        @Override public Hyperparameters hyperparameters() { return inner.hyperparameters(); }
        @Override public double train(app.scribe.corpus.Batch batch, double lr) { return inner.train(batch, lr); }
        @Override public double loss(app.scribe.corpus.Batch batch) { return inner.loss(batch); }
        @Override public Stepper stepper() { return inner.stepper(); }
        @Override public app.scribe.model.ParameterSet parameters() { return inner.parameters(); }
        @Override public void load(app.scribe.model.ParameterSet parameters) { inner.load(parameters); }
        @Override public CharModel copy() { return inner.copy(); }
    }

    static int run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (OutputStream ignored = p.getOutputStream()) {
                p.getInputStream().readAllBytes();
            }
            return p.waitFor();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }
}
