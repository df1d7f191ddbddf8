package app.scribe.persistence;

import app.scribe.ScribeException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The rules for replacing files: Scribe writes a model only over nothing, or over a Scribe model the user asked it
 * to replace; never over the book it reads, a device, a pipe, a folder or a file of any other kind. Paths are
 * compared after following symbolic links and {@code ..}, so no second name for a file gets past the rules.
 */
public final class OutputGuard {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OutputGuard() {
    }

    /**
     * Refuses, with a sentence naming the file, a run that would replace what it must not.
     *
     * @param outputs the model files the run may write (the latest and, when kept, the best); their temporary files
     *                are checked too
     * @param corpus  the book the run reads
     * @param resumed the model the run continues, or null; writing over it is what resuming means
     * @param force   whether existing Scribe models may be replaced
     */
    public static void check(List<Path> outputs, Path corpus, Path resumed, boolean force) {
        Path book = canonical(corpus);
        for (Path output : outputs) {
            Path target = canonical(output);
            if (target.equals(book) || AtomicFile.isTempOf(book, target)) {
                throw new ScribeException("Cannot save to " + output + ": the corpus " + corpus + " is there, and "
                        + "saving the model would overwrite the book; choose another --out.");
            }
        }
        ModelFile files = new ModelFile();
        for (Path output : outputs) {
            files.checkWritable(output);
        }
        Path continued = resumed == null ? null : canonical(resumed);
        for (Path output : outputs) {
            if (!Files.exists(output)) {
                continue;
            }
            if (!isScribeModel(output)) {
                throw new ScribeException(output + " exists and is not a Scribe model; Scribe replaces only models"
                        + " it wrote. Choose another --out, or move the file away first.");
            }
            boolean sameRun = continued != null && canonical(outputs.get(0)).equals(continued);
            if (!force && !sameRun) {
                throw new ScribeException(output + " already holds a Scribe model; to continue training it use "
                        + "--resume " + outputs.get(0) + ", or add --force to replace it.");
            }
        }
    }

    /** A cheap look: a zip archive whose manifest.json names Scribe as its app and has a format version. */
    public static boolean isScribeModel(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry manifest = zip.getEntry(ModelFile.MANIFEST);
            if (manifest == null || manifest.getSize() > ModelFile.MAX_MANIFEST_BYTES) {
                return false;
            }
            try (InputStream in = zip.getInputStream(manifest)) {
                JsonNode root = JSON.readTree(in.readNBytes((int) ModelFile.MAX_MANIFEST_BYTES));
                return root != null && "Scribe".equals(root.path("app").asText())
                        && root.path("formatVersion").isInt();
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The real path of {@code path}: links and {@code ..} resolved in the part that exists, the rest appended. Two
     * names of one file give the same result, whether the file exists yet or not.
     */
    static Path canonical(Path path) {
        return canonical(path, 0);
    }

    /** A dangling link counts as the file it names: writing through it would create that file. */
    private static Path canonical(Path path, int links) {
        Path absolute = path.toAbsolutePath();
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            Path parent = absolute.getParent();
            if (parent == null) {
                return absolute.normalize();
            }
            String last = String.valueOf(absolute.getFileName());
            Path real = canonical(parent, links);
            if (last.equals("..")) {
                return real.getParent() == null ? real : real.getParent();
            }
            Path resolved = last.equals(".") ? real : real.resolve(last);
            if (links < 40 && Files.isSymbolicLink(resolved)) {
                try {
                    return canonical(real.resolve(Files.readSymbolicLink(resolved)), links + 1);
                } catch (IOException unreadable) {
                    return resolved;
                }
            }
            return resolved;
        }
    }
}
