package app.scribe.cli;

import app.scribe.ErrorLog;
import app.scribe.ScribeHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static app.scribe.cli.ScribeCommandTest.scribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code paths} names the data folders under {@code scribe.home} without creating them; the log creates its own. */
class PathsCommandTest {
    @TempDir
    Path folder;
    private ScribeHome scribeHome;

    @AfterEach
    void restore() {
        scribeHome.restore();
    }

    @Test
    void pathsReadsWithoutCreatingAndTheLogIsCreatedOnFirstWrite() throws IOException {
        Path home = folder.resolve("not-yet");
        scribeHome = ScribeHome.at(home);

        ScribeCommandTest.Result paths = scribe("paths");
        assertEquals(0, paths.code(), paths.err());
        assertEquals(List.of("models=" + home.resolve("models"), "books=" + home.resolve("books"),
                "log=" + home.resolve("scribe.log"), "lab=" + home.resolve("lab-results")), paths.outLines());
        assertTrue(Files.notExists(home), "printing the folders creates none of them");

        Path log = ErrorLog.write(new IllegalStateException("a failure worth logging"));
        assertEquals(home.resolve("scribe.log"), log);
        assertTrue(Files.readString(log).contains("IllegalStateException: a failure worth logging"));
    }
}
