package app.scribe.corpus;

import app.scribe.ScribeException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextDecodingTest {
    private static final String BODY = "Le cœur a ses raisons que la raison ne connaît point. "
            + "Café, crème brûlée, naïve façade — « déjà vu ». ".repeat(4);

    private final TextDecoder decoder = new TextDecoder();
    private final CorpusReader reader = new CorpusReader();

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
        new TextNormalizer().append(text, false, out);
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
}
