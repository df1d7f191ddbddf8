package app.scribe.corpus;

import app.scribe.TestCorpora;
import app.scribe.ScribeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusReaderTest {
    
    private final CorpusReader reader = new CorpusReader();

    @TempDir
    Path dir;

    @Test
    void grimmByteOrderMarkDoesNotReachTheVocabulary() {
        Corpus corpus = reader.read(TestCorpora.book("grimms_fairy_tales.txt"));
        assertEquals("UTF-8 (BOM)", corpus.encoding());
        assertEquals(-1, corpus.vocabulary().indexOf(0xFEFF));
        assertEquals(-1, corpus.vocabulary().indexOf('\r'));
        assertTrue(corpus.strippedGutenberg());
        assertTrue(corpus.length() > 400_000);
    }

    @Test
    void darwinKeepsItsAccentedLetters() {
        Corpus corpus = reader.read(TestCorpora.book("darwin_reis_om_de_wereld_nl.txt"));
        assertTrue(corpus.encoding().startsWith("UTF-8"), corpus.encoding());
        assertEquals(-1, corpus.vocabulary().indexOf(0xFEFF));
        assertTrue(corpus.vocabulary().indexOf('é') >= 0, "é");
        assertTrue(corpus.vocabulary().indexOf('ë') >= 0, "ë");
        assertEquals(-1, corpus.vocabulary().indexOf(0xFFFD), "no replacement characters");
    }

    @Test
    void vanityFairHeaderAndFooterAreStripped() throws IOException {
        Path file = TestCorpora.book("vanity_fair.txt");
        Corpus corpus = reader.read(file);
        assertTrue(corpus.strippedGutenberg());
        assertEquals("ASCII", corpus.encoding());
        assertFalse(corpus.preview().contains("START OF THE PROJECT GUTENBERG"), corpus.preview());
        assertFalse(corpus.preview().contains("Project Gutenberg"), corpus.preview());
        assertTrue(corpus.length() < Files.size(file), "header and footer removed");
        assertEquals(Files.size(file), corpus.fileBytes());
        assertEquals(64, corpus.sha256().length());
        assertTrue(corpus.unigramEntropy() > 2.5 && corpus.unigramEntropy() < 3.5, "" + corpus.unigramEntropy());
        assertTrue(corpus.rarest().get(0).count() <= corpus.rarest().get(corpus.rarest().size() - 1).count());
    }

    @Test
    void everySharedCorpusReads() {
        for (String name : new String[]{"kjv_bible.txt", "tiny_shakespeare.txt"}) {
            Corpus corpus = reader.read(TestCorpora.book(name));
            assertTrue(corpus.length() > 1_000_000, name);
            assertTrue(corpus.vocabulary().size() > 50 && corpus.vocabulary().size() < 120, name);
        }
    }

    @Test
    void emptyAndTinyFilesAreRefused() throws IOException {
        Path empty = Files.write(dir.resolve("empty.txt"), new byte[0]);
        ScribeException e = assertThrows(ScribeException.class, () -> reader.read(empty));
        assertTrue(e.getMessage().contains("empty.txt") && e.getMessage().contains("empty"), e.getMessage());

        Path one = Files.writeString(dir.resolve("one.txt"), "a");
        ScribeException o = assertThrows(ScribeException.class, () -> reader.read(one));
        assertTrue(o.getMessage().contains("only 1 character of text"), o.getMessage());
    }

    @Test
    void aFileBeyondTheLimitIsRefusedBeforeReading() throws IOException {
        Path big = dir.resolve("huge.txt");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(CorpusReader.MAX_FILE_BYTES * 8);
        }
        ScribeException e = assertThrows(ScribeException.class, () -> reader.read(big));
        assertTrue(e.getMessage().contains("huge.txt") && e.getMessage().contains("256 MB"), e.getMessage());
    }

    @Test
    void foldersMissingFilesAndDevicesAreRefused() throws IOException {
        ScribeException folder = assertThrows(ScribeException.class, () -> reader.read(dir));
        assertTrue(folder.getMessage().contains("folder"), folder.getMessage());

        Path dangling = Files.createSymbolicLink(dir.resolve("link.txt"), dir.resolve("gone.txt"));
        ScribeException missing = assertThrows(ScribeException.class, () -> reader.read(dangling));
        assertTrue(missing.getMessage().contains("link.txt") && missing.getMessage().contains("does not exist"),
                missing.getMessage());

        ScribeException device = assertThrows(ScribeException.class, () -> reader.read(Path.of("/dev/zero")));
        assertTrue(device.getMessage().contains("not an ordinary file"), device.getMessage());
    }

    @Test
    void aFileThatVanishesOrShrinksWhileItIsReadGivesACorpusOrAClearMessage() throws Exception {
        byte[] text = "It was a fine morning in May, and the sun shone on the square. ".repeat(400)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path file = dir.resolve("flaky.txt");
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread vandal = new Thread(() -> {
            java.util.SplittableRandom random = new java.util.SplittableRandom(7);
            while (!done.get()) {
                try {
                    switch (random.nextInt(3)) {
                        case 0 -> Files.write(file, text);
                        case 1 -> Files.deleteIfExists(file);
                        default -> Files.write(file, java.util.Arrays.copyOf(text, random.nextInt(text.length)));
                    }
                } catch (IOException ignored) {
                    // The reader may hold the file; the next round tries again.
                }
            }
        });
        vandal.start();
        // Any exception other than a ScribeException naming the file escapes the loop and fails the test.
        try {
            for (int i = 0; i < 300; i++) {
                try {
                    Corpus corpus = reader.read(file);
                    assertTrue(corpus.length() >= CorpusReader.MIN_CHARACTERS);
                } catch (ScribeException e) {
                    assertTrue(e.getMessage().contains("flaky.txt"), e.getMessage());
                }
            }
        } finally {
            done.set(true);
            vandal.join();
        }
    }

    @Test
    void readingIsDeterministicAndFingerprinted() {
        byte[] bytes = "Some text that is long enough to be a corpus. ".repeat(5).getBytes(StandardCharsets.UTF_8);
        Corpus a = reader.fromBytes("a.txt", bytes);
        Corpus b = reader.fromBytes("b.txt", bytes);
        assertEquals(a.sha256(), b.sha256());
        assertEquals(a.vocabulary(), b.vocabulary());
        assertEquals(CorpusReader.sha256(new byte[0]),
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
