package app.scribe.library;

import app.scribe.ScribeException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 23, item 10: a catalog with an endless row or too many rows is refused with a sentence, not read whole. */
class CatalogLimitsTest {
    private static final String HEADER = "Text#,Type,Issued,Title,Language,Authors,Subjects,LoCC,Bookshelves\n";

    private static InputStream gzip(byte[] head, byte repeated, long count, String tail) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(head);
            byte[] chunk = new byte[1 << 16];
            java.util.Arrays.fill(chunk, repeated);
            for (long left = count; left > 0; left -= chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
            out.write(tail.getBytes(StandardCharsets.UTF_8));
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    @Test
    void aWebPageInPlaceOfTheCatalogIsNamedAsSuch() {
        ScribeException e = assertThrows(ScribeException.class, () -> Catalog.read(new ByteArrayInputStream(
                "<html><body>Mirror list</body></html>".getBytes(StandardCharsets.UTF_8)), "pg_catalog.csv.gz"));
        assertEquals("The catalog pg_catalog.csv.gz is not a gzip-compressed file: the mirror may not be a Project"
                + " Gutenberg mirror, or sent a web page instead.", e.getMessage());
    }

    @Test
    void aRowWithoutEndIsRefused() {
        ScribeException e = assertThrows(ScribeException.class, () -> Catalog.read(
                gzip(HEADER.getBytes(StandardCharsets.UTF_8), (byte) 'x', 50L << 20, "\n"), "endless.csv.gz"));
        assertTrue(e.getMessage().contains("row longer than"), e.getMessage());
    }

    @Test
    void tooManyTextsAreRefused() throws IOException {
        StringBuilder rows = new StringBuilder(HEADER);
        for (int i = 0; i <= CatalogCsv.MAX_TEXTS; i++) {
            rows.append(i).append(",Text,,T,en,A,S,,\n");
        }
        ScribeException e = assertThrows(ScribeException.class, () -> Catalog.read(
                gzip(rows.toString().getBytes(StandardCharsets.UTF_8), (byte) 0, 0, ""), "many.csv.gz"));
        assertTrue(e.getMessage().contains("more than 1,000,000 texts"), e.getMessage());
    }

    @Test
    void aHugeCatalogOfOtherItemsIsRefused() {
        String rows = "1,Sound,,T,en,A,S,,\n".repeat(50_000);
        ScribeException e = assertThrows(ScribeException.class, () -> Catalog.read(
                gzip(HEADER.getBytes(StandardCharsets.UTF_8), (byte) 0, 0,
                        rows.repeat((int) (CatalogCsv.MAX_CHARS / rows.length()) + 1)), "sounds.csv.gz"));
        assertTrue(e.getMessage().contains("MB once uncompressed"), e.getMessage());
    }
}
