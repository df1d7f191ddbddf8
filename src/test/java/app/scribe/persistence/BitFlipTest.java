package app.scribe.persistence;

import app.scribe.ScribeException;
import app.scribe.model.ParameterSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 23, item 6: a model with one flipped bit is refused with a sentence, or loads with exactly its weights (a
 * flip in a field nothing reads); it never loads with changed weights.
 */
class BitFlipTest {
    @TempDir
    Path dir;

    @Test
    void everySingleBitFlipIsRefusedOrHarmless() throws IOException {
        Path original = dir.resolve("m.scribe");
        SavedModel saved = ModelFileFuzzTest.tinyModel();
        ModelFile files = new ModelFile();
        files.save(saved, original);
        Map<String, ParameterSet.Array> weights = saved.model().parameters().arrays();
        byte[] bytes = Files.readAllBytes(original);
        Random random = new Random(23);
        int refused = 0;
        for (int i = 0; i < 400; i++) {
            byte[] copy = bytes.clone();
            // Half the flips land in the array entries' data, where a changed weight would hide.
            int at = i % 2 == 0 ? random.nextInt(copy.length) : bytes.length / 3 + random.nextInt(bytes.length / 3);
            copy[at] ^= (byte) (1 << random.nextInt(8));
            Path mutant = Files.write(dir.resolve("flip.scribe"), copy);
            try {
                Map<String, ParameterSet.Array> loaded = files.load(mutant).model().parameters().arrays();
                assertEquals(weights.keySet(), loaded.keySet());
                for (String name : weights.keySet()) {
                    assertArrayEquals(weights.get(name).data(), loaded.get(name).data(), 0f,
                            "flip at byte " + at + " loaded changed weights in " + name);
                }
            } catch (ScribeException e) {
                assertTrue(e.getMessage().contains("flip.scribe"), e.getMessage());
                refused++;
            }
        }
        assertTrue(refused > 300, "most flips are refused: " + refused);
    }
}
