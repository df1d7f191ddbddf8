package app.scribe.engine.dl4j;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UnpackOnceTest {
    @TempDir
    Path dir;

    /** 1 MB that xz packs well but not to nothing: a few repeated random blocks, like code. */
    private static byte[] library(long seed) {
        Random random = new Random(seed);
        byte[] block = new byte[4096];
        byte[] data = new byte[1 << 20];
        for (int i = 0; i < data.length; i += block.length) {
            if (i % (16 * block.length) == 0) {
                random.nextBytes(block);
            }
            System.arraycopy(block, 0, data, i, block.length);
        }
        return data;
    }

    private Path packed(String name, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XZOutputStream xz = new XZOutputStream(bytes, new LZMA2Options(1))) {
            xz.write(data);
        }
        Path file = dir.resolve(name);
        Files.write(file, bytes.toByteArray());
        return file;
    }

    private List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void unpacksTheWholeFileAndLeavesNoPartFile() throws IOException {
        byte[] data = library(1);
        Path target = dir.resolve("cache").resolve("libx.so");

        Path unpacked = UnpackOnce.unpack(packed("libx.so.xz", data).toUri().toURL(), target);

        assertEquals(target, unpacked);
        assertArrayEquals(data, Files.readAllBytes(target));
        assertEquals(List.of(".lock", "libx.so", "libx.so.source"), names(target.getParent()));
    }

    @Test
    void reusesAWholeFileFromTheSamePackedFile() throws IOException {
        Path packed = packed("libx.so.xz", library(2));
        Path target = dir.resolve("cache").resolve("libx.so");
        UnpackOnce.unpack(packed.toUri().toURL(), target);
        byte[] marker = "unpacked before".getBytes(StandardCharsets.UTF_8);
        Files.write(target, marker); // an unpack now would overwrite this

        UnpackOnce.unpack(packed.toUri().toURL(), target);

        assertArrayEquals(marker, Files.readAllBytes(target));
    }

    @Test
    void unpacksAgainFromAnotherPackedFile() throws IOException {
        Path target = dir.resolve("cache").resolve("libx.so");
        UnpackOnce.unpack(packed("old.xz", library(3)).toUri().toURL(), target);
        byte[] newer = Arrays.copyOf(library(4), (1 << 20) - 4096); // another length packed too

        UnpackOnce.unpack(packed("new.xz", newer).toUri().toURL(), target);

        assertArrayEquals(newer, Files.readAllBytes(target));
    }

    @Test
    void aFileWithoutItsStampIsUnpackedAgain() throws IOException {
        byte[] data = library(5);
        Path packed = packed("libx.so.xz", data);
        Path target = dir.resolve("cache").resolve("libx.so");
        UnpackOnce.unpack(packed.toUri().toURL(), target);
        Files.write(target, new byte[10]);
        Files.delete(UnpackOnce.stampOf(target)); // as if killed between the file's rename and the stamp's

        UnpackOnce.unpack(packed.toUri().toURL(), target);

        assertArrayEquals(data, Files.readAllBytes(target));
    }

    @Test
    void aBrokenPackedFileLeavesNoFileBehind() throws IOException {
        Path whole = packed("whole.xz", library(6));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.xz");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2)); // as a read that stops half-way
        Path target = dir.resolve("cache").resolve("libx.so");

        assertThrows(IOException.class, () -> UnpackOnce.unpack(cut.toUri().toURL(), target));

        assertFalse(Files.exists(target));
        assertEquals(List.of(".lock"), names(target.getParent()));
    }

    @Test
    void partFilesOfAKilledUnpackAreDeleted() throws IOException {
        byte[] data = library(7);
        Path target = dir.resolve("cache").resolve("libx.so");
        Files.createDirectories(target.getParent());
        Files.write(target.resolveSibling("libx.so.4711" + UnpackOnce.PART), Arrays.copyOf(data, 1000));

        UnpackOnce.unpack(packed("libx.so.xz", data).toUri().toURL(), target);

        assertArrayEquals(data, Files.readAllBytes(target));
        assertEquals(List.of(".lock", "libx.so", "libx.so.source"), names(target.getParent()));
    }

    @Test
    void unpacksFromAnEntryOfAJarAsTheAppImageHasIt() throws IOException {
        byte[] data = library(8);
        byte[] xz = Files.readAllBytes(packed("libx.so.xz", data));
        Path jar = dir.resolve("natives.jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new ZipEntry("bindings/libx.so.xz"));
            out.write(xz);
            out.closeEntry();
        }
        URL entry = new URL("jar:" + jar.toUri() + "!/bindings/libx.so.xz");
        Path target = dir.resolve("cache").resolve("libx.so");

        UnpackOnce.unpack(entry, target);

        assertArrayEquals(data, Files.readAllBytes(target));
        assertEquals(Integer.toString(xz.length), Files.readString(UnpackOnce.stampOf(target)));
    }
}
