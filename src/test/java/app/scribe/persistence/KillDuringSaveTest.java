package app.scribe.persistence;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills a process with SIGKILL while it saves a model, 50 times at random moments: the model file in the folder
 * must always load, and nothing but hidden temporary files may be left beside it.
 */
@Tag("slow")
class KillDuringSaveTest {
    private static final int KILLS = 50;

    @TempDir
    Path folder;

    @Test
    void aKilledSaveNeverCorruptsTheModel() throws Exception {
        Path target = folder.resolve("checkpoint.scribe");
        ModelFile files = new ModelFile();
        files.save(SaveLoop.model(3), target);
        Random random = new Random(20261123);
        for (int kill = 0; kill < KILLS; kill++) {
            Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                    SaveLoop.class.getName(), target.toString()).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals(SaveLoop.READY)) {
                // skip anything the JVM prints before the loop starts
            }
            assertEquals(SaveLoop.READY, line, "the saving process must start");
            Thread.sleep(random.nextInt(400));
            child.destroyForcibly().waitFor();

            SavedModel loaded = files.load(target);
            long step = loaded.history().step();
            assertTrue(step == 3 || step == 7, "kill " + kill + ": the file holds the previous or the new model");
            for (Path left : listing()) {
                String name = left.getFileName().toString();
                if (name.endsWith(ModelFile.EXTENSION)) {
                    files.load(left);
                } else if (name.equals(AtomicFile.TEMP_FOLDER)) {
                    try (Stream<Path> temps = Files.list(left)) {
                        assertTrue(temps.allMatch(t -> AtomicFile.isTempOf(t, target)), "only temporary files");
                    }
                } else {
                    assertTrue(name.startsWith(".") && name.endsWith(".tmp"), "unexpected file left: " + name);
                }
            }
        }
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.collect(Collectors.toList());
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
