package app.scribe.corpus;

import app.scribe.ScribeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextDecodingTest {
    private static final String BODY = "Le cœur a ses raisons que la raison ne connaît point. "
            + "Café, crème brûlée, naïve façade — « déjà vu ». ".repeat(4);

    private final TextDecoder decoder = new TextDecoder(Normalization.NFC);
    private final CorpusReader reader = new CorpusReader();

    @TempDir
    Path dir;

    /** Writes {@code bytes} to a file and reads it back as a corpus. */
    private Corpus readBack(String name, byte[]... bytes) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : bytes) {
            all.writeBytes(part);
        }
        return reader.read(Files.write(dir.resolve(name), all.toByteArray()));
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static String decodeText(Corpus corpus) {
        StringBuilder sb = new StringBuilder();
        for (char index : corpus.indices()) {
            sb.append(corpus.vocabulary().charAt(index));
        }
        return sb.toString();
    }

    @Test
    void plainUtf8IsDecodedAsUtf8() {
        TextDecoder.Decoded d = decoder.decode(BODY.getBytes(StandardCharsets.UTF_8), "f.txt");
        assertEquals(BODY, d.text());
        assertEquals("UTF-8", d.encoding());
    }

    @Test
    void asciiIsReportedAsAscii() {
        TextDecoder.Decoded d = decoder.decode("plain old text\n".getBytes(StandardCharsets.US_ASCII), "f.txt");
        assertEquals("plain old text\n", d.text());
        assertEquals("ASCII", d.encoding());
    }

    @Test
    void utf8ByteOrderMarkIsRemoved() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.writeBytes(BODY.getBytes(StandardCharsets.UTF_8));
        TextDecoder.Decoded d = decoder.decode(bytes.toByteArray(), "f.txt");
        assertEquals(BODY, d.text());
        assertEquals("UTF-8 (BOM)", d.encoding());

        Corpus corpus = reader.fromBytes("bom.txt", bytes.toByteArray());
        assertEquals(-1, corpus.vocabulary().indexOf(0xFEFF));
        assertEquals(BODY, decodeText(corpus));
    }

    @Test
    void invalidUtf8FallsBackToWindows1252() {
        byte[] latin1 = BODY.replace("œ", "oe").replace("—", "-").replace("«", "\"").replace("»", "\"")
                .getBytes(StandardCharsets.ISO_8859_1);
        TextDecoder.Decoded d = decoder.decode(latin1, "f.txt");
        assertEquals("windows-1252", d.encoding());
        assertTrue(d.text().contains("connaît"), d.text());
        assertTrue(d.text().contains("crème brûlée"), d.text());

        // Bytes 0x80-0x9F are windows-1252's typographic characters (curly quotes, dash, ligature).
        byte[] cp1252 = BODY.getBytes(Charset.forName("windows-1252"));
        TextDecoder.Decoded w = decoder.decode(cp1252, "f.txt");
        assertEquals("windows-1252", w.encoding());
        assertEquals(BODY, w.text());
    }

    @Test
    void bytesUndefinedInWindows1252AddNoReplacementCharacter() {
        byte[] bytes = "caf\u00e9 \u0081au lait\u009d ".repeat(10).getBytes(StandardCharsets.ISO_8859_1);
        TextDecoder.Decoded d = decoder.decode(bytes, "f.txt");
        assertEquals("windows-1252", d.encoding());
        assertFalse(d.text().contains("\uFFFD"), d.text());
        assertTrue(d.text().startsWith("café au lait "), d.text());
    }

    @Test
    void crlfAndLoneCrBecomeLf() {
        String text = "one\r\ntwo\rthree\n\rfour\r\r\nfive\n" + "x".repeat(120);
        Corpus corpus = reader.fromBytes("endings.txt", text.getBytes(StandardCharsets.UTF_8));
        String decoded = decodeText(corpus);
        assertFalse(decoded.contains("\r"));
        assertEquals(-1, corpus.vocabulary().indexOf('\r'));
        assertTrue(decoded.startsWith("one\ntwo\nthree\n\nfour\n\nfive\n"), decoded);
        assertEquals("a\nb\nc\n\n", normalized("a\r\nb\rc\r\r\n"));
    }

    @Test
    void aCrlfSplitBetweenDecodedPiecesIsOneNewline() {
        for (int before = 65_530; before < 65_540; before++) {
            String text = "x".repeat(before) + "\r\n" + "y".repeat(100) + "\r";
            TextDecoder.Decoded d = decoder.decode(text.getBytes(StandardCharsets.UTF_8), "f.txt");
            assertEquals("x".repeat(before) + "\n" + "y".repeat(100) + "\n", d.text(), "CRLF after " + before);
        }
    }

    @Test
    void controlCharactersOtherThanTabAndNewlineAreDropped() {
        assertEquals("a\tb\nc", normalized("a\tb\u0007\nc\u0000"));
        String clean = "one\ttwo\nthree \u201cfour\u201d\n";
        assertEquals(clean, normalized(clean));
    }

    private static String normalized(String text) {
        StringBuilder out = new StringBuilder();
        TextNormalizer normalizer = new TextNormalizer(Normalization.NFC, out);
        normalizer.append(text);
        normalizer.finish();
        return out.toString();
    }

    @Test
    void binaryFilesAreRefusedWithTheirKind() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        ScribeException e = assertThrows(ScribeException.class, () -> decoder.decode(png, "cat.png"));
        assertTrue(e.getMessage().contains("cat.png") && e.getMessage().contains("PNG"), e.getMessage());

        byte[] noise = new byte[4000];
        new java.util.Random(3).nextBytes(noise);
        noise[0] = 'a';
        ScribeException n = assertThrows(ScribeException.class, () -> decoder.decode(noise, "noise.bin"));
        assertTrue(n.getMessage().contains("binary"), n.getMessage());
    }

    @Test
    void aFewInvalidBytesInALargeUtf8FileAreReplacedAndCounted() throws IOException {
        byte[] half = BODY.repeat(2000).getBytes(StandardCharsets.UTF_8);
        assertTrue(half.length > 500_000);
        Corpus corpus = readBack("damaged.txt", half, bytes(0xE9, ' '), half);
        assertEquals("UTF-8", corpus.encoding());
        assertEquals(1, corpus.invalidSequences());
        assertEquals("UTF-8, 1 invalid byte sequence read as U+FFFD", corpus.encodingSummary());
        String text = decodeText(corpus);
        assertTrue(text.startsWith(BODY + BODY), "accented letters intact");
        assertEquals(1, text.chars().filter(c -> c == 0xFFFD).count());
        assertEquals(-1, corpus.vocabulary().indexOf('Ã'), "not read as windows-1252");

        Corpus two = readBack("two.txt", half, bytes(0xC3, 0x28), half, bytes(0xFF));
        assertEquals("UTF-8, 2 invalid byte sequences read as U+FFFD", two.encodingSummary());

        Corpus marked = readBack("marked.txt", bytes(0xEF, 0xBB, 0xBF), half, bytes(0xFF), half);
        assertEquals("UTF-8 (BOM), 1 invalid byte sequence read as U+FFFD", marked.encodingSummary());
        byte[] unpaired = new byte[400];
        for (int i = 0; i < unpaired.length; i += 4) {
            System.arraycopy(bytes(0x00, 0xD8, 'A', 0), 0, unpaired, i, 4);
        }
        ScribeException e = assertThrows(ScribeException.class,
                () -> readBack("lies.txt", bytes(0xFF, 0xFE), unpaired));
        assertTrue(e.getMessage().contains("byte-order mark but is not valid UTF-16LE"), e.getMessage());
    }

    @Test
    void aFileWhoseNonAsciiBytesAreMostlyInvalidUtf8IsWindows1252() throws IOException {
        byte[] latin1 = BODY.replace("œ", "oe").replace("—", "-").replace("«", "\"").replace("»", "\"")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] utf8 = "Voilà déjà — à la française. ".getBytes(StandardCharsets.UTF_8);
        Corpus corpus = readBack("latin1.txt", latin1, utf8);
        assertEquals("windows-1252", corpus.encoding());
        assertEquals(0, corpus.invalidSequences());
        assertTrue(decodeText(corpus).contains("crème brûlée"));
    }

    @Test
    void utf32WithAByteOrderMarkIsDetected() throws IOException {
        Corpus le = readBack("le32.txt", bytes(0xFF, 0xFE, 0, 0), BODY.getBytes(Charset.forName("UTF-32LE")));
        assertEquals("UTF-32LE (BOM)", le.encoding());
        assertEquals(BODY, decodeText(le));
        Corpus be = readBack("be32.txt", bytes(0, 0, 0xFE, 0xFF), BODY.getBytes(Charset.forName("UTF-32BE")));
        assertEquals("UTF-32BE (BOM)", be.encoding());
        assertEquals(BODY, decodeText(be));
    }

    @Test
    void utf16WithoutAByteOrderMarkIsDetectedByItsZeroBytes() throws IOException {
        String text = BODY + "Ελληνικά και русский текст.\r\n";
        Corpus le = readBack("le16.txt", text.getBytes(StandardCharsets.UTF_16LE));
        assertEquals("UTF-16LE (no BOM)", le.encoding());
        assertEquals(text.replace("\r\n", "\n"), decodeText(le));
        Corpus be = readBack("be16.txt", text.getBytes(StandardCharsets.UTF_16BE));
        assertEquals("UTF-16BE (no BOM)", be.encoding());
        assertEquals(text.replace("\r\n", "\n"), decodeText(be));
    }

    @Test
    void binaryNumbersWithZeroHighBytesAreNotTakenForUtf16() throws IOException {
        java.util.Random random = new java.util.Random(5);
        ByteBuffer shorts = ByteBuffer.allocate(20_000).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer ints = ByteBuffer.allocate(20_000).order(ByteOrder.BIG_ENDIAN);
        while (shorts.hasRemaining()) {
            shorts.putShort((short) random.nextInt(256));
        }
        while (ints.hasRemaining()) {
            ints.putInt(random.nextInt(1 << 16));
        }
        for (Path file : new Path[]{Files.write(dir.resolve("samples.raw"), shorts.array()),
                Files.write(dir.resolve("counts.bin"), ints.array())}) {
            ScribeException e = assertThrows(ScribeException.class, () -> reader.read(file));
            assertTrue(e.getMessage().contains("binary"), e.getMessage());
        }
    }

    @Test
    void decomposedLettersAreComposedEvenAcrossDecodedPieces() throws IOException {
        Corpus corpus = readBack("nfd.txt", ("Cafe\u0301 au lait, cre\u0300me bru\u0302le\u0301e. ".repeat(10))
                .getBytes(StandardCharsets.UTF_8));
        assertTrue(decodeText(corpus).startsWith("Café au lait, crème brûlée. "), decodeText(corpus));
        assertEquals(-1, corpus.vocabulary().indexOf(0x0301), "no combining accents left");
        assertEquals(Normalization.NFC, corpus.vocabulary().normalization());
        for (int before = 65_533; before < 65_538; before++) {
            String text = "x".repeat(before) + "e\u0301\u0323 y";
            TextDecoder.Decoded d = decoder.decode(text.getBytes(StandardCharsets.UTF_8), "f.txt");
            assertEquals("x".repeat(before) + "\u1EB9\u0301 y", d.text(), "accent after " + before);
        }
        assertEquals("e\u0301", new TextDecoder(Normalization.NONE).decode("e\u0301".getBytes(StandardCharsets.UTF_8),
                "f.txt").text(), "text for a model without normalisation is kept as written");
    }
}
