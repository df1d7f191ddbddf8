package app.scribe.cli;

import app.scribe.TestCorpora;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static app.scribe.cli.ScribeCommandTest.assertBadInput;
import static app.scribe.cli.ScribeCommandTest.scribe;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Issue 23, item 7: sizes that cannot run are refused with exit 2 and a sentence, before anything is built. */
class SizesCommandTest {
    @TempDir
    Path dir;

    @Test
    void trainingAndLabSizesThatCannotRunAreRefused() throws IOException {
        Path corpus = Files.write(dir.resolve("c.txt"),
                TestCorpora.shakespeare(8_000));
        for (String engine : new String[]{"fast", "dl4j"}) {
            Path out = dir.resolve(engine + ".scribe");
            assertBadInput(scribe("train", "--corpus", corpus.toString(), "--out", out.toString(), "--engine", engine,
                    "--hidden", "2048", "--layers", "3", "--batch", "4096", "--seq", "1000", "--steps", "1"),
                    "cannot run");
            assertFalse(Files.exists(out));
        }
        assertBadInput(scribe("lab", "palindrome", "--cell", "lstm", "--length", "1000", "--hidden", "2048",
                "--batch", "4096", "--steps", "1"), "cannot run");
    }
}
