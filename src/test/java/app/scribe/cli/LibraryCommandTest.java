package app.scribe.cli;

import app.scribe.DataFolders;
import app.scribe.ScribeHome;
import app.scribe.library.GutenbergServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static app.scribe.cli.ScribeCommandTest.assertBadInput;
import static app.scribe.cli.ScribeCommandTest.scribe;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code library search | get | list} and {@code paths} against a local mirror, in a data folder of the test's own. */
class LibraryCommandTest {
    @TempDir
    Path home;
    private ScribeHome scribeHome;
    private GutenbergServer server;

    @BeforeEach
    void start() throws IOException {
        scribeHome = ScribeHome.at(home);
        server = GutenbergServer.withBooks();
    }

    @AfterEach
    void stop() {
        server.close();
        scribeHome.restore();
    }

    @Test
    void pathsPrintsTheDataFolders() {
        ScribeCommandTest.Result r = scribe("paths");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("models=" + home.resolve("models"), "books=" + home.resolve("books"),
                "log=" + home.resolve("scribe.log"), "lab=" + home.resolve("lab-results")), r.outLines());
    }

    @Test
    void searchGetAndList() throws IOException {
        ScribeCommandTest.Result empty = scribe("library", "list");
        assertEquals(List.of(), empty.outLines());
        assertTrue(empty.err().startsWith("warning: the library (" + home.resolve("books") + ") has no books yet"),
                empty.err());

        ScribeCommandTest.Result search = scribe("library", "search", "--mirror", server.url(), "vanity");
        assertEquals(0, search.code(), search.err());
        assertEquals(List.of("599\tVanity Fair\tThackeray, William Makepeace, 1811-1863\ten"), search.outLines());
        ScribeCommandTest.Result french = scribe("library", "search", "--mirror", server.url(), "--language", "fr",
                "cristo");
        assertEquals(List.of("4001\tLe Comte de Monte-Cristo, Tome I\tDumas, Alexandre, 1802-1870\tfr"),
                french.outLines());

        ScribeCommandTest.Result get = scribe("library", "get", "--mirror", server.url(), "599");
        assertEquals(0, get.code(), get.err());
        Path book = home.resolve("books").resolve("pg599.txt");
        assertEquals(List.of("saved " + book), get.outLines());
        assertArrayEquals(GutenbergServer.shared("vanity_fair.txt", 300_000), Files.readAllBytes(book));

        ScribeCommandTest.Result list = scribe("library", "list");
        assertEquals(List.of("599\tVanity Fair\tThackeray, William Makepeace, 1811-1863\t" + book), list.outLines());
    }

    /**
     * A name that does not resolve, without asking any DNS server: a fresh JVM whose host names come from an empty
     * hosts file.
     */
    @Test
    void anUnknownHostIsOneErrorLine() throws Exception {
        Path hosts = Files.createFile(home.resolve("hosts"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djdk.net.hosts.file=" + hosts, "-D" + DataFolders.HOME_PROPERTY + "=" + home, "-cp",
                System.getProperty("java.class.path"), "app.scribe.Main", "library", "search", "--mirror",
                "http://gutenberg.invalid", "vanity");
        builder.environment().put("OMP_NUM_THREADS", "1");
        Process process = builder.redirectOutput(home.resolve("out.txt").toFile())
                .redirectError(home.resolve("err.txt").toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the command ends");
        assertBadInput(new ScribeCommandTest.Result(process.exitValue(), Files.readString(home.resolve("out.txt")),
                Files.readString(home.resolve("err.txt"))), "cannot find the server gutenberg.invalid");
        assertFalse(Files.exists(home.resolve("books")), "nothing was written");
    }

    @Test
    void failuresAreOneErrorLine() throws IOException {
        assertBadInput(scribe("library", "search", "--mirror", "ftp://example.org", "vanity"),
                "must be an http or https address");
        assertBadInput(scribe("library", "get", "--mirror", server.url(), "4000"), "not a text in the catalog");
        server.fail(GutenbergServer.bookPath(2591), 500);
        assertBadInput(scribe("library", "get", "--mirror", server.url(), "2591"), "failed (HTTP 500");
        server.fail(GutenbergServer.bookPath(2591), 404);
        assertBadInput(scribe("library", "get", "--mirror", server.url(), "2591"), "does not have it (HTTP 404");
        assertBadInput(scribe("library", "get", "--mirror", server.url(), "-3"), "positive");
        assertBadInput(scribe("library", "get", "--mirror", server.url(), "many"), "many");
        assertBadInput(scribe("library"), "Name a library command");
        try (var files = Files.list(home.resolve("books"))) {
            assertEquals(List.of("pg_catalog.csv.gz"), files.map(p -> p.getFileName().toString()).toList(),
                    "only the catalog arrived");
        }
    }

    /** Issue 23, item 17: C1 controls and bidirectional overrides from a catalog are shown escaped. */
    @Test
    void catalogFieldsAreEscaped() throws IOException {
        String catalog = "Text#,Type,Issued,Title,Language,Authors,Subjects,LoCC,Bookshelves\n"
                + "7,Text,2000-01-01,\"Evil \u009b31m \u202etitle\",en,\"Doe, Jane\",Tricks,PR,\n";
        server.serve(GutenbergServer.catalogPath(), GutenbergServer.gzip(catalog.getBytes(StandardCharsets.UTF_8)),
                "application/gzip");
        ScribeCommandTest.Result r = scribe("library", "search", "--mirror", server.url(), "evil");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("\u009b") || r.out().contains("\u202e"), r.out());
        assertTrue(r.out().contains("\\u009B31m \\u202Etitle"), r.out());
    }
}
