package app.scribe.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sniff that decides whether a file is a Scribe model that --force may replace, and path canonicalisation. */
class OutputGuardTest {
    @TempDir
    Path dir;

    @Test
    void onlyAZipWithAScribeManifestCountsAsAModel() throws IOException {
        Path model = dir.resolve("m.scribe");
        new ModelFile().save(SaveLoop.model(3), model);
        assertTrue(OutputGuard.isScribeModel(model));

        Path other = dir.resolve("other.scribe");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(other))) {
            zip.putNextEntry(new ZipEntry(ModelFile.MANIFEST));
            zip.write("{\"formatVersion\": 1, \"app\": \"Other\"}".getBytes(StandardCharsets.UTF_8));
        }
        assertFalse(OutputGuard.isScribeModel(other), "another app's zip");
        byte[] bytes = Files.readAllBytes(model);
        assertFalse(OutputGuard.isScribeModel(Files.write(dir.resolve("cut.scribe"),
                Arrays.copyOf(bytes, bytes.length / 2))), "a truncated file");
        assertFalse(OutputGuard.isScribeModel(Files.writeString(dir.resolve("notes.txt"), "notes")), "a text");
        assertFalse(OutputGuard.isScribeModel(dir), "a folder");
        assertFalse(OutputGuard.isScribeModel(dir.resolve("absent.scribe")), "nothing");
    }

    @Test
    void linksAndDotDotLeadToTheSamePathWhetherTheFileExistsOrNot() throws IOException {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        assertEquals(OutputGuard.canonical(real.resolve("new.scribe")),
                OutputGuard.canonical(link.resolve("sub/../new.scribe")));
        Path book = Files.writeString(real.resolve("book.txt"), "text");
        assertEquals(book.toRealPath(), OutputGuard.canonical(link.resolve("book.txt")));
    }
}
