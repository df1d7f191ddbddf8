package app.scribe.persistence;

import app.scribe.ScribeException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

/**
 * Claims a model file for one writer: an operating-system lock on the hidden file {@code .NAME.scribe.lock} beside
 * it, held for a whole run, so that two runs (two commands, or the command and the app) never write the same model
 * and its best checkpoint. The system drops the lock when the process dies, however it dies. While it holds the lock
 * a run also removes the temporary files that killed writers left beside the model.
 */
public final class OutputLock implements AutoCloseable {
    private final Path lockFile;
    private final boolean created;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path lockFile, boolean created, FileChannel channel, FileLock lock) {
        this.lockFile = lockFile;
        this.created = created;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock for {@code model} (and its best checkpoint), or says who holds it. The model's folder is created
     * if need be: the user's models folder does not exist until the first model is written.
     */
    public static OutputLock acquire(Path model) {
        Path target = model.toAbsolutePath();
        Path lockFile = target.resolveSibling("." + target.getFileName() + ".lock");
        try {
            Files.createDirectories(target.getParent());
            for (int attempt = 0; ; attempt++) {
                OutputLock taken = tryAcquire(model, lockFile);
                if (taken != null) {
                    taken.removeStaleTemporaryFiles(target);
                    return taken;
                }
                if (attempt >= 10) {
                    throw new IOException("the lock file keeps being replaced");
                }
            }
        } catch (IOException e) {
            throw new ScribeException("Cannot lock " + model + " for writing (" + lockFile + ": " + e.getMessage()
                    + ").", e);
        }
    }

    /** Null when the lock file was removed or replaced between opening and locking it: then try again. */
    private static OutputLock tryAcquire(Path model, Path lockFile) throws IOException {
        boolean created;
        try {
            Files.createFile(lockFile);
            created = true;
        } catch (FileAlreadyExistsException e) {
            created = false;
        }
        Object before = key(lockFile);
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new ScribeException(model + " is being written by another Scribe run (it holds " + lockFile
                    + "); wait for that run to end, or choose another file.");
        }
        if (before == null || !before.equals(key(lockFile))) {
            // The holder removed the file as we opened it: our lock is on a file no one else will see.
            channel.close();
            return null;
        }
        return new OutputLock(lockFile, created, channel, lock);
    }

    private static Object key(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Temporary files of this model and its best checkpoint older than the lock: their writers were killed before
     * they could remove them, since every live writer of these files holds this lock.
     */
    private void removeStaleTemporaryFiles(Path target) throws IOException {
        // Not the lock file's own time: touching it opens and closes it, and closing any descriptor of a file drops
        // the process's POSIX locks on it.
        FileTime locked = FileTime.fromMillis(System.currentTimeMillis());
        List<String> targets = List.of(String.valueOf(target.getFileName()),
                String.valueOf(CheckpointWriter.bestPathFor(target).getFileName()));
        List<Path> stale;
        try (Stream<Path> files = Files.list(target.getParent())) {
            stale = files.filter(f -> targets.stream().anyMatch(t -> ModelFile.isTempOf(String.valueOf(f.getFileName()), t)))
                    .toList();
        }
        for (Path temp : stale) {
            if (Files.getLastModifiedTime(temp).compareTo(locked) < 0) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Releases the lock; removes the lock file if this run created it. */
    @Override
    public void close() {
        try {
            if (created) {
                Files.deleteIfExists(lockFile);
            }
            lock.release();
            channel.close();
        } catch (IOException e) {
            // The system releases the lock when the channel or the process goes; a hidden lock file left behind is
            // taken over by the next run.
        }
    }
}
