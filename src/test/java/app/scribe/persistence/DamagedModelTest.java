package app.scribe.persistence;

import app.scribe.ScribeException;
import app.scribe.corpus.Cleaning;
import app.scribe.corpus.TextMapper;
import app.scribe.model.ArrayShapes;
import app.scribe.model.Engines;
import app.scribe.model.Hyperparameters;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Model files damaged in ways a bit flip rarely makes, each refused at load with a sentence saying what is wrong. */
class DamagedModelTest {
    private final ModelFile files = new ModelFile();
    private ModelZip original;

    @TempDir
    Path dir;

    @BeforeEach
    void save() throws IOException {
        Path file = dir.resolve("original.scribe");
        files.save(ModelFileFuzzTest.tinyModel(), file);
        original = ModelZip.of(Files.readAllBytes(file));
    }

    private String assertRefused(byte[] bytes, String... fragments) throws IOException {
        Path file = Files.write(dir.resolve("damaged.scribe"), bytes);
        ScribeException e = assertThrows(ScribeException.class, () -> files.load(file));
        String message = e.getMessage();
        assertTrue(message.startsWith("damaged.scribe"), message);
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), "'" + fragment + "' in: " + message);
        }
        return message;
    }

    private String assertRefused(Consumer<ObjectNode> edit, String... fragments) throws IOException {
        return assertRefused(original.withManifest(edit).bytes(), fragments);
    }

    @Test
    void theUndamagedCopyLoads() throws IOException {
        Path file = Files.write(dir.resolve("copy.scribe"), original.withManifest(m -> { }).bytes());
        assertEquals(13, files.load(file).vocabulary().size());
    }

    @Test
    void aCleaningThatDoesNotFitTheVocabularyIsRefused() throws IOException {
        assertRefused(m -> m.putObject("cleaning").put("ascii", false).put("lowercase", false).put("rareBelow", 1),
                "invalid cleaning", "rare=N");
        assertRefused(m -> m.putObject("cleaning").put("ascii", false).put("lowercase", true).put("rareBelow", 0)
                .put("placeholder", (int) 'a'), "invalid cleaning", "placeholder");
        assertRefused(m -> m.putObject("cleaning").put("ascii", false).put("lowercase", true).put("rareBelow", 10)
                .put("placeholder", (int) '~'), "placeholder '~' (U+007E) is missing from the vocabulary");
        Path fitting = Files.write(dir.resolve("fitting.scribe"), original.withManifest(m -> m.putObject("cleaning")
                .put("ascii", true).put("lowercase", true).put("rareBelow", 10).put("placeholder", (int) 'j')).bytes());
        assertEquals(new TextMapper(new Cleaning(true, true, 10), 'j'), files.load(fitting).vocabulary().mapper());
    }

    @Test
    void nonFiniteWeightsAreRefused() throws IOException {
        for (float bad : new float[]{Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            assertRefused(original.withFloat(3, bad).bytes(), "not finite", "diverged", "damaged");
        }
    }

    @Test
    void aVocabularyOfNonCharactersOrDuplicatesIsRefused() throws IOException {
        for (int bad : new int[]{0x110000, 0xD800, 0xDFFF, Integer.MAX_VALUE}) {
            assertRefused(m -> ((ArrayNode) m.get("vocabulary")).set(12, bad), "invalid vocabulary", Integer.toString(bad));
        }
        assertRefused(m -> ((ArrayNode) m.get("vocabulary")).set(0, -1), "invalid vocabulary", "-1");
        assertRefused(m -> ((ArrayNode) m.get("vocabulary")).set(1, m.get("vocabulary").get(0).intValue()),
                "invalid vocabulary", "distinct");
    }

    @Test
    void valuesOfTheWrongTypeAreRefusedNotConverted() throws IOException {
        assertRefused(m -> m.put("formatVersion", "1"), "unreadable");
        assertRefused(m -> m.put("formatVersion", 1.5), "unreadable");
        assertRefused(m -> ((ObjectNode) m.get("hyperparameters")).put("hiddenSize", "8"), "unreadable");
        assertRefused(m -> m.put("engine", 7), "unreadable");
        assertRefused(m -> ((ObjectNode) m.get("history")).put("step", -1), "negative step");
        assertRefused(m -> ((ObjectNode) m.get("history")).put("trainingMillis", -5), "negative");
        assertRefused(original.withManifest("null").bytes(), "empty manifest.json");
        assertRefused(original.withManifest("{\"formatVersion\": 1, \"formatVersion\": 1}").bytes(), "unreadable",
                "the field 'formatVersion' is given twice.");
        assertRefused(m -> m.remove("corpus"), "incomplete");
    }

    @Test
    void anArrayListedTwiceOrTwoArraysInOneEntryAreRefused() throws IOException {
        assertRefused(m -> {
            ArrayNode arrays = (ArrayNode) m.get("arrays");
            ((ObjectNode) arrays.get(1)).put("entry", arrays.get(0).get("entry").asText());
        }, "for two arrays");
        assertRefused(m -> {
            ArrayNode arrays = (ArrayNode) m.get("arrays");
            arrays.add(arrays.get(0).deepCopy());
        }, "twice");
        assertRefused(m -> ((ObjectNode) ((ArrayNode) m.get("arrays")).get(0)).put("name", "extra"),
                "'extra'", "does not have");
        String entry = original.firstArrayEntry();
        assertRefused(original.bytesWithDuplicate(entry, new byte[16]), "two entries named " + entry);
    }

    @Test
    void historiesLargerThanScribeKeepsAreRefused() throws IOException {
        assertRefused(m -> {
            ArrayNode points = ((ObjectNode) m.get("history")).putArray("trainingLoss");
            for (int i = 0; i < 1_000_001; i++) {
                points.addArray().add(i).add(1.0);
            }
        }, "loss points");
        assertRefused(m -> ((ArrayNode) m.get("history").get("samples")).addObject().put("step", 1)
                .put("temperature", 1.0).put("text", "x".repeat(100_001)), "longer than");
    }

    @Test
    void aShapeThatDisagreesWithTheSettingsIsRefusedBeforeAnyArrayIsRead() throws IOException {
        // The entry is not even there: the refusal must come from the manifest alone.
        String message = assertRefused(m -> {
            ObjectNode first = (ObjectNode) m.get("arrays").get(0);
            first.putArray("shape").add(100_000).add(100_000);
            first.put("entry", "arrays/absent.f32");
        }, "shape [100000, 100000]", "need [13, 32]");
        assertTrue(!message.contains("absent"), message);
    }

    /**
     * A 256 MB array of zeros, compressed to a few hundred kilobytes, under a manifest that claims it: the old loader
     * inflated it before comparing shapes and ran out of a 128 MB heap. Loaded in a child JVM with that heap.
     */
    @Test
    void aZipBombIsRefusedInASmallHeap() throws Exception {
        String entry = original.firstArrayEntry();
        ModelZip crafted = original.withManifest(m -> ((ObjectNode) m.get("arrays").get(0)).putArray("shape")
                .add(8192).add(8192));
        Path bomb = dir.resolve("bomb.scribe");
        Files.write(bomb, withZeros(crafted, entry, 8192L * 8192 * Float.BYTES));
        assertTrue(Files.size(bomb) < 2_000_000, "the bomb is small: " + Files.size(bomb));
        String output = loadInSmallHeap(bomb);
        assertTrue(output.startsWith("refused: bomb.scribe") && output.contains("shape [8192, 8192]"), output);
    }

    /** Settings and shapes that agree on the largest network Scribe builds (1.5 GB of arrays): refused unread. */
    @Test
    void aModelTooLargeForTheHeapIsRefusedBeforeItIsRead() throws Exception {
        Hyperparameters d = Hyperparameters.defaults();
        Hyperparameters largest = new Hyperparameters(2048, 3, 10, 4, d.optimizer(), d.learningRate(), d.decayRate(),
                d.decayEvery(), d.clipNorm(), 0, 1);
        ArrayShapes shapes = Engines.arrayShapes(Engines.DEFAULT, 13, largest);
        Path large = Files.write(dir.resolve("large.scribe"), original.withManifest(m -> {
            ((ObjectNode) m.get("hyperparameters")).put("hiddenSize", 2048).put("layers", 3);
            ArrayNode arrays = m.putArray("arrays");
            shapes.weights().forEach((name, shape) -> {
                ObjectNode array = arrays.addObject().put("name", name).put("entry", "arrays/" + name);
                for (int dim : shape) {
                    array.withArray("shape").add(dim);
                }
            });
        }).bytes());
        String output = loadInSmallHeap(large);
        assertTrue(output.startsWith("refused: large.scribe") && output.contains("too large for the memory"), output);
    }

    private static String loadInSmallHeap(Path file) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), LoadModel.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, child.waitFor(), output);
        return output;
    }

    /** The crafted zip with {@code entry} replaced by {@code bytes} zero bytes, streamed (never held in memory). */
    private static byte[] withZeros(ModelZip crafted, String entry, long bytes) throws IOException {
        ModelZip others = ModelZip.of(crafted.bytes());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_SPEED);
            zip.putNextEntry(new ZipEntry(ModelFile.MANIFEST));
            zip.write(others.manifest().getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(entry));
            byte[] block = new byte[1 << 20];
            for (long written = 0; written < bytes; written += block.length) {
                zip.write(block, 0, (int) Math.min(block.length, bytes - written));
            }
        }
        return out.toByteArray();
    }

    @Test
    void aDivergedModelIsNotSavedOverAGoodFile() throws IOException {
        Path file = Files.createDirectory(dir.resolve("models")).resolve("model.scribe");
        SavedModel good = ModelFileFuzzTest.tinyModel();
        files.save(good, file);
        byte[] before = Files.readAllBytes(file);
        ModelFileTest.Delegating diverged = new ModelFileTest.Delegating(good.model()) {
            @Override
            public app.scribe.model.ParameterSet parameters() {
                app.scribe.model.ParameterSet p = inner.parameters();
                p.arrays().values().iterator().next().data()[0] = Float.NaN;
                return p;
            }
        };
        ScribeException e = assertThrows(ScribeException.class, () -> files.save(
                new SavedModel(diverged, good.vocabulary(), good.corpus(), good.history()), file));
        assertTrue(e.getMessage().contains("diverged") && e.getMessage().contains("unchanged"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        try (var listing = Files.list(file.getParent())) {
            assertEquals(1, listing.count(), "no temporary file is left behind");
        }
    }
}
