package app.scribe.persistence;

import app.scribe.ScribeException;
import app.scribe.training.CheckpointSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 23, items 2, 3, 5 and 12: links, files put in a run's place, locks on real files, a pipe as lock file. */
class FilesScribeDidNotWriteTest {
    @TempDir
    Path dir;

    @Test
    void aLinkIsNeitherWrittenThroughNorReplaced() throws IOException {
        Path model = dir.resolve("real.scribe");
        new ModelFile().save(SaveLoop.model(3), model);
        byte[] before = Files.readAllBytes(model);
        Path link = Files.createSymbolicLink(dir.resolve("link.scribe"), model);
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.scribe"), dir.resolve("nowhere.scribe"));
        for (Path each : List.of(link, dangling)) {
            ScribeException e = assertThrows(ScribeException.class, () -> new ModelFile().save(SaveLoop.model(4), each));
            assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
            assertTrue(Files.isSymbolicLink(each), each + " is still a link");
        }
        assertArrayEquals(before, Files.readAllBytes(model));
        assertTrue(Files.notExists(dir.resolve("nowhere.scribe"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aFilePutInTheRunsPlaceIsNotReplacedAtTheNextCheckpoint() throws Exception {
        Path latest = dir.resolve("run.scribe");
        SavedModel saved = SaveLoop.model(3);
        BlockingQueue<Object> done = new LinkedBlockingQueue<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        try (CheckpointWriter writer = new CheckpointWriter(latest, saved.vocabulary(), saved.corpus(), done::add,
                failure -> {
                    failures.add(failure);
                    done.add(failure);
                })) {
            writer.checkpoint(CheckpointSink.Kind.LATEST, saved.model(), saved.history());
            done.take();
            writer.checkpoint(CheckpointSink.Kind.LATEST, saved.model(), saved.history());
            done.take();
            assertEquals(List.of(), failures, "the run replaces the file it wrote");
            Files.delete(latest);
            Files.writeString(latest, "the user's own file");
            writer.checkpoint(CheckpointSink.Kind.LATEST, saved.model(), saved.history());
            done.take();
            Path best = CheckpointWriter.bestPathFor(latest);
            Files.writeString(best, "made while the run went");
            writer.checkpoint(CheckpointSink.Kind.BEST, saved.model(), saved.history());
        }
        assertEquals("made while the run went", Files.readString(CheckpointWriter.bestPathFor(latest)));
        assertEquals("the user's own file", Files.readString(latest));
        assertEquals(1, failures.size(), "reported once: " + failures);
        assertTrue(failures.stream().allMatch(f -> f.contains("someone else")), failures.toString());
    }

    @Test
    void theFinalSaveReplacesOnlyWhatTheRunWrote() throws Exception {
        Path latest = dir.resolve("final.scribe");
        SavedModel saved = SaveLoop.model(3);
        try (CheckpointWriter writer = new CheckpointWriter(latest, saved.vocabulary(), saved.corpus(), w -> { },
                f -> { })) {
            writer.saveLatest(saved.model(), saved.history());
            Path other = dir.resolve("other.scribe");
            new ModelFile().save(SaveLoop.model(9), other);
            Files.move(other, latest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            byte[] theirs = Files.readAllBytes(latest);
            ScribeException e = assertThrows(ScribeException.class,
                    () -> writer.saveLatest(saved.model(), SaveLoop.model(5).history()));
            assertTrue(e.getMessage().contains("someone else"), e.getMessage());
            assertArrayEquals(theirs, Files.readAllBytes(latest), "another Scribe model put there is kept");
        }
    }

    @Test
    void theBestFileIsLockedToo() {
        Path model = dir.resolve("x.scribe");
        try (OutputLock lock = OutputLock.acquire(model)) {
            ScribeException e = assertThrows(ScribeException.class,
                    () -> OutputLock.acquire(dir.resolve("x.best.scribe")));
            assertTrue(e.getMessage().contains("another Scribe run"), e.getMessage());
        }
        try (OutputLock lock = OutputLock.acquire(dir.resolve("x.best.scribe"))) {
            assertThrows(ScribeException.class, () -> OutputLock.acquire(model));
        }
    }

    @Test
    void theRealFileIsLockedUnderAnyName() throws IOException {
        Path same = dir.resolve("same.scribe");
        Path link = Files.createSymbolicLink(dir.resolve("samelink.scribe"), same);
        Path folderLink = Files.createSymbolicLink(dir.resolve("alias"), dir);
        try (OutputLock lock = OutputLock.acquire(same)) {
            assertThrows(ScribeException.class, () -> OutputLock.acquire(link));
            assertThrows(ScribeException.class, () -> OutputLock.acquire(folderLink.resolve("same.scribe")));
        }
    }

    @Test
    @Timeout(120)
    void aPipeAsLockFileIsRefusedNotWaitedOn() throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve(".piped.scribe.lock").toString()).start();
        assertEquals(0, mkfifo.waitFor());
        ScribeException e = assertThrows(ScribeException.class, () -> OutputLock.acquire(dir.resolve("piped.scribe")));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }
}
