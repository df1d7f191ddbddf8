package app.scribe.cli;

import app.scribe.TestCorpora;
import app.scribe.cli.ScribeCommandTest.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;

import static app.scribe.cli.ScribeCommandTest.assertBadInput;
import static app.scribe.cli.ScribeCommandTest.scribe;
import static app.scribe.cli.ScribeCommandTest.train;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 23, items 2, 17 and 20: a user's link at an output path is refused and stays a link (dangling or not,
 * {@code --force} or not); result files named twice are refused before the work; a file name is echoed escaped.
 */
class LinksCommandTest {
    @TempDir
    static Path dir;
    static Path corpus;

    @BeforeAll
    static void writeCorpus() throws IOException {
        byte[] text = TestCorpora.shakespeare(8_000);
        corpus = Files.write(dir.resolve("shakespeare.txt"), text);
    }

    @Test
    void linksAtTrainOutputsAreRefusedAndKept() throws IOException {
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.scribe"), dir.resolve("target.scribe"));
        assertBadInput(train(corpus, dangling, "--steps", "2"), "symbolic link");
        assertTrue(Files.isSymbolicLink(dangling));
        assertFalse(Files.exists(dir.resolve("target.scribe"), LinkOption.NOFOLLOW_LINKS), "nothing written through");

        Path bestLink = Files.createSymbolicLink(dir.resolve("b.best.scribe"), dir.resolve("elsewhere.scribe"));
        assertBadInput(train(corpus, dir.resolve("b.scribe"), "--steps", "2"), "symbolic link");
        assertTrue(Files.isSymbolicLink(bestLink));
        assertFalse(Files.exists(dir.resolve("b.scribe")), "nothing was trained");

        Path model = dir.resolve("a.scribe");
        assertEquals(0, train(corpus, model, "--steps", "2", "--no-best").code());
        byte[] before = Files.readAllBytes(model);
        Path link = Files.createSymbolicLink(dir.resolve("alink.scribe"), model);
        assertBadInput(train(corpus, link, "--steps", "2", "--force", "--no-best"), "symbolic link");
        assertBadInput(scribe("train", "--corpus", corpus.toString(), "--resume", model.toString(), "--out",
                link.toString(), "--steps", "2", "--no-best"), "symbolic link");
        assertTrue(Files.isSymbolicLink(link));
        assertArrayEquals(before, Files.readAllBytes(model));
    }

    @Test
    void labResultFilesAreCheckedBeforeTheSweep() throws IOException {
        String[] sweep = {"lab", "palindrome", "--cells", "rnn", "--lengths", "3", "--seeds", "1", "--steps", "2",
                "--hidden", "8", "--batch", "8"};
        Path same = dir.resolve("same.out");
        Result twice = scribe(concat(sweep, "--csv", same.toString(), "--png", same.toString()));
        assertBadInput(twice, "named for two results");
        assertFalse(twice.out().contains("runs="), "refused before running: " + twice.out());
        assertFalse(Files.exists(same));

        Path link = Files.createSymbolicLink(dir.resolve("csv-link.csv"), dir.resolve("nowhere.csv"));
        assertBadInput(scribe(concat(sweep, "--csv", link.toString())), "already exists");
        assertTrue(Files.isSymbolicLink(link));

        Path escaped = dir.resolve("\u001b[31mx.csv");
        Result r = scribe(concat(sweep, "--csv", escaped.toString()));
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("\u001b"), "no raw escape on the console");
        assertTrue(r.out().contains("csv=") && r.out().contains("\\u001B"), r.out());
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
