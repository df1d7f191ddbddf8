package app.scribe.persistence;

import app.scribe.lab.PlotPicture;
import app.scribe.lab.Table;
import app.scribe.library.Cancellation;
import app.scribe.library.Fetcher;
import app.scribe.library.GutenbergServer;
import app.scribe.library.Library;
import app.scribe.library.LibrarySettings;
import app.scribe.library.Mirror;
import app.scribe.model.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 22, item 3: every file Scribe writes has the permissions of a file the user creates in the same folder
 * ({@code Files.createTempFile} would have made downloads, exports and lab results private, rw-------).
 */
class WrittenFilePermissionsTest {
    @TempDir
    Path dir;

    @Test
    void everyWriterGivesTheUsersUsualPermissions() throws IOException {
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(Files.createFile(dir.resolve("by-user.txt")));

        Path model = dir.resolve("m.scribe");
        new ModelFile().save(SaveLoop.model(3), model);
        Path plain = dir.resolve("export.txt");
        AtomicFile.write(plain, Replace.ANY_FILE, out -> out.write("text".getBytes(StandardCharsets.UTF_8)));
        Path csv = Table.of(List.of("a", "b")).with(List.of("1", "2")).writeCsv(dir.resolve("lab.csv"));
        Path png = PlotPicture.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), dir.resolve("lab.png"));
        Path books = dir.resolve("books");
        try (GutenbergServer server = GutenbergServer.withBooks()) {
            Library library = new Library(books, Mirror.of(server.url() + "/"), new Fetcher(Fetcher.DEFAULT_TIMEOUT));
            Path book = library.get(599, Progress.NONE, new Cancellation());
            LibrarySettings.saveMirror(books, Mirror.of(server.url() + "/"));
            for (Path written : List.of(model, plain, csv, png, book, books.resolve(Library.CATALOG_FILE),
                    books.resolve("books.tsv"), books.resolve("library.properties"))) {
                assertEquals(PosixFilePermissions.toString(usual),
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(written)), written.toString());
            }
        }
    }
}
