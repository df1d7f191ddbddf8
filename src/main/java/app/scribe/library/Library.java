package app.scribe.library;

import app.scribe.DataFolders;
import app.scribe.ScribeException;
import app.scribe.corpus.CorpusReader;
import app.scribe.model.Progress;
import app.scribe.persistence.Replace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The user's library: books downloaded from Project Gutenberg ({@code pgN.txt}, labelled in {@link BookIndex}) and
 * the catalog ({@code pg_catalog.csv.gz}), in one folder. The catalog is fetched on first use and on request; a
 * book is kept only when it arrived whole and reads as a text Scribe can train on.
 */
public final class Library {
    public static final String CATALOG_FILE = "pg_catalog.csv.gz";
    /** The compressed catalog is a few MB; this leaves room for it to grow. */
    private static final long MAX_CATALOG_BYTES = 256L * 1024 * 1024;
    private static final Pattern BOOK_FILE = Pattern.compile("pg(\\d+)\\.txt");
    private static final Pattern WEB_PAGE = Pattern.compile("^(\u00EF\u00BB\u00BF)?\\s*<(!doctype\\s+html|html|head|body)[\\s>]",
            Pattern.CASE_INSENSITIVE);

    /** A book already there is kept, whoever put it there: downloading it again would replace it. */
    private static final Replace NO_BOOK = (target, existing) -> "it is already in the library, and Scribe does not"
            + " replace it; remove it first to download the book again.";
    /** The catalog is replaced only by a new one: a file of another kind at its name is the user's. */
    private static final Replace CATALOG_ONLY = Replace.onlyIf(Library::isGzip, "it is not a gzip catalog, so it is"
            + " not the one Scribe fetched; move it away to fetch the catalog.");

    /** A book in the library. */
    public record Book(int id, Path file, BookIndex.Label label) {
    }

    private final Path folder;
    private final Mirror mirror;
    private final Fetcher fetcher;
    private Catalog catalog;

    public Library(Path folder, Mirror mirror, Fetcher fetcher) {
        this.folder = folder;
        this.mirror = mirror;
        this.fetcher = fetcher;
    }

    /** The library in the user's data folder, fetching from {@code mirror}. */
    public static Library ofUser(Mirror mirror) {
        return new Library(DataFolders.ofUser().books(), mirror, new Fetcher(Fetcher.DEFAULT_TIMEOUT));
    }

    public Path folder() {
        return folder;
    }

    public Mirror mirror() {
        return mirror;
    }

    public boolean hasCatalog() {
        return Files.isRegularFile(folder.resolve(CATALOG_FILE));
    }

    /** The catalog, downloaded first when the library has none. */
    public synchronized Catalog catalog(Progress progress, Cancellation cancel) {
        if (catalog == null && !hasCatalog()) {
            return refreshCatalog(progress, cancel);
        }
        if (catalog == null) {
            try {
                catalog = Catalog.read(folder.resolve(CATALOG_FILE));
            } catch (ScribeException e) {
                throw new ScribeException(e.getMessage() + " Refresh the catalog to fetch it again.", e);
            }
        }
        return catalog;
    }

    /** Downloads the catalog again; the one the library had stays until the new one has arrived whole. */
    public synchronized Catalog refreshCatalog(Progress progress, Cancellation cancel) {
        Catalog[] read = new Catalog[1];
        fetcher.download(mirror.catalog(), "the catalog", folder.resolve(CATALOG_FILE), CATALOG_ONLY, MAX_CATALOG_BYTES,
                progress, cancel, (file, contentType) -> {
                    refuseWebPage(file, contentType, "the catalog");
                    try (InputStream in = Files.newInputStream(file)) {
                        read[0] = Catalog.read(in, CATALOG_FILE + " from " + mirror.base().getHost());
                    } catch (ScribeException e) {
                        throw new ScribeException(e.getMessage() + " Nothing was saved.", e);
                    }
                    if (read[0].size() == 0) {
                        throw new ScribeException("The catalog from " + mirror.base().getHost() + " lists no texts;"
                                + " nothing was saved.");
                    }
                });
        catalog = read[0];
        return catalog;
    }

    /**
     * Downloads book {@code id} (its title and author from the catalog, which is fetched first if need be) and
     * returns its file.
     */
    public Path get(int id, Progress progress, Cancellation cancel) {
        CatalogEntry entry = catalog(Progress.NONE, cancel).byId(id).orElseThrow(() -> new ScribeException(
                "Book " + id + " is not a text in the catalog; search for it, or refresh the catalog if it is new."));
        Path target = folder.resolve("pg" + id + ".txt");
        String what = "book " + id;
        fetcher.download(mirror.book(id), what, target, NO_BOOK, CorpusReader.MAX_FILE_BYTES, progress, cancel,
                (file, contentType) -> {
                    refuseWebPage(file, contentType, what);
                    try {
                        new CorpusReader().fromBytes(what, Files.readAllBytes(file));
                    } catch (ScribeException e) {
                        throw new ScribeException("Refused " + what + " from " + mirror.base().getHost() + ": "
                                + e.getMessage() + " Nothing was saved.", e);
                    }
                });
        try {
            BookIndex.put(folder, target.getFileName().toString(),
                    new BookIndex.Label(entry.title(), entry.authors()));
        } catch (IOException e) {
            throw new ScribeException("Saved " + target + ", but its title could not be written to "
                    + folder.resolve(BookIndex.FILE_NAME) + ": " + e.getMessage(), e);
        }
        return target;
    }

    /** The books in the library, by title. */
    public List<Book> list() {
        List<Book> books = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return books;
        }
        Map<String, BookIndex.Label> labels = BookIndex.read(folder);
        try (Stream<Path> files = Files.list(folder)) {
            files.forEach(file -> {
                Matcher name = BOOK_FILE.matcher(file.getFileName().toString());
                if (name.matches()) {
                    books.add(new Book(Integer.parseInt(name.group(1)), file, labels.getOrDefault(
                            name.group(0), new BookIndex.Label(name.group(0), ""))));
                }
            });
        } catch (IOException e) {
            throw new ScribeException("Cannot list the library " + folder + ": " + e.getMessage(), e);
        }
        books.sort(Comparator.comparing((Book b) -> b.label().title().toLowerCase(Locale.ROOT))
                .thenComparing(Book::id));
        return books;
    }

    private static boolean isGzip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(2);
            return magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
        } catch (IOException e) {
            return false;
        }
    }

    /** Refuses an HTML page (a mirror's error or login page) served in place of the file. */
    private void refuseWebPage(Path file, String contentType, String what) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(512);
        }
        if (contentType.toLowerCase(Locale.ROOT).contains("html")
                || WEB_PAGE.matcher(new String(head, StandardCharsets.ISO_8859_1)).find()) {
            throw new ScribeException("Refused " + what + " from " + mirror.base().getHost() + ": it sent a web page"
                    + " instead of the file (the mirror may not have it, or a login page is in the way); nothing was"
                    + " saved.");
        }
    }
}
