package app.scribe.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A large corpus must be read without holding its text several times over: a {@value #FILE_MB} MB file is read
 * in a heap of {@value #HEAP_MB} MB (the previous reading path ran out of memory at 160 MB). The
 * file is the worst case: curly quotes make the decoded text two bytes a character, and CRLF line ends make it
 * change while it is normalised.
 */
class CompactReadingTest {
    private static final int FILE_MB = 12;
    private static final int HEAP_MB = 128;
    private static final String LINE = "\u201cIt is a truth universally acknowledged,\u201d said Becky.\r\n";

    @TempDir
    Path dir;

    @Test
    void aLargeCorpusReadsInASmallHeap() throws Exception {
        Path file = dir.resolve("large.txt");
        long lines = writeLines(file);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP_MB + "m", "-cp", System.getProperty("java.class.path"), ReadCorpus.class.getName(),
                file.toString()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, child.waitFor(), output);
        assertEquals(lines * (LINE.length() - 1), Long.parseLong(output));
    }

    private static long writeLines(Path file) throws IOException {
        byte[] line = LINE.getBytes(StandardCharsets.UTF_8);
        long count = (long) FILE_MB * 1024 * 1024 / line.length;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            for (long i = 0; i < count; i++) {
                out.write(line);
            }
        }
        return count;
    }
}
