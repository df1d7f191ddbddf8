package app.scribe.persistence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Copies a model file with its manifest.json edited: a damaged or foreign file for the loader to refuse. */
public final class ManifestEdit {
    private ManifestEdit() {
    }

    public static Path copy(Path original, Path edited, UnaryOperator<String> edit) throws IOException {
        try (ZipFile in = new ZipFile(original.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(edited))) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                byte[] data = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals(ModelFile.MANIFEST)) {
                    String manifest = new String(data, StandardCharsets.UTF_8);
                    String changed = edit.apply(manifest);
                    assertTrue(!changed.equals(manifest), "the edit applies");
                    data = changed.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(data);
            }
        }
        return edited;
    }
}
