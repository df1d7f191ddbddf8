package app.scribe.persistence;

import app.scribe.ScribeException;
import app.scribe.corpus.CorpusInfo;
import app.scribe.corpus.Vocabulary;
import app.scribe.model.CharModel;
import app.scribe.model.Engines;
import app.scribe.model.Hyperparameters;
import app.scribe.training.TrainingHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Seeded fuzzing of the model loader: 10 000 truncated, bit-flipped, overwritten and manifest-edited copies of a
 * real model file. Each must load or be refused with a {@link ScribeException}; nothing else may escape.
 */
class ModelFileFuzzTest {
    private static final int CASES = 10_000;
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE]-?\\d+)?");

    @TempDir
    Path folder;

    @Test
    void everyMutatedFileLoadsOrIsRefusedCleanly() throws IOException {
        ModelFile files = new ModelFile();
        Path original = folder.resolve("original.scribe");
        files.save(tinyModel(), original);
        byte[] bytes = Files.readAllBytes(original);
        Entries entries = Entries.of(bytes);
        Random random = new Random(42);
        Path mutant = folder.resolve("mutant.scribe");
        int loaded = 0;
        int refused = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] mutated = switch (i % 4) {
                case 0 -> java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
                case 1 -> flip(bytes, random);
                case 2 -> overwrite(bytes, random);
                default -> entries.withManifest(mutateJson(entries.manifest, random));
            };
            Files.write(mutant, mutated);
            try {
                SavedModel model = files.load(mutant);
                assertNotNull(model.model());
                loaded++;
            } catch (ScribeException e) {
                assertTrue(e.getMessage() != null && e.getMessage().contains("mutant.scribe"),
                        "case " + i + ": the message names the file: " + e.getMessage());
                refused++;
            } catch (Throwable t) {
                fail("case " + i + " escaped as " + t, t);
            }
        }
        assertEquals(CASES, loaded + refused);
        assertTrue(refused > CASES / 2, "most mutants are damaged and must be refused; refused " + refused);
    }

    static SavedModel tinyModel() {
        Vocabulary vocabulary = Vocabulary.of("abcdefgh ij.\n");
        Hyperparameters d = Hyperparameters.defaults();
        Hyperparameters hp = new Hyperparameters(8, 2, 10, 4, d.optimizer(), d.learningRate(), d.decayRate(),
                d.decayEvery(), d.clipNorm(), 0, 1);
        CharModel model = Engines.create(Engines.DEFAULT, vocabulary.size(), hp);
        TrainingHistory history = new TrainingHistory(12, 100, List.of(new TrainingHistory.Point(5, 2.0)),
                List.of(new TrainingHistory.Point(10, 2.1)), List.of(new TrainingHistory.Sample(10, 1.0, "abc")));
        return new SavedModel(model, vocabulary, new CorpusInfo("tiny.txt", "ab".repeat(32), 100, 100), history);
    }

    private static byte[] flip(byte[] bytes, Random random) {
        byte[] copy = bytes.clone();
        int flips = 1 + random.nextInt(8);
        for (int f = 0; f < flips; f++) {
            copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
    }

    private static byte[] overwrite(byte[] bytes, Random random) {
        byte[] copy = bytes.clone();
        int start = random.nextInt(copy.length);
        int length = Math.min(copy.length - start, 1 + random.nextInt(64));
        for (int k = 0; k < length; k++) {
            copy[start + k] = (byte) random.nextInt(256);
        }
        return copy;
    }

    /** Replaces one number of the manifest with an extreme one, or cuts the JSON short, or drops a character. */
    private static String mutateJson(String json, Random random) {
        int kind = random.nextInt(3);
        if (kind == 0) {
            Matcher m = NUMBER.matcher(json);
            int count = 0;
            while (m.find()) {
                count++;
            }
            int target = random.nextInt(Math.max(count, 1));
            m = NUMBER.matcher(json);
            for (int k = 0; m.find(); k++) {
                if (k == target) {
                    String[] extremes = {"0", "-1", "1000000000000", "2147483647", "-2147483648", "3", "1e308", "NaN"};
                    return json.substring(0, m.start()) + extremes[random.nextInt(extremes.length)] + json.substring(m.end());
                }
            }
            return json;
        }
        if (kind == 1) {
            return json.substring(0, random.nextInt(json.length()));
        }
        int at = random.nextInt(json.length());
        return json.substring(0, at) + json.substring(at + 1);
    }

    /** The entries of a model zip, to rebuild it with an edited manifest. */
    private record Entries(String manifest, List<String> names, List<byte[]> contents) {
        static Entries of(byte[] zip) throws IOException {
            String manifest = null;
            List<String> names = new java.util.ArrayList<>();
            List<byte[]> contents = new java.util.ArrayList<>();
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
                ZipEntry entry;
                while ((entry = in.getNextEntry()) != null) {
                    byte[] data = in.readAllBytes();
                    if (entry.getName().equals(ModelFile.MANIFEST)) {
                        manifest = new String(data, StandardCharsets.UTF_8);
                    } else {
                        names.add(entry.getName());
                        contents.add(data);
                    }
                }
            }
            return new Entries(manifest, names, contents);
        }

        byte[] withManifest(String json) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(ModelFile.MANIFEST));
                zip.write(json.getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < names.size(); i++) {
                    zip.putNextEntry(new ZipEntry(names.get(i)));
                    zip.write(contents.get(i));
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return out.toByteArray();
        }
    }
}
