package app.scribe.library;

import app.scribe.ScribeException;
import app.scribe.model.Progress;
import app.scribe.persistence.AtomicFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 23, items 1, 8 and 9: a book the user put in the library (a file or a link) is never replaced; a server that
 * drips bytes ends the download with the rate Scribe waits for; killed downloads' temporary files are removed.
 */
class LibraryFilesTest {
    @TempDir
    Path folder;
    private GutenbergServer server;
    private Path books;

    @BeforeEach
    void start() throws IOException {
        server = GutenbergServer.withBooks();
        books = Files.createDirectories(folder.resolve("books"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Library library(Fetcher fetcher) {
        return new Library(books, Mirror.of(server.url() + "/"), fetcher);
    }

    @Test
    void aBookAlreadyThereIsNeverReplaced() throws IOException {
        Library library = library(new Fetcher(Fetcher.DEFAULT_TIMEOUT));
        Path mine = Files.writeString(books.resolve("pg599.txt"), "my own notes");
        ScribeException e = assertThrows(ScribeException.class,
                () -> library.get(599, Progress.NONE, new Cancellation()));
        assertTrue(e.getMessage().contains("already in the library"), e.getMessage());
        assertEquals("my own notes", Files.readString(mine));

        Path elsewhere = Files.writeString(folder.resolve("mine.txt"), "kept where it is");
        Path link = Files.createSymbolicLink(books.resolve("pg2591.txt"), elsewhere);
        assertThrows(ScribeException.class, () -> library.get(2591, Progress.NONE, new Cancellation()));
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals("kept where it is", Files.readString(elsewhere));
    }

    @Test
    void aDrippingServerEndsTheDownloadWithTheRateInTheMessage() throws IOException {
        Library library = library(new Fetcher(Fetcher.DEFAULT_TIMEOUT,
                new Fetcher.Rate(Duration.ofMinutes(30), 1024, Duration.ofMillis(200))));
        library.catalog(Progress.NONE, new Cancellation());
        server.trickle(GutenbergServer.bookPath(599), GutenbergServer.shared("vanity_fair.txt", 4096), 1, 50);
        ScribeException e = assertThrows(ScribeException.class,
                () -> library.get(599, Progress.NONE, new Cancellation()));
        assertTrue(e.getMessage().contains("too slowly") && e.getMessage().contains("at least 1 KB"), e.getMessage());
        assertFalse(Files.exists(books.resolve("pg599.txt")));
    }

    @Test
    void aKilledDownloadsTemporaryFileIsRemovedByTheNext() throws IOException {
        Library library = library(new Fetcher(Fetcher.DEFAULT_TIMEOUT));
        Path temps = Files.createDirectories(books.resolve(AtomicFile.TEMP_FOLDER));
        Path left = Files.writeString(temps.resolve("pg599.txt-k1ll3d.tmp"), "half a book");
        Files.setLastModifiedTime(left, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        Path users = Files.writeString(books.resolve(".pg599.txt-k1ll3d.tmp"), "not Scribe's");
        library.get(599, Progress.NONE, new Cancellation());
        assertFalse(Files.exists(left), "the killed download's file is gone");
        assertFalse(Files.exists(temps), "and Scribe's empty folder with it");
        assertTrue(Files.exists(users), "a file outside Scribe's folder is the user's");
        assertFalse(Files.exists(books.resolve(".pg599.txt.lock")), "the lock file is removed");
    }

    /** Issue 23, item 11: a full disk is named as such, not taken for a connection cut short. */
    @Test
    void aFullDiskDuringADownloadSaysSo() throws Exception {
        Library library = library(new Fetcher(Fetcher.DEFAULT_TIMEOUT));
        library.catalog(Progress.NONE, new Cancellation());
        Path small = Files.createDirectories(folder.resolve("small"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", small.toString()) == 0,
                "mounting a small tmpfs is not allowed here");
        try {
            Files.copy(books.resolve(Library.CATALOG_FILE), small.resolve(Library.CATALOG_FILE));
            Library onSmallDisk = new Library(small, Mirror.of(server.url() + "/"),
                    new Fetcher(Fetcher.DEFAULT_TIMEOUT));
            ScribeException e = assertThrows(ScribeException.class,
                    () -> onSmallDisk.get(599, Progress.NONE, new Cancellation()));
            assertTrue(e.getMessage().contains("disk is full"), e.getMessage());
            assertFalse(Files.exists(small.resolve("pg599.txt")));
            assertFalse(Files.exists(small.resolve(AtomicFile.TEMP_FOLDER)), "no temporary file is left");
        } finally {
            run("umount", small.toString());
        }
    }

    private static int run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }
}
