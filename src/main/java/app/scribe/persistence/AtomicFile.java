package app.scribe.persistence;

import app.scribe.Printable;
import app.scribe.ScribeException;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one way Scribe writes a file: whole or not at all. The content goes to a temporary file in Scribe's own hidden
 * folder {@value #TEMP_FOLDER} beside the target (same file system, so the move is atomic), created as any new file
 * is (so the result has the user's usual permissions, not {@code rw-------}), forced to disk, checked, and then
 * linked or moved over the target. What is at the target is looked at twice, before writing and again just before
 * the move: a folder, a device, a pipe or a symbolic link is never replaced, and a file only as the {@link Replace}
 * rule allows. Temporary files of killed writers are removed only from Scribe's folder (see {@link #sweep}).
 */
public final class AtomicFile {
    /** The hidden folder beside a target that holds the temporary files; Scribe removes it when it is empty. */
    public static final String TEMP_FOLDER = ".scribe-temp";
    private static final String TEMP_SUFFIX = ".tmp";
    private static final int BUFFER = 64 * 1024;
    /** The temporary files being written now; removed by a shutdown hook when Ctrl-C or SIGTERM ends the process. */
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    private static final class ExitHook {
        static {
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(AtomicFile::deleteQuietly),
                        "scribe-temporary-files"));
            } catch (IllegalStateException e) {
                // Already shutting down: the writer's own cleanup is all there is.
            }
        }

        static void install() {
            // Loading the class installs the hook once.
        }
    }

    /** Writes the file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Looks at the written temporary file before it is kept; throws a {@link ScribeException} to refuse it. */
    @FunctionalInterface
    public interface Check {
        void accept(Path written) throws IOException;
    }

    private AtomicFile() {
    }

    /** Writes {@code content} to {@code target} whole, if {@code replace} allows; returns what was written. */
    public static FileIdentity write(Path target, Replace replace, Content content) {
        return write(target, replace, content, written -> { });
    }

    /**
     * Writes {@code content} to {@code target} whole, if {@code replace} allows, after {@code check} has accepted the
     * written bytes; returns the identity of the file written, for a later {@link Replace#only} rule.
     */
    public static FileIdentity write(Path target, Replace replace, Content content, Check check) {
        Path file = target.toAbsolutePath();
        return withTemp(file, replace, temp -> {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            check.accept(temp);
            refuse(file, replace);
            place(temp, file);
            LIVE.remove(temp);
            forceFolder(file.getParent());
            return FileIdentity.of(file);
        });
    }

    /**
     * Checks that {@code target} could be written: its folder exists or can be made and takes a new file, and the
     * rule allows what is there. Throws the message that writing would; leaves nothing behind.
     */
    public static void checkWritable(Path target, Replace replace) {
        withTemp(target.toAbsolutePath(), replace, temp -> null);
    }

    /** What is done with a new temporary file; a temporary file it has placed it takes out of {@code LIVE}. */
    @FunctionalInterface
    private interface TempUse<T> {
        T use(Path temp) throws IOException;
    }

    /**
     * Refuses what {@code replace} does not let a write replace at {@code file}, then hands {@code use} a new
     * temporary file beside it; the temporary file, unless placed, and its folder, when empty, are removed after.
     */
    private static <T> T withTemp(Path file, Replace replace, TempUse<T> use) {
        refuse(file, replace);
        Path temp = null;
        try {
            temp = createTemp(file);
            return use.use(temp);
        } catch (IOException e) {
            throw failure(file, e);
        } finally {
            if (temp != null && LIVE.contains(temp)) {
                deleteQuietly(temp);
            }
            removeTempFolderIfEmpty(file);
        }
    }

    /** Refuses, with a sentence and without creating anything, what {@code replace} would not let a write replace. */
    public static void checkReplaceable(Path target, Replace replace) {
        refuse(target.toAbsolutePath(), replace);
    }

    /** Refuses, with a sentence, to replace what is at {@code file}. */
    private static void refuse(Path file, Replace replace) {
        BasicFileAttributes existing = FileIdentity.attributes(file);
        if (existing == null) {
            return;
        }
        String name = Printable.escape(file.toString());
        if (existing.isSymbolicLink()) {
            throw new ScribeException("Cannot write " + name + ": it is a symbolic link, and Scribe neither writes"
                    + " through links nor replaces them; name the file itself.");
        }
        if (existing.isDirectory()) {
            throw new ScribeException("Cannot write " + name + ": it is a folder; name a file inside it instead.");
        }
        if (!existing.isRegularFile()) {
            throw new ScribeException("Cannot write " + name + ": it is not a regular file (a device, a pipe or a"
                    + " socket), and Scribe does not replace it.");
        }
        String refusal = replace.refusal(file, existing);
        if (refusal != null) {
            throw new ScribeException("Cannot write " + name + ": " + refusal);
        }
    }

    /**
     * Over nothing: a hard link, which fails if a file appeared meanwhile (a rename would replace it); where the file
     * system has no links, a move. Over a file the rule accepted: an atomic move.
     */
    private static void place(Path temp, Path file) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            boolean linked = false;
            try {
                Files.createLink(file, temp);
                linked = true;
            } catch (UnsupportedOperationException | FileSystemException e) {
                if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    throw new ScribeException("Cannot write " + Printable.escape(file.toString()) + ": a file"
                            + " appeared there while Scribe was writing; it was left as it is.");
                }
                // The file system takes no hard links (FAT, some network shares): fall back to a move.
            }
            if (linked) {
                Files.delete(temp);
                return;
            }
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A new file in Scribe's temporary folder beside {@code file}, with the permissions of any new file. */
    private static Path createTemp(Path file) throws IOException {
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path temps = dir.resolve(TEMP_FOLDER);
        SplittableRandom random = new SplittableRandom();
        for (int attempt = 0; ; attempt++) {
            try {
                Files.createDirectory(temps);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(temps, LinkOption.NOFOLLOW_LINKS)) {
                    throw new ScribeException("Cannot write " + Printable.escape(String.valueOf(file.getFileName()))
                            + ": " + temps + " is not Scribe's folder of temporary files (it is a file or a link);"
                            + " move it away.");
                }
            }
            Path temp = temps.resolve(file.getFileName() + "-" + Long.toUnsignedString(random.nextLong(), 36)
                    + TEMP_SUFFIX);
            try {
                ExitHook.install();
                Files.createFile(temp);
                LIVE.add(temp);
                return temp;
            } catch (FileAlreadyExistsException | NoSuchFileException e) {
                // A name taken, or the empty folder removed by another writer as it finished: try again.
                if (attempt >= 100) {
                    throw new IOException("cannot create a temporary file in " + temps, e);
                }
            }
        }
    }

    /** Whether {@code file} is one of the temporary files that writing {@code target} creates. */
    public static boolean isTempOf(Path file, Path target) {
        Path folder = file.toAbsolutePath().getParent();
        Path targetFolder = target.toAbsolutePath().getParent();
        return folder != null && targetFolder != null && folder.equals(targetFolder.resolve(TEMP_FOLDER))
                && tempName(String.valueOf(target.getFileName())).matcher(String.valueOf(file.getFileName())).matches();
    }

    private static Pattern tempName(String target) {
        return Pattern.compile(Pattern.quote(target) + "-[0-9a-z]+" + Pattern.quote(TEMP_SUFFIX));
    }

    /**
     * Removes the temporary files that writing {@code targets} left before {@code writtenBefore}: their writers were
     * killed. Only Scribe's folder is looked in, and only regular files named as its temporary files of these targets.
     */
    public static void sweep(List<Path> targets, FileTime writtenBefore) {
        for (Path target : targets) {
            Path file = target.toAbsolutePath();
            Path temps = file.getParent().resolve(TEMP_FOLDER);
            if (!Files.isDirectory(temps, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Pattern ours = tempName(String.valueOf(file.getFileName()));
            try (Stream<Path> files = Files.list(temps)) {
                for (Path temp : files.filter(f -> ours.matcher(String.valueOf(f.getFileName())).matches()).toList()) {
                    BasicFileAttributes attributes = FileIdentity.attributes(temp);
                    if (attributes != null && attributes.isRegularFile()
                            && attributes.lastModifiedTime().compareTo(writtenBefore) < 0) {
                        Files.deleteIfExists(temp);
                    }
                }
            } catch (IOException e) {
                // A temporary file left behind harms nothing; the next sweep tries again.
            }
            removeTempFolderIfEmpty(file);
        }
    }

    private static void removeTempFolderIfEmpty(Path file) {
        Path parent = file.getParent();
        if (parent == null) {
            return;
        }
        try {
            Files.deleteIfExists(parent.resolve(TEMP_FOLDER));
        } catch (DirectoryNotEmptyException e) {
            // Another writer's file, or a killed one's; the folder stays until it is empty.
        } catch (IOException e) {
            // Not removable (a read-only folder): it is hidden and harms nothing.
        }
    }

    /** The folder's entry for the new name reaches the disk too, so a crash right after cannot lose the file. */
    private static void forceFolder(Path dir) {
        try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException | RuntimeException e) {
            // Not every system opens folders; the file itself is on disk already.
        }
    }

    private static void deleteQuietly(Path temp) {
        LIVE.remove(temp);
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // The temporary file sits in Scribe's hidden folder; the next sweep removes it.
        }
    }

    /** One sentence for a failed write; whatever was at the target is unchanged. */
    private static ScribeException failure(Path file, IOException e) {
        String name = Printable.escape(String.valueOf(file.getFileName()));
        if (e instanceof FileAlreadyExistsException) {
            // Only creating the folders throws this: part of the folder path is an ordinary file.
            return new ScribeException("Cannot write " + name + ": " + Printable.escape(String.valueOf(((FileSystemException) e).getFile()))
                    + " is a file, not a folder.", e);
        }
        if (e instanceof AccessDeniedException) {
            return new ScribeException("Cannot write " + name + ": the folder " + file.getParent()
                    + " is not writable. Any earlier file of that name is unchanged.", e);
        }
        if (e instanceof FileSystemException f) {
            return new ScribeException("Cannot write " + name + ": " + describe(f), e);
        }
        return new ScribeException("Cannot write " + name + ": " + e.getMessage()
                + " (is the disk full?). Any earlier file of that name is unchanged.", e);
    }

    private static String describe(FileSystemException e) {
        String reason;
        if (e.getReason() != null) {
            reason = e.getReason();
        } else if (e instanceof NoSuchFileException && e.getFile() != null) {
            // For instance /proc, which exists but takes no new files.
            reason = "the system does not let new files be created in " + Path.of(e.getFile()).getParent();
        } else {
            reason = "the system refused to write there";
        }
        return reason + ". Any earlier file of that name is unchanged.";
    }
}
