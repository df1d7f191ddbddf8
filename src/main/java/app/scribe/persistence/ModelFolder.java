package app.scribe.persistence;

import app.scribe.Printable;
import app.scribe.ScribeException;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The models folder: its model files newest first, and renaming or deleting one. Only Scribe's own files are
 * touched: .scribe files directly in this folder whose manifest reads back, not locked by a training run; a rename
 * never replaces a file.
 */
public final class ModelFolder {
    private final Path folder;
    private final ModelFile files = new ModelFile();

    public ModelFolder(Path folder) {
        this.folder = folder;
    }

    /** The file that a model named {@code name} is saved to, or a ScribeException saying why the name cannot be used. */
    public Path fileFor(String name) {
        String base = name == null ? "" : name.trim();
        if (base.endsWith(ModelFile.EXTENSION)) {
            base = base.substring(0, base.length() - ModelFile.EXTENSION.length());
        }
        if (base.isEmpty()) {
            throw new ScribeException("The name is empty: type a name for the model.");
        }
        if (!base.matches("[\\p{L}\\p{N} ._-]+") || base.startsWith(".")) {
            throw new ScribeException("A model name may use letters, digits, spaces, '.', '_' and '-' (got '"
                    + Printable.escape(String.valueOf(name)) + "').");
        }
        return folder.resolve(base + ModelFile.EXTENSION);
    }

    /** The model files, newest first. */
    public List<Path> files() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> p.getFileName().toString().endsWith(ModelFile.EXTENSION))
                    .sorted(Comparator.comparing(ModelSummary::modifiedTime).reversed().thenComparing(Path::getFileName))
                    .toList();
        }
    }

    public ModelSummary summary(Path file) {
        return files.summary(file);
    }

    /**
     * Renames a model file to {@code newName}, and its best-so-far companion ({@code NAME.best.scribe}) with it when
     * there is one; returns the new file. Nothing moves unless both new names are free.
     */
    public Path rename(Path file, String newName) {
        Path target = fileFor(newName);
        requireOwn(file);
        Path best = CheckpointWriter.bestPathFor(file);
        boolean withBest = !file.getFileName().toString().endsWith(CheckpointWriter.BEST_SUFFIX + ModelFile.EXTENSION)
                && Files.isRegularFile(best, LinkOption.NOFOLLOW_LINKS) && !summary(best).damaged();
        Path bestTarget = CheckpointWriter.bestPathFor(target);
        for (Path taken : withBest ? List.of(target, bestTarget) : List.of(target)) {
            if (Files.exists(taken, LinkOption.NOFOLLOW_LINKS)) {
                throw new ScribeException(taken.getFileName() + " already exists: pick another name.");
            }
        }
        try (OutputLock lock = OutputLock.acquire(file)) {
            Path moved = move(file, target);
            if (withBest) {
                move(best, bestTarget);
            }
            return moved;
        }
    }

    /** Moves without REPLACE_EXISTING: a file that appeared meanwhile is kept. */
    private static Path move(Path from, Path to) {
        try {
            return Files.move(from, to);
        } catch (FileAlreadyExistsException e) {
            throw new ScribeException(to.getFileName() + " already exists: pick another name.");
        } catch (IOException e) {
            throw new ScribeException("Cannot rename " + from.getFileName() + ": " + e.getMessage());
        }
    }

    public void delete(Path file) {
        requireOwn(file);
        try (OutputLock lock = OutputLock.acquire(file)) {
            Files.delete(file);
        } catch (IOException e) {
            throw new ScribeException("Cannot delete " + file.getFileName() + ": " + e.getMessage());
        }
    }

    private void requireOwn(Path file) {
        String name = Printable.escape(String.valueOf(file.getFileName()));
        Path parent = file.toAbsolutePath().normalize().getParent();
        if (parent == null || !parent.equals(folder.toAbsolutePath().normalize())
                || !name.endsWith(ModelFile.EXTENSION) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ScribeException(name + " is not a model file in " + folder + "; Scribe leaves it alone.");
        }
        ModelSummary summary = summary(file);
        if (summary.damaged()) {
            throw new ScribeException(name + " does not read back as a Scribe model, so Scribe leaves it alone ("
                    + summary.problem() + ")");
        }
    }
}
