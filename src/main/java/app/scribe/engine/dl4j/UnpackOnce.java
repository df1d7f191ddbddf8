package app.scribe.engine.dl4j;

import org.tukaani.xz.XZInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Unpacks an xz-compressed file into a cache folder once, and finds it there afterwards. A file appears under its
 * name only whole: it is written to a temporary {@code .part} file in the same folder, synced, and then renamed
 * (atomically), so a process killed while unpacking leaves no half file, only a {@code .part} that the next unpack
 * deletes. Beside the file a stamp ({@code NAME.source}) says which packed file it came from (its length); a file
 * without a matching stamp is unpacked again. Processes unpack one at a time (a lock on {@code .lock} in the
 * folder, which the system releases when a process dies): the second finds the first one's file and reuses it. A
 * process that has the old file open or loaded keeps it when a newer one replaces it.
 */
final class UnpackOnce {
    static final String PART = ".part";
    static final String STAMP = ".source";
    private static final String LOCK = ".lock";

    private UnpackOnce() {
    }

    /** Returns {@code target}, unpacked from {@code packed} (xz) unless a whole one from the same source is there. */
    static synchronized Path unpack(URL packed, Path target) throws IOException {
        String source = source(packed);
        if (current(target, source)) {
            return target;
        }
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        try (FileChannel lockFile = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
            if (current(target, source)) {
                return target; // another process unpacked it while this one waited
            }
            String name = target.getFileName().toString();
            deleteLeftovers(folder, name);
            Path part = Files.createTempFile(folder, name + ".", PART);
            try {
                try (InputStream in = new XZInputStream(new BufferedInputStream(packed.openStream(), 1 << 16));
                     OutputStream out = Files.newOutputStream(part)) {
                    in.transferTo(out); // XZInputStream checks the stream's CRC at its end
                }
                sync(part);
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                writeStamp(folder, name, source);
            } finally {
                Files.deleteIfExists(part);
            }
        }
        return target;
    }

    /** What identifies the packed file: its length in bytes (for a jar entry, the entry's). */
    private static String source(URL packed) throws IOException {
        URLConnection connection = packed.openConnection();
        connection.setUseCaches(false); // a jar file of its own, closed with the stream
        try (InputStream ignored = connection.getInputStream()) {
            long length = connection.getContentLengthLong();
            if (length < 0) {
                throw new IOException("Cannot read the length of " + packed + ".");
            }
            return Long.toString(length);
        }
    }

    private static boolean current(Path target, String source) throws IOException {
        Path stamp = stampOf(target);
        return Files.isRegularFile(target) && Files.isRegularFile(stamp)
                && Files.readString(stamp, StandardCharsets.UTF_8).equals(source);
    }

    static Path stampOf(Path target) {
        return target.resolveSibling(target.getFileName() + STAMP);
    }

    /** The stamp goes in after the file, atomically too: a stamp never vouches for a file that is not whole. */
    private static void writeStamp(Path folder, String name, String source) throws IOException {
        Path part = Files.createTempFile(folder, name + STAMP + ".", PART);
        try {
            Files.writeString(part, source, StandardCharsets.UTF_8);
            sync(part);
            Files.move(part, folder.resolve(name + STAMP), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** The {@code .part} files of processes that died while unpacking (none runs now: this one holds the lock). */
    private static void deleteLeftovers(Path folder, String name) throws IOException {
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder, name + ".*" + PART)) {
            for (Path part : parts) {
                Files.deleteIfExists(part);
            }
        }
    }

    private static void sync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }
}
