package app.scribe.library;

import app.scribe.ScribeException;
import app.scribe.corpus.Corpus;
import app.scribe.corpus.CorpusReader;
import app.scribe.model.Progress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The library against a local Gutenberg mirror: every download ends with the book in the library, or with one
 * sentence and the library exactly as it was.
 */
class LibraryTest {
    @TempDir
    Path folder;
    private GutenbergServer server;
    private Library library;

    @BeforeEach
    void start() throws IOException {
        server = GutenbergServer.withBooks();
        library = libraryWithTimeout(Fetcher.DEFAULT_TIMEOUT);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Library libraryWithTimeout(Duration timeout) {
        return new Library(folder.resolve("books"), Mirror.of(server.url() + "/"), new Fetcher(timeout));
    }

    @Test
    void theCatalogArrivesOnFirstUseAndSearchesTitleAuthorSubjectAndLanguage() {
        List<long[]> events = new CopyOnWriteArrayList<>();
        Catalog catalog = library.catalog((done, total) -> events.add(new long[]{done, total}), new Cancellation());

        assertTrue(Files.isRegularFile(folder.resolve("books").resolve(Library.CATALOG_FILE)));
        assertFalse(events.isEmpty(), "progress was reported");
        long[] last = events.get(events.size() - 1);
        assertEquals(last[1], last[0], "the last event is the whole file");
        assertEquals(5, catalog.size(), "texts only: the sound recording is left out");
        assertEquals(List.of(599), ids(catalog.search("vanity", "", 100)));
        assertEquals(List.of(599), ids(catalog.search("THACKERAY fair", "en", 100)));
        assertEquals(List.of(2591), ids(catalog.search("fairy tales germany", "", 100)));
        assertEquals(List.of(4003), ids(catalog.search("bronte", "", 100)), "accents are ignored");
        assertEquals(List.of(4001), ids(catalog.search("monte cristo", "fr", 100)));
        assertEquals(List.of(), ids(catalog.search("monte cristo", "en", 100)));
        assertEquals("Le Comte de Monte-Cristo, Tome I", catalog.byId(4001).orElseThrow().title(),
                "a title over two lines is one line");
        assertEquals("Voyages \"around\" the world", catalog.byId(4002).orElseThrow().subjects());
        assertEquals(List.of(4002), ids(catalog.search("", "nl", 100)));
        assertTrue(server.userAgents().stream().allMatch(agent -> agent.startsWith("Scribe/")), server.userAgents().toString());

        Library again = libraryWithTimeout(Fetcher.DEFAULT_TIMEOUT);
        again.catalog(Progress.NONE, new Cancellation());
        assertEquals(1, server.userAgents().size(), "a library with a catalog does not fetch it again");
    }

    @Test
    void aBookArrivesWholeWithItsTitleAndAuthorAndReadsAsACorpus() throws IOException {
        List<long[]> events = new CopyOnWriteArrayList<>();
        Path saved = library.get(599, (done, total) -> events.add(new long[]{done, total}), new Cancellation());

        assertEquals(folder.resolve("books").resolve("pg599.txt"), saved);
        assertArrayEquals(GutenbergServer.shared("vanity_fair.txt", 300_000), Files.readAllBytes(saved));
        assertTrue(events.stream().allMatch(e -> e[1] == 300_000), "bytes of the total");
        assertEquals(300_000, events.get(events.size() - 1)[0]);
        List<Library.Book> books = library.list();
        assertEquals(1, books.size());
        assertEquals("Vanity Fair", books.get(0).label().title());
        assertEquals("Thackeray, William Makepeace, 1811-1863", books.get(0).label().author());
        Corpus corpus = new CorpusReader().read(saved);
        assertTrue(corpus.strippedGutenberg(), "the Gutenberg header is stripped as for any book");
        assertFalse(corpus.preview().contains("Project Gutenberg"), corpus.preview());
        assertEquals(Map.of(), leftovers(), "no temporary files are left");
    }

    @Test
    void aRedirectIsFollowed() throws IOException {
        byte[] book = GutenbergServer.shared("grimms_fairy_tales.txt", 300_000);
        server.serve("/files/2591/2591-0.txt", book, "text/plain; charset=utf-8");
        server.redirect(GutenbergServer.bookPath(2591), server.url() + "/files/2591/2591-0.txt");
        assertArrayEquals(book, Files.readAllBytes(library.get(2591, Progress.NONE, new Cancellation())));
    }

    @Test
    void cancellingMidWayLeavesNothing() throws IOException {
        haveCatalog();
        Map<String, String> before = snapshot();
        byte[] book = GutenbergServer.shared("grimms_fairy_tales.txt", 300_000);
        server.trickle(GutenbergServer.bookPath(2591), book, 8192, 20);
        Cancellation cancel = new Cancellation();
        long[] seen = new long[1];
        ScribeException refused = assertThrows(ScribeException.class, () -> library.get(2591, (done, total) -> {
            seen[0] = done;
            if (done > 0) {
                cancel.cancel();
            }
        }, cancel));

        assertTrue(refused.getMessage().contains("cancelled"), refused.getMessage());
        assertTrue(seen[0] > 0 && seen[0] < book.length, "cancelled mid-way, at " + seen[0]);
        assertEquals(before, snapshot());
    }

    @Test
    void aBodyCutShortLeavesNothing() throws IOException {
        byte[] book = GutenbergServer.shared("grimms_fairy_tales.txt", 300_000);
        assertRefused(() -> server.truncate(GutenbergServer.bookPath(2591), book, 100_000), "ended after");
    }

    @Test
    void missingBooksAndFailingServersAreSentences() throws IOException {
        assertRefused(() -> server.fail(GutenbergServer.bookPath(2591), 404), "does not have it (HTTP 404");
        assertRefused(() -> server.fail(GutenbergServer.bookPath(2591), 500), "failed (HTTP 500");
        assertRefused(() -> server.redirect(GutenbergServer.bookPath(2591), GutenbergServer.bookPath(2591)),
                "redirected more than 5 times");
        assertRefused(() -> server.redirect(GutenbergServer.bookPath(2591), "ftp://127.0.0.1/pg2591.txt"),
                "http and https only");
        ScribeException unknown = assertThrows(ScribeException.class,
                () -> library.get(4000, Progress.NONE, new Cancellation()));
        assertTrue(unknown.getMessage().contains("not a text in the catalog"), unknown.getMessage());
    }

    @Test
    void aWebPageOrABinaryFileInsteadOfTextLeavesNothing() throws IOException {
        byte[] page = "<!DOCTYPE html>\n<html><body>Please log in</body></html>".repeat(20)
                .getBytes(StandardCharsets.UTF_8);
        assertRefused(() -> server.serve(GutenbergServer.bookPath(2591), page, "text/plain"), "web page");
        assertRefused(() -> server.serve(GutenbergServer.bookPath(2591), "Once upon a time ".repeat(50)
                .getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8"), "web page");
        byte[] png = Arrays.copyOf(new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, 4000);
        assertRefused(() -> server.serve(GutenbergServer.bookPath(2591), png, "text/plain"), "PNG image");
    }

    @Test
    void aSilentServerTimesOut() throws IOException {
        library = libraryWithTimeout(Duration.ofSeconds(1));
        assertRefused(() -> server.stall(GutenbergServer.bookPath(2591), 4000), "did not answer within 1 second");
    }

    @Test
    void noServerAtTheMirrorIsASentence() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Library offline = new Library(folder.resolve("books"), Mirror.of("http://127.0.0.1:" + closedPort),
                new Fetcher(Fetcher.DEFAULT_TIMEOUT));
        ScribeException refused = assertThrows(ScribeException.class,
                () -> offline.catalog(Progress.NONE, new Cancellation()));
        assertTrue(refused.getMessage().startsWith("Could not download the catalog: cannot connect to 127.0.0.1"),
                refused.getMessage());
        assertEquals(Map.of(), snapshot());
    }

    @Test
    void aGzipCatalogCutShortLeavesTheOldOneInPlace() throws IOException {
        byte[] whole = GutenbergServer.gzip(GutenbergServer.CATALOG.getBytes(StandardCharsets.UTF_8));
        server.serve(GutenbergServer.catalogPath(), Arrays.copyOf(whole, whole.length / 2), "application/gzip");
        ScribeException first = assertThrows(ScribeException.class,
                () -> library.catalog(Progress.NONE, new Cancellation()));
        assertTrue(first.getMessage().contains("cut short"), first.getMessage());
        assertEquals(Map.of(), snapshot(), "no catalog, no stray file");

        server.serve(GutenbergServer.catalogPath(), whole, "application/gzip");
        haveCatalog();
        Map<String, String> before = snapshot();
        server.serve(GutenbergServer.catalogPath(), Arrays.copyOf(whole, whole.length - 10), "application/gzip");
        ScribeException refresh = assertThrows(ScribeException.class,
                () -> library.refreshCatalog(Progress.NONE, new Cancellation()));
        assertTrue(refresh.getMessage().contains("Nothing was saved"), refresh.getMessage());
        assertEquals(before, snapshot());
        assertEquals(5, libraryWithTimeout(Fetcher.DEFAULT_TIMEOUT).catalog(Progress.NONE, new Cancellation()).size());
    }

    @Test
    void aDamagedCatalogInTheLibraryAsksForARefresh() throws IOException {
        haveCatalog();
        Path file = folder.resolve("books").resolve(Library.CATALOG_FILE);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        Library later = libraryWithTimeout(Fetcher.DEFAULT_TIMEOUT);
        ScribeException refused = assertThrows(ScribeException.class,
                () -> later.catalog(Progress.NONE, new Cancellation()));
        assertTrue(refused.getMessage().contains("cut short") && refused.getMessage().contains("Refresh the catalog"),
                refused.getMessage());
        assertEquals(5, later.refreshCatalog(Progress.NONE, new Cancellation()).size());
        assertEquals(5, later.catalog(Progress.NONE, new Cancellation()).size());
    }

    @Test
    void requestsGoOneAtATime() throws Exception {
        haveCatalog();
        server.trickle(GutenbergServer.bookPath(599), GutenbergServer.shared("vanity_fair.txt", 200_000), 50_000, 30);
        server.trickle(GutenbergServer.bookPath(2591), GutenbergServer.shared("grimms_fairy_tales.txt", 200_000),
                50_000, 30);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<Path> first = two.submit(() -> library.get(599, Progress.NONE, new Cancellation()));
            Future<Path> second = two.submit(() -> library.get(2591, Progress.NONE, new Cancellation()));
            assertTrue(Files.isRegularFile(first.get()) && Files.isRegularFile(second.get()));
        } finally {
            two.shutdownNow();
        }
        assertEquals(1, server.mostAtOnce(), "the mirror never saw two requests at once");
        assertEquals(List.of("Grimms' Fairy Tales", "Vanity Fair"),
                library.list().stream().map(b -> b.label().title()).toList());
    }

    /** Makes the library fetch its catalog, then lets {@code setUp} break the server, and expects a refusal. */
    private void assertRefused(Runnable setUp, String fragment) throws IOException {
        haveCatalog();
        Map<String, String> before = snapshot();
        setUp.run();
        ScribeException refused = assertThrows(ScribeException.class,
                () -> library.get(2591, Progress.NONE, new Cancellation()));
        assertTrue(refused.getMessage().contains(fragment), () -> "'" + fragment + "' in: " + refused.getMessage());
        assertFalse(refused.getMessage().contains("Exception"), refused.getMessage());
        assertEquals(before, snapshot(), "the library is unchanged");
    }

    private void haveCatalog() {
        library.catalog(Progress.NONE, new Cancellation());
    }

    private static List<Integer> ids(List<CatalogEntry> entries) {
        return entries.stream().map(CatalogEntry::id).toList();
    }

    /** Every file under the test folder with its content's hash. */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(file).toString(), Arrays.toString(
                        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        return files;
    }

    private Map<String, String> leftovers() throws IOException {
        Map<String, String> parts = new TreeMap<>(snapshot());
        parts.keySet().removeIf(name -> !name.endsWith(".part"));
        return parts;
    }
}
