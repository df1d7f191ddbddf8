package app.scribe.persistence;

import app.scribe.Printable;
import app.scribe.ScribeException;
import app.scribe.model.ArrayShapes;
import app.scribe.model.ParameterSet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The zip container of a model file: {@code manifest.json} and one raw little-endian float32 array per entry. Every
 * entry read is bounded before it is inflated and checked against its CRC-32, so a flipped bit is refused, not
 * loaded as changed weights.
 */
final class ModelContainer {
    static final String MANIFEST = "manifest.json";
    static final long MAX_MANIFEST_BYTES = 32L << 20;
    private static final int CHUNK = 64 * 1024;

    /** Reads an open container; the name is the file's, escaped, for messages. */
    interface Read<T> {
        T read(ZipFile zip, String name) throws IOException;
    }

    private ModelContainer() {
    }

    static void write(OutputStream raw, byte[] manifest, List<Manifest.ArrayEntry> entries, ParameterSet parameters)
            throws IOException {
        ZipOutputStream zip = new ZipOutputStream(raw);
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(manifest);
        zip.closeEntry();
        for (Manifest.ArrayEntry entry : entries) {
            float[] data = parameters.get(entry.name()).data();
            zip.putNextEntry(new ZipEntry(entry.entry()));
            ByteBuffer bytes = ByteBuffer.allocate(data.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(data);
            zip.write(bytes.array());
            zip.closeEntry();
        }
        zip.finish();
        raw.flush();
    }

    /** Opens the file as a zip for {@code read}, turning every way that can fail into one sentence. */
    static <T> T read(Path file, Read<T> read) {
        String name = Printable.escape(String.valueOf(file.getFileName()));
        if (!Files.isRegularFile(file)) {
            String given = Printable.escape(file.toString());
            throw new ScribeException(Files.isDirectory(file) ? given + " is a folder, not a model file."
                    : Files.exists(file) ? given + " is not an ordinary file (a device, pipe or socket), so not a"
                    + " model file." : given + " does not exist.");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return read.read(zip, name);
        } catch (ScribeException e) {
            throw e;
        } catch (ZipException e) {
            throw new ScribeException(name + " is not a Scribe model file (it is not a complete zip archive: it may be"
                    + " truncated or of another kind).");
        } catch (FileSystemException e) {
            throw ScribeException.unreadable(name, e);
        } catch (IOException | RuntimeException e) {
            throw new ScribeException(name + " is damaged and cannot be loaded.", e);
        }
    }

    /** The manifest's bytes; refuses a zip without one or with two entries of one name. */
    static byte[] manifest(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(MANIFEST);
        if (entry == null) {
            throw new ScribeException(name + " is not a Scribe model file: it has no " + MANIFEST + ".");
        }
        refuseDuplicateEntries(zip, name);
        if (entry.getSize() > MAX_MANIFEST_BYTES) {
            throw new ScribeException(name + ": entry " + MANIFEST + " is larger than it may be.");
        }
        try (CheckedInputStream in = new CheckedInputStream(zip.getInputStream(entry), new CRC32())) {
            byte[] bytes = in.readNBytes((int) MAX_MANIFEST_BYTES);
            if (in.read() != -1) {
                throw new ScribeException(name + ": entry " + MANIFEST + " is larger than it may be.");
            }
            checkCrc(entry, in, name);
            return bytes;
        }
    }

    /** Two entries of one name would let the file hold something other than what a zip lister shows. */
    private static void refuseDuplicateEntries(ZipFile zip, String name) {
        Set<String> seen = new HashSet<>();
        for (ZipEntry entry : Collections.list(zip.entries())) {
            if (!seen.add(entry.getName())) {
                throw new ScribeException(name + " is damaged: it holds two entries named "
                        + Printable.escape(entry.getName()) + ".");
            }
        }
    }

    /** Reads an array whose shape the validation accepted, refusing a wrong length or a damaged entry. */
    static float[] array(ZipFile zip, Manifest.ArrayEntry entry, String name) throws IOException {
        ZipEntry zipEntry = zip.getEntry(entry.entry());
        if (zipEntry == null) {
            throw new ScribeException(name + " is missing its entry " + Printable.escape(entry.entry()) + ".");
        }
        String entryName = Printable.escape(zipEntry.getName());
        float[] data = new float[Math.toIntExact(ArrayShapes.elements(entry.shape()))];
        long expectedBytes = (long) data.length * Float.BYTES;
        if (zipEntry.getSize() > expectedBytes) {
            throw new ScribeException(name + ": entry " + entryName + " is larger than its shape.");
        }
        byte[] chunk = new byte[CHUNK];
        ByteBuffer buffer = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        try (CheckedInputStream in = new CheckedInputStream(zip.getInputStream(zipEntry), new CRC32())) {
            int done = 0;
            while (done < data.length) {
                int floats = Math.min(chunk.length / Float.BYTES, data.length - done);
                int read = in.readNBytes(chunk, 0, floats * Float.BYTES);
                if (read != floats * Float.BYTES) {
                    throw new ScribeException(name + ": entry " + entryName + " holds "
                            + ((long) done * Float.BYTES + read) + " bytes but its shape needs " + expectedBytes + ".");
                }
                buffer.clear();
                buffer.asFloatBuffer().get(data, done, floats);
                done += floats;
            }
            if (in.read() != -1) {
                throw new ScribeException(name + ": entry " + entryName + " is larger than its shape.");
            }
            checkCrc(zipEntry, in, name);
        }
        return data;
    }

    /** A flipped bit changes the checksum: the zip's own record of each entry is compared with what was read. */
    private static void checkCrc(ZipEntry entry, CheckedInputStream in, String name) {
        if (entry.getCrc() != -1 && entry.getCrc() != in.getChecksum().getValue()) {
            throw new ScribeException(name + " is damaged: entry " + Printable.escape(entry.getName())
                    + " does not match its checksum (CRC-32), so some of its bytes changed after it was saved.");
        }
    }
}
