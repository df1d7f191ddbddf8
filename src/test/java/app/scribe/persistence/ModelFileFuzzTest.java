package app.scribe.persistence;

import app.scribe.ScribeException;
import app.scribe.corpus.CorpusInfo;
import app.scribe.corpus.Vocabulary;
import app.scribe.model.CharModel;
import app.scribe.model.Engines;
import app.scribe.model.Hyperparameters;
import app.scribe.training.TrainingHistory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded fuzzing of the model loader: 10 000 copies of a real model file, truncated, bit-flipped, overwritten, with
 * an edited manifest, NaN or infinite weights, a bad vocabulary, values of the wrong type, duplicated arrays or
 * entries, or huge claimed shapes. Each must load or be refused with a {@link ScribeException}; nothing else may escape.
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
        ModelZip entries = ModelZip.of(bytes);
        Random random = new Random(42);
        Path mutant = folder.resolve("mutant.scribe");
        int loaded = 0;
        int refused = 0;
        List<String> escaped = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            byte[] mutated = switch (i % 9) {
                case 0 -> java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
                case 1 -> flip(bytes, random);
                case 2 -> overwrite(bytes, random);
                case 3 -> entries.withManifest(mutateJson(entries.manifest(), random)).bytes();
                case 4 -> nonFinite(entries, random);
                case 5 -> entries.withManifest(m -> badVocabulary(m, random)).bytes();
                case 6 -> entries.withManifest(m -> wrongType(m, random)).bytes();
                case 7 -> duplicated(entries, random);
                default -> entries.withManifest(m -> bigShape(m, random)).bytes();
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
                escaped.add("case " + i + ": " + t);
            }
        }
        System.out.printf("fuzzed model files: %d tried, %d refused cleanly, %d loaded, %d escaped%n", CASES, refused,
                loaded, escaped.size());
        assertEquals(List.of(), escaped, "nothing but a ScribeException may escape the loader");
        assertEquals(CASES, loaded + refused);
        assertTrue(refused > CASES / 2, "most mutants are damaged and must be refused; refused " + refused);
    }

    /** One weight or optimizer value of a random array made NaN or infinite: always refused. */
    private static byte[] nonFinite(ModelZip entries, Random random) {
        float[] bad = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        List<String> arrays = entries.arrayEntries();
        return entries.withFloat(arrays.get(random.nextInt(arrays.size())), random.nextInt(2),
                bad[random.nextInt(bad.length)]).bytes();
    }

    private static void badVocabulary(ObjectNode manifest, Random random) {
        ArrayNode vocabulary = (ArrayNode) manifest.get("vocabulary");
        int at = random.nextInt(vocabulary.size());
        int[] bad = {0x110000, -1, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, Integer.MAX_VALUE, Integer.MIN_VALUE};
        switch (random.nextInt(3)) {
            case 0 -> vocabulary.set(at, bad[random.nextInt(bad.length)]);
            case 1 -> vocabulary.set(at, vocabulary.get(at == 0 ? 1 : at - 1).intValue());
            default -> vocabulary.add(vocabulary.get(at).intValue());
        }
    }

    /** A field of the wrong type or sign, or a manifest that is not an object at all. */
    private static void wrongType(ObjectNode manifest, Random random) {
        ObjectNode history = (ObjectNode) manifest.get("history");
        ObjectNode hp = (ObjectNode) manifest.get("hyperparameters");
        switch (random.nextInt(8)) {
            case 0 -> manifest.put("formatVersion", "1");
            case 1 -> manifest.put("formatVersion", 1.5);
            case 2 -> history.put("step", -1 - random.nextInt(1000));
            case 3 -> history.put("trainingMillis", -1);
            case 4 -> hp.put("hiddenSize", "8");
            case 5 -> manifest.put("engine", random.nextInt(10));
            case 6 -> manifest.putNull(List.of("vocabulary", "arrays", "history", "corpus", "hyperparameters")
                    .get(random.nextInt(5)));
            default -> manifest.set("vocabulary", manifest.get("corpus"));
        }
    }

    /** Two arrays in one entry, one array listed twice, or two zip entries of one name. */
    private static byte[] duplicated(ModelZip entries, Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> entries.withManifest(m -> {
                ArrayNode arrays = (ArrayNode) m.get("arrays");
                int a = random.nextInt(arrays.size());
                int b = (a + 1 + random.nextInt(arrays.size() - 1)) % arrays.size();
                ((ObjectNode) arrays.get(b)).put("entry", arrays.get(a).get("entry").asText());
            }).bytes();
            case 1 -> entries.withManifest(m -> {
                ArrayNode arrays = (ArrayNode) m.get("arrays");
                arrays.add(arrays.get(random.nextInt(arrays.size())).deepCopy());
            }).bytes();
            default -> entries.bytesWithDuplicate(entries.firstArrayEntry(), new byte[4 * random.nextInt(64)]);
        };
    }

    /** An array claiming a huge shape, or settings claiming a huge network, with the small file's contents. */
    private static void bigShape(ObjectNode manifest, Random random) {
        if (random.nextBoolean()) {
            ArrayNode arrays = (ArrayNode) manifest.get("arrays");
            ArrayNode shape = ((ObjectNode) arrays.get(random.nextInt(arrays.size()))).putArray("shape");
            for (int d = 1 + random.nextInt(3); d > 0; d--) {
                shape.add(1 + random.nextInt(Integer.MAX_VALUE));
            }
        } else {
            ObjectNode hp = (ObjectNode) manifest.get("hyperparameters");
            hp.put("hiddenSize", 1 + random.nextInt(2048));
            hp.put("layers", 1 + random.nextInt(3));
        }
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
}
