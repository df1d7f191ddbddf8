package app.scribe.ui.models;

import app.scribe.corpus.CorpusInfo;
import app.scribe.model.CellType;
import app.scribe.persistence.CheckpointWriter;
import app.scribe.persistence.ModelFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Model files' names: a new model's name from its books and cell, the files a save writes, the next free name, a
 * file's name without its extension.
 */
final class ModelNames {
    /** The most characters a name takes from the books' names. */
    private static final int MAX_BOOKS_LENGTH = 40;

    private ModelNames() {
    }

    /**
     * A new model's name: its books' file names (lower case, without extensions, words joined by '-', at most
     * {@value #MAX_BOOKS_LENGTH} characters) and its cell, as the starters are named ({@code vanity-fair-lstm}).
     */
    static String forModel(CorpusInfo corpus, CellType cell) {
        List<String> names = corpus.books() == null ? List.of(corpus.name())
                : corpus.books().stream().map(CorpusInfo.BookInfo::name).toList();
        String books = names.stream()
                .map(n -> n.replaceFirst("\\.[^.]{1,5}$", "").toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", ""))
                .filter(n -> !n.isEmpty()).collect(Collectors.joining("-"));
        if (books.length() > MAX_BOOKS_LENGTH) {
            books = books.substring(0, MAX_BOOKS_LENGTH).replaceAll("-+$", "");
        }
        return (books.isEmpty() ? "model" : books) + "-" + cell.id();
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
        return freeName(target, Set.of());
    }

    /** {@link #freeName(Path)}, also passing over the file names in {@code takenElsewhere} (the starters'). */
    static Path freeName(Path target, Set<String> takenElsewhere) {
        Path free = target;
        String stem = baseName(target).replaceFirst("-\\d+$", "");
        for (int n = 2; Files.exists(free) || Files.exists(CheckpointWriter.bestPathFor(free))
                || takenElsewhere.contains(free.getFileName().toString()); n++) {
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
