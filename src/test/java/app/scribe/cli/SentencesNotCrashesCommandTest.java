package app.scribe.cli;

import app.scribe.TestCorpora;
import app.scribe.cli.ScribeCommandTest.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static app.scribe.cli.ScribeCommandTest.assertBadInput;
import static app.scribe.cli.ScribeCommandTest.scribe;
import static app.scribe.cli.ScribeCommandTest.train;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 23, items 15, 16, 19 and 21: one sentence and exit 2 where there was exit 1, exit 0 or a garbage run. */
class SentencesNotCrashesCommandTest {
    @TempDir
    static Path dir;
    static Path corpus;
    static Path model;

    @BeforeAll
    static void trainOnce() throws IOException {
        byte[] text = TestCorpora.shakespeare(8_000);
        corpus = Files.write(dir.resolve("shakespeare.txt"), text);
        model = dir.resolve("tiny.scribe");
        assertEquals(0, train(corpus, model, "--steps", "2", "--no-best").code());
    }

    @Test
    void exitOneCasesAreSentences() {
        assertBadInput(scribe("train", "--corpus", corpus.toString(), "--out", "/", "--steps", "2"), "folder");
        assertBadInput(scribe("library", "search", "--mirror", "http://127.0.0.1:99999/", "x"), "mirror");
        assertBadInput(scribe("lab", "power", "--matrix", "1e308 1e308; 1e308 1e308"), "cannot be computed");
        assertBadInput(scribe("lab", "power", "--matrix", "1e400 0; 0 1"), "not a finite number");
    }

    @Test
    void aFailedWriteToStandardOutputIsAnError() throws IOException {
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter full = new PrintWriter(new FileOutputStream("/dev/full"), true, StandardCharsets.UTF_8);
             PrintWriter e = new PrintWriter(err, true)) {
            code = ScribeCommand.run(full, e, "generate", "--model", model.toString(), "--prompt", "A", "--length",
                    "20", "--seed", "1");
        }
        assertBadInput(new Result(code, "", err.toString()), "could not be written");
    }

    @Test
    void aTextWithNoKnownCharacterIsRefused() throws IOException {
        Path greek = Files.writeString(dir.resolve("greek.txt"), "αβγδεζηθ".repeat(10));
        assertBadInput(scribe("eval", "--model", model.toString(), "--text", greek.toString()), "knows none");
    }

    @Test
    void textWithNulBytesThatIsNotUtf16IsBinary() throws IOException {
        Path nul = Files.write(dir.resolve("nul.txt"), "hello\0world\0".repeat(500).getBytes(StandardCharsets.UTF_8));
        Result r = train(nul, dir.resolve("nul.scribe"), "--steps", "2");
        assertBadInput(r, "binary");
        assertTrue(Files.notExists(dir.resolve("nul.scribe")));
    }
}
