package app.scribe.cli;

import app.scribe.TestCorpora;
import app.scribe.cli.ScribeCommandTest.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static app.scribe.cli.ScribeCommandTest.assertBadInput;
import static app.scribe.cli.ScribeCommandTest.train;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code train} replaces nothing it must not: devices, pipes, other files, the book, or a model nobody named. */
class OutputSafetyCommandTest {
    @TempDir
    static Path dir;
    static Path corpus;

    @BeforeAll
    static void writeCorpus() throws IOException {
        corpus = TestCorpora.shakespeare(dir, "shakespeare.txt", 8_000);
    }

    static Path fifo(Path path) throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor(), "mkfifo");
        return path;
    }

    @Test
    void devicesAndPipesAreNeverReplaced() throws Exception {
        assertBadInput(train(corpus, Path.of("/dev/null"), "--steps", "2"), "not a regular file");
        assertFalse(Files.isRegularFile(Path.of("/dev/null")), "/dev/null is still a device");

        Path pipe = fifo(dir.resolve("pipe.scribe"));
        assertBadInput(train(corpus, pipe, "--steps", "2"), "not a regular file");
        assertFalse(Files.isRegularFile(pipe), "the pipe is still a pipe");

        Path bestPipe = fifo(dir.resolve("piped.best.scribe"));
        Result r = train(corpus, dir.resolve("piped.scribe"), "--steps", "2", "--force");
        assertBadInput(r, "piped.best.scribe");
        assertFalse(Files.isRegularFile(bestPipe), "the .best pipe is still a pipe");
        assertFalse(Files.exists(dir.resolve("piped.scribe")), "nothing was trained");
    }

    @Test
    void aFileThatIsNotAModelIsNeverReplacedEvenWithForce() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "my notes");
        assertBadInput(train(corpus, notes, "--steps", "2"), "notes.txt exists and is not a Scribe model");
        assertBadInput(train(corpus, notes, "--steps", "2", "--force"), "is not a Scribe model");
        assertEquals("my notes", Files.readString(notes));

        Path emptyBest = Files.createFile(dir.resolve("n.best.scribe"));
        assertBadInput(train(corpus, dir.resolve("n.scribe"), "--steps", "2", "--force"), "n.best.scribe");
        assertEquals(0, Files.size(emptyBest));
    }

    @Test
    void noFileTheRunWritesMayBeTheBook() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("x"));
        Path bookNamedBest = Files.copy(corpus, folder.resolve("foo.best.scribe"));
        assertBadInput(train(bookNamedBest, folder.resolve("foo.scribe"), "--steps", "2"), "overwrite the book");

        Path book = Files.copy(corpus, folder.resolve("book.txt"));
        Path link = Files.createSymbolicLink(folder.resolve("link.scribe"), book);
        assertBadInput(train(book, link, "--steps", "2", "--force"), "overwrite the book");
        Files.createDirectories(folder.resolve("sub"));
        assertBadInput(train(book, folder.resolve("sub/../book.txt"), "--steps", "2"), "overwrite the book");
        Path temps = Files.createDirectories(folder.resolve(".scribe-temp"));
        Path bookNamedTemp = Files.copy(corpus, temps.resolve("t.scribe-abc123.tmp"));
        assertBadInput(train(bookNamedTemp, folder.resolve("t.scribe"), "--steps", "2"), "overwrite the book");

        byte[] original = Files.readAllBytes(corpus);
        for (Path each : new Path[]{bookNamedBest, book, bookNamedTemp}) {
            assertArrayEquals(original, Files.readAllBytes(each), each + " is unchanged");
        }
    }

    @Test
    void anExistingModelIsReplacedOnlyWhenResumedOrForced() throws IOException {
        Path model = dir.resolve("kept.scribe");
        Path best = dir.resolve("kept.best.scribe");
        assertEquals(0, train(corpus, model, "--steps", "4").code());
        byte[] before = Files.readAllBytes(model);
        byte[] bestBefore = Files.readAllBytes(best);

        Result again = train(corpus, model, "--steps", "2");
        assertBadInput(again, "kept.scribe already holds a Scribe model");
        assertTrue(again.err().contains("--resume " + model) && again.err().contains("--force"), again.err());
        assertArrayEquals(before, Files.readAllBytes(model));
        assertArrayEquals(bestBefore, Files.readAllBytes(best));

        Files.delete(model);
        assertBadInput(train(corpus, model, "--steps", "2"), "kept.best.scribe already holds a Scribe model");
        assertArrayEquals(bestBefore, Files.readAllBytes(best));

        Result forced = train(corpus, model, "--steps", "2", "--force");
        assertEquals(0, forced.code(), forced.err());
        assertTrue(forced.out().contains("saved " + model + " at step 2"), forced.out());

        Result resumed = ScribeCommandTest.scribe("train", "--corpus", corpus.toString(), "--out", model.toString(),
                "--resume", model.toString(), "--steps", "3");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("saved " + model + " at step 5"), resumed.out());
    }

    @Test
    void staleTemporaryFilesOfTheSameModelAreRemovedAtTheNextRun() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("stale"));
        Path temps = Files.createDirectories(folder.resolve(".scribe-temp"));
        FileTime yesterday = FileTime.fromMillis(System.currentTimeMillis() - 86_400_000L);
        Path[] stale = {temps.resolve("s.scribe-1a2b3c.tmp"), temps.resolve("s.best.scribe-zz9.tmp")};
        // Outside Scribe's own folder a file named like a temporary file is the user's (issue 23, item 4).
        Path[] kept = {temps.resolve("other.scribe-1a2b3c.tmp"), temps.resolve("s.scribe-x.scribe-4d.tmp"),
                temps.resolve("s.scribe-my notes.tmp"), folder.resolve(".s.scribe-1a2b3c.tmp"),
                folder.resolve("s.scribe-abc.tmp")};
        for (Path[] group : new Path[][]{stale, kept}) {
            for (Path p : group) {
                Files.writeString(p, "partial");
                Files.setLastModifiedTime(p, yesterday);
            }
        }
        Path newer = Files.writeString(temps.resolve("s.scribe-n3w.tmp"), "written after the lock was taken");
        Files.setLastModifiedTime(newer, FileTime.fromMillis(System.currentTimeMillis() + 3_600_000L));
        Result r = train(corpus, folder.resolve("s.scribe"), "--steps", "2");
        assertTrue(Files.exists(newer), "only files older than the lock are removed");
        assertEquals(0, r.code(), r.err());
        for (Path p : stale) {
            assertFalse(Files.exists(p), p + " was a killed writer's and is removed");
        }
        for (Path p : kept) {
            assertTrue(Files.exists(p), p + " belongs to another file and is kept");
        }
        assertFalse(Files.exists(folder.resolve(".s.scribe.lock")), "the lock file this run created is removed");
        assertFalse(Files.exists(folder.resolve(".s.best.scribe.lock")), "so is the best file's");
    }

    @Test
    void aFolderThatTakesNoFilesGivesASentence() {
        assertBadInput(train(corpus, Path.of("/proc/m.scribe"), "--steps", "2"), "cannot write m.scribe");
    }
}
