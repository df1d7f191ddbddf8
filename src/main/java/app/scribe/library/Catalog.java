package app.scribe.library;

import app.scribe.ScribeException;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The Project Gutenberg catalog in memory, books of type Text only. Searching matches every word of the query
 * against title, authors and subjects, ignoring case and accents, so it takes milliseconds over the whole catalog.
 */
public final class Catalog {
    private final List<CatalogEntry> entries;
    private final List<String> searchable;
    private final Map<Integer, CatalogEntry> byId = new HashMap<>();

    Catalog(List<CatalogEntry> entries) {
        this.entries = List.copyOf(entries);
        this.searchable = new ArrayList<>(entries.size());
        for (CatalogEntry entry : entries) {
            searchable.add(fold(entry.title() + " " + entry.authors() + " " + entry.subjects()));
            byId.put(entry.id(), entry);
        }
    }

    /** Reads a gzip-compressed catalog file; a damaged or cut-short one is refused with a sentence. */
    public static Catalog read(Path gzipFile) {
        try (InputStream in = Files.newInputStream(gzipFile)) {
            return read(in, gzipFile.getFileName().toString());
        } catch (IOException e) {
            throw new ScribeException("The catalog " + gzipFile + " cannot be read: " + e.getMessage(), e);
        }
    }

    static Catalog read(InputStream gzip, String name) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(gzip),
                StandardCharsets.UTF_8))) {
            return new Catalog(CatalogCsv.read(reader, name));
        } catch (EOFException e) {
            throw new ScribeException("The catalog " + name + " is cut short (the compressed file ends early).", e);
        } catch (ZipException e) {
            throw new ScribeException("The catalog " + name + (String.valueOf(e.getMessage()).contains("GZIP format")
                    ? " is not a gzip-compressed file: the mirror may not be a Project Gutenberg mirror, or sent a"
                    + " web page instead." : " is damaged: its compressed data cannot be unpacked."), e);
        }
    }

    public int size() {
        return entries.size();
    }

    public Optional<CatalogEntry> byId(int id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The books whose title, authors or subjects contain every word of {@code query}, in a language (blank: any),
     * by book number; at most {@code limit}.
     */
    public List<CatalogEntry> search(String query, String language, int limit) {
        String[] words = fold(query).split("\\s+");
        List<CatalogEntry> found = new ArrayList<>();
        for (int i = 0; i < entries.size() && found.size() < limit; i++) {
            if (entries.get(i).inLanguage(language) && containsAll(searchable.get(i), words)) {
                found.add(entries.get(i));
            }
        }
        return found;
    }

    private static boolean containsAll(String text, String[] words) {
        for (String word : words) {
            if (!text.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** Lower case without accents, so that "bronte" finds Brontë. */
    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT)
                .strip();
    }
}
