package app.scribe.ui.models;

import app.scribe.persistence.CheckpointWriter;
import app.scribe.persistence.ModelFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Model files' names: the files a save writes, the next free name, a file's name without its extension. */
final class ModelNames {
    private ModelNames() {
    }

    /** The files a save to {@code target} writes. */
    static List<Path> savedFiles(Path target, boolean withBest) {
        return withBest ? List.of(target, CheckpointWriter.bestPathFor(target)) : List.of(target);
    }

    /**
     * {@code target}, or when it or its best file exists, the first free {@code NAME-2}, {@code NAME-3}, … counted
     * from the name without its number, so that {@code my-model-2} taken gives {@code my-model-3}.
     */
    static Path freeName(Path target) {
        Path free = target;
        String stem = baseName(target).replaceFirst("-\\d+$", "");
        for (int n = 2; Files.exists(free) || Files.exists(CheckpointWriter.bestPathFor(free)); n++) {
            free = target.resolveSibling(stem + "-" + n + ModelFile.EXTENSION);
        }
        return free;
    }

    static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(ModelFile.EXTENSION) ? name.substring(0, name.length() - ModelFile.EXTENSION.length()) : name;
    }

    static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
