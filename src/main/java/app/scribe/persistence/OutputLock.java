package app.scribe.persistence;

import app.scribe.Printable;
import app.scribe.ScribeException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Claims a model file for one writer: an operating-system lock on the hidden file {@code .NAME.scribe.lock} beside
 * the real file (links resolved), for the model and for its best checkpoint, held for a whole run, so that two runs
 * (two commands, or the command and the app) never write the same file under any name. The system drops the locks
 * when the process dies, however it dies. While it holds them a run also removes the temporary files that killed
 * writers of these files left.
 */
public final class OutputLock implements AutoCloseable {
    private record Held(Path file, boolean created, FileChannel channel, FileLock lock) {
    }

    /** Lock files this process created and holds: removed by a shutdown hook if the process ends without close. */
    private static final Set<Path> CREATED = ConcurrentHashMap.newKeySet();

    private static final class ExitHook {
        static {
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> CREATED.forEach(file -> {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException e) {
                        // Left for the next run to take over.
                    }
                }), "scribe-lock-files"));
            } catch (IllegalStateException e) {
                // Already shutting down.
            }
        }

        static void install() {
            // Loading the class installs the hook once.
        }
    }

    private final List<Held> held;

    private OutputLock(List<Held> held) {
        this.held = held;
    }

    /**
     * Takes the locks for {@code model} and its best checkpoint, or says who holds them. The model's folder is created
     * if need be: the user's models folder does not exist until the first model is written.
     */
    public static OutputLock acquire(Path model) {
        Path real = OutputGuard.canonical(model);
        return acquire(model, List.of(real, CheckpointWriter.bestPathFor(real)));
    }

    /** Takes the lock for one file that is not a model (a download), or says who holds it. */
    public static OutputLock acquireFile(Path file) {
        return acquire(file, List.of(OutputGuard.canonical(file)));
    }

    private static OutputLock acquire(Path model, List<Path> files) {
        Path real = files.get(0);
        List<Held> held = new ArrayList<>();
        try {
            Files.createDirectories(real.getParent());
            FileTime locked = FileTime.fromMillis(System.currentTimeMillis());
            for (Path file : files) {
                held.add(lock(model, file));
            }
            AtomicFile.sweep(files, locked);
            return new OutputLock(held);
        } catch (IOException | RuntimeException e) {
            new OutputLock(held).close();
            if (e instanceof ScribeException s) {
                throw s;
            }
            throw new ScribeException("Cannot lock " + Printable.escape(model.toString()) + " for writing ("
                    + Printable.escape(e.getMessage()) + ").", e);
        }
    }

    private static Held lock(Path model, Path file) throws IOException {
        Path lockFile = file.resolveSibling("." + file.getFileName() + ".lock");
        for (int attempt = 0; attempt < 10; attempt++) {
            Held taken = tryLock(model, lockFile);
            if (taken != null) {
                return taken;
            }
        }
        throw new IOException(lockFile + " keeps being replaced");
    }

    /** Null when the lock file was removed or replaced between opening and locking it: then try again. */
    private static Held tryLock(Path model, Path lockFile) throws IOException {
        boolean created;
        try {
            Files.createFile(lockFile);
            created = true;
        } catch (FileAlreadyExistsException e) {
            created = false;
        }
        BasicFileAttributes before = FileIdentity.attributes(lockFile);
        if (before != null && !before.isRegularFile()) {
            // Opening a pipe for writing waits for a reader forever; a link could lead anywhere.
            throw new ScribeException("Cannot lock " + Printable.escape(model.toString()) + ": "
                    + Printable.escape(lockFile.toString()) + " is not a regular file (a pipe, a device, a folder or a"
                    + " link); move it away.");
        }
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new ScribeException(Printable.escape(model.toString()) + " is being written by another Scribe run"
                    + " (it holds " + Printable.escape(lockFile.toString()) + "); wait for that run to end, or choose"
                    + " another file.");
        }
        BasicFileAttributes after = FileIdentity.attributes(lockFile);
        if (before == null || after == null || !before.fileKey().equals(after.fileKey())) {
            // The holder removed the file as we opened it: our lock is on a file no one else will see.
            channel.close();
            return null;
        }
        if (created) {
            ExitHook.install();
            CREATED.add(lockFile);
            if (shuttingDown()) {
                // A signal ended the process while the lock was taken: its hook may have run before the add.
                CREATED.remove(lockFile);
                Files.deleteIfExists(lockFile);
                lock.release();
                channel.close();
                throw new ScribeException("Scribe is ending; " + Printable.escape(model.toString())
                        + " was not locked.");
            }
        }
        return new Held(lockFile, created, channel, lock);
    }

    /** Whether the JVM has begun to shut down (a signal, or System.exit on another thread). */
    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    /** Releases the locks; removes the lock files this run created. */
    @Override
    public void close() {
        for (Held h : held) {
            try {
                if (h.created()) {
                    CREATED.remove(h.file());
                    Files.deleteIfExists(h.file());
                }
                h.lock().release();
                h.channel().close();
            } catch (IOException e) {
                // The system releases the lock when the channel or the process goes; a hidden lock file left behind
                // is taken over by the next run.
            }
        }
    }
}
