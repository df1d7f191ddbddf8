package app.scribe.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A first model in a models folder that does not exist yet (a new user's data folder) can be locked and written. */
class OutputLockTest {
    @TempDir
    Path home;

    @Test
    void theModelsFolderIsCreatedOnFirstWrite() {
        Path model = home.resolve("scribe").resolve("models").resolve("first.scribe");
        try (OutputLock lock = OutputLock.acquire(model)) {
            assertTrue(Files.isDirectory(model.getParent()));
            assertTrue(Files.exists(model.resolveSibling(".first.scribe.lock")));
        }
    }
}
