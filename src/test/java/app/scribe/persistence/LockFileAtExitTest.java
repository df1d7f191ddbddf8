package app.scribe.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 23, item 22: a process ended by SIGTERM before its handlers ran leaves no lock file behind. */
class LockFileAtExitTest {
    @TempDir
    Path dir;

    @Test
    void theLockFilesGoWhenTheProcessEndsWithoutClosingThem() throws Exception {
        Path model = dir.resolve("m.scribe");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockThenExit.class.getName(), model.toString())
                .inheritIO().start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS));
        assertEquals(143, child.exitValue());
        assertFalse(Files.exists(dir.resolve(".m.scribe.lock")));
        assertFalse(Files.exists(dir.resolve(".m.best.scribe.lock")));
    }
}
