package app.scribe.library;

import app.scribe.ScribeException;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Project Gutenberg's {@code pg_catalog.csv} (RFC 4180: quoted fields may hold commas, quotes and line
 * breaks), keeping the books of type {@code Text}. Columns are found by name in the header row.
 */
final class CatalogCsv {
    private static final List<String> NEEDED = List.of("Text#", "Type", "Title", "Language", "Authors", "Subjects");
    /** Gutenberg's catalog lists about 75,000 texts in about 15 MB; these caps leave it room to grow eightfold. */
    static final int MAX_TEXTS = 1_000_000;
    static final long MAX_CHARS = 128L << 20;
    static final int MAX_ROW_CHARS = 64 * 1024;

    private final Reader in;
    private final String name;
    private int pending = -2;
    private long chars;
    private int rowChars;

    private CatalogCsv(Reader in, String name) {
        this.in = in;
        this.name = name;
    }

    static List<CatalogEntry> read(Reader in, String name) throws IOException {
        CatalogCsv csv = new CatalogCsv(in, name);
        List<String> header = csv.row();
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; header != null && i < header.size(); i++) {
            column.put(header.get(i).strip().replace("\uFEFF", ""), i);
        }
        for (String needed : NEEDED) {
            if (!column.containsKey(needed)) {
                throw new ScribeException(name + " is not a Project Gutenberg catalog: it has no \"" + needed
                        + "\" column.");
            }
        }
        List<CatalogEntry> entries = new ArrayList<>();
        for (List<String> row = csv.row(); row != null; row = csv.row()) {
            if (row.size() < header.size() || !"Text".equals(row.get(column.get("Type")).strip())) {
                continue;
            }
            if (entries.size() == MAX_TEXTS) {
                throw new ScribeException(String.format("%s lists more than %,d texts, more than a Project Gutenberg"
                        + " catalog holds; Scribe does not read it.", name, MAX_TEXTS));
            }
            try {
                entries.add(new CatalogEntry(Integer.parseInt(row.get(column.get("Text#")).strip()),
                        oneLine(row.get(column.get("Title"))), oneLine(row.get(column.get("Authors"))),
                        oneLine(row.get(column.get("Language"))), oneLine(row.get(column.get("Subjects")))));
            } catch (NumberFormatException e) {
                throw new ScribeException(name + " is damaged: \"" + oneLine(row.get(column.get("Text#")))
                        + "\" is not a book number.");
            }
        }
        return entries;
    }

    private static String oneLine(String field) {
        return field.strip().replaceAll("[\\s\\p{Cntrl}]+", " ");
    }

    /** The next row's fields, or null at the end of the input. */
    private List<String> row() throws IOException {
        rowChars = 0;
        int c = next();
        if (c == -1) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new ScribeException(name + " is damaged: it ends inside a quoted field.");
                }
                if (c == '"') {
                    int after = next();
                    if (after == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = after;
                        continue;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == -1) {
                fields.add(field.toString());
                return fields;
            } else if (c == '\r') {
                int after = next();
                if (after != '\n') {
                    pending = after;
                }
                fields.add(field.toString());
                return fields;
            } else {
                field.append((char) c);
            }
            c = next();
        }
    }

    private int next() throws IOException {
        if (pending != -2) {
            int c = pending;
            pending = -2;
            return c;
        }
        if (++rowChars > MAX_ROW_CHARS) {
            throw new ScribeException(String.format("%s has a row longer than %,d characters, which no catalog has;"
                    + " Scribe does not read it.", name, MAX_ROW_CHARS));
        }
        if (++chars > MAX_CHARS) {
            throw new ScribeException(String.format("%s is larger than %,d MB once uncompressed, more than a Project"
                    + " Gutenberg catalog; Scribe does not read it.", name, MAX_CHARS >> 20));
        }
        return in.read();
    }
}
