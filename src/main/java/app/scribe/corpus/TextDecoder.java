package app.scribe.corpus;

import app.scribe.ScribeException;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of a file into normalised text (see {@link TextNormalizer}), detecting the encoding rather than
 * guessing it: a byte-order mark wins (UTF-8, UTF-16 or UTF-32); UTF-16 without one shows itself by zero bytes at
 * every other position; otherwise the bytes are UTF-8 when almost all their non-ASCII sequences are valid UTF-8, and
 * windows-1252 (a superset of ISO-8859-1 for printable text) when they are not. A few invalid sequences in a file
 * that is otherwise in its encoding become U+FFFD and are counted. Binary files are refused by their magic number
 * or their control bytes. The bytes are decoded in small pieces straight into the normalised text, so a large file
 * is never held as a second, intermediate text.
 */
public final class TextDecoder {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    /** Share of control bytes above which a file is taken for binary; real books have next to none. */
    private static final double MAX_CONTROL_SHARE = 0.01;
    /** Share of valid non-ASCII sequences from which a file is in an encoding, with a few damaged bytes. */
    private static final double MIN_VALID_SHARE = 0.95;
    /**
     * Share of zero bytes at the even (or odd) positions from which a file without BOM is tried as UTF-16: text
     * mostly in Latin script. Fewer zeros (such as {@code hello\0world\0...}, a third) decode to CJK garbage: the
     * file is taken for binary instead.
     */
    private static final double MIN_UTF16_ZERO_SHARE = 0.5;
    private static final int SAMPLE_BYTES = 1 << 20;
    private static final int PIECE_CHARS = 1 << 16;

    private final Normalization form;

    /** A decoder whose text is in {@code form}. */
    public TextDecoder(Normalization form) {
        this.form = form;
    }

    /**
     * @param invalidSequences byte sequences that were not valid in the encoding, each replaced by U+FFFD
     */
    public record Decoded(String text, String encoding, long invalidSequences) {
    }

    /** What one decoding pass produced, and how many of its non-ASCII sequences were valid. */
    private record Pass(String text, long validNonAscii, long invalid) {
        /** Whether the invalid sequences are a few damaged bytes in a text of this encoding, not another encoding. */
        boolean mostlyValid() {
            return validNonAscii >= MIN_VALID_SHARE * (validNonAscii + invalid);
        }
    }

    public Decoded decode(byte[] bytes, String fileName) {
        String kind = BinaryFormats.identify(bytes);
        if (kind != null) {
            throw new ScribeException(fileName + " is " + kind + ", not a text file.");
        }
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return withBom(bytes, 3, StandardCharsets.UTF_8, fileName);
        }
        // UTF-32LE's mark starts like UTF-16LE's, so it is checked first.
        if (startsWith(bytes, 0xFF, 0xFE, 0, 0)) {
            return withBom(bytes, 4, UTF_32LE, fileName);
        }
        if (startsWith(bytes, 0, 0, 0xFE, 0xFF)) {
            return withBom(bytes, 4, UTF_32BE, fileName);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return withBom(bytes, 2, StandardCharsets.UTF_16LE, fileName);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return withBom(bytes, 2, StandardCharsets.UTF_16BE, fileName);
        }
        Charset utf16 = utf16Order(bytes);
        if (utf16 != null) {
            Pass pass = decode(bytes, 0, utf16);
            if (pass.invalid() == 0) {
                return new Decoded(pass.text(), utf16.name() + " (no BOM)", 0);
            }
        }
        rejectBinary(bytes, fileName);
        if (mostlyUtf8(bytes)) {
            Pass utf8 = decode(bytes, 0, StandardCharsets.UTF_8);
            boolean ascii = utf8.validNonAscii() == 0 && utf8.invalid() == 0;
            return new Decoded(utf8.text(), ascii ? "ASCII" : "UTF-8", utf8.invalid());
        }
        // The five bytes windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) are control codes in
        // ISO-8859-1: dropped like any other, not a replacement character in the vocabulary.
        CharsetDecoder lenient = WINDOWS_1252.newDecoder()
                .onMalformedInput(CodingErrorAction.IGNORE)
                .onUnmappableCharacter(CodingErrorAction.IGNORE);
        return new Decoded(decode(bytes, 0, lenient).text(), "windows-1252", 0);
    }

    private Decoded withBom(byte[] bytes, int offset, Charset charset, String fileName) {
        Pass pass = decode(bytes, offset, charset);
        if (!pass.mostlyValid()) {
            throw new ScribeException(fileName + " starts with a " + charset.name()
                    + " byte-order mark but is not valid " + charset.name() + ".");
        }
        return new Decoded(pass.text(), charset.name() + " (BOM)", pass.invalid());
    }

    /**
     * UTF-16LE or BE when the sample has many zero bytes at odd (LE) or even (BE) positions and almost none at the
     * others, as text in Latin script has, and its code units are not control characters (as the small numbers of a
     * binary file would be); else null.
     */
    private static Charset utf16Order(byte[] bytes) {
        int pairs = Math.min(bytes.length, SAMPLE_BYTES) / 2;
        int evenZeros = 0;
        int oddZeros = 0;
        int controlLe = 0;
        int controlBe = 0;
        for (int i = 0; i < pairs; i++) {
            int even = bytes[2 * i] & 0xFF;
            int odd = bytes[2 * i + 1] & 0xFF;
            evenZeros += even == 0 ? 1 : 0;
            oddZeros += odd == 0 ? 1 : 0;
            controlLe += odd == 0 && isControl(even) ? 1 : 0;
            controlBe += even == 0 && isControl(odd) ? 1 : 0;
        }
        if (pairs == 0 || Math.min(evenZeros, oddZeros) > MAX_CONTROL_SHARE * pairs) {
            return null;
        }
        if (oddZeros >= MIN_UTF16_ZERO_SHARE * pairs && controlLe <= MAX_CONTROL_SHARE * pairs) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZeros >= MIN_UTF16_ZERO_SHARE * pairs && controlBe <= MAX_CONTROL_SHARE * pairs) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /**
     * Whether at least {@link #MIN_VALID_SHARE} of the non-ASCII sequences are well-formed UTF-8: a lead byte and
     * its continuation bytes. A quick scan that builds no text, so that a windows-1252 file is decoded only once.
     */
    private static boolean mostlyUtf8(byte[] bytes) {
        long valid = 0;
        long invalid = 0;
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            int length = b < 0x80 ? 1 : b < 0xC2 ? 0 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : b < 0xF5 ? 4 : 0;
            int continuations = 0;
            while (continuations < length - 1 && i + 1 + continuations < bytes.length
                    && (bytes[i + 1 + continuations] & 0xC0) == 0x80) {
                continuations++;
            }
            if (length == 1) {
                i++;
            } else if (length > 1 && continuations == length - 1) {
                valid++;
                i += length;
            } else {
                invalid++;
                i += 1 + continuations;
            }
        }
        return valid >= MIN_VALID_SHARE * (valid + invalid);
    }

    /** A control byte (or code unit) that text does not use: below 0x20 but not tab, newline, CR or form feed. */
    private static boolean isControl(int b) {
        return b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f';
    }

    private static void rejectBinary(byte[] bytes, String fileName) {
        int sample = Math.min(bytes.length, SAMPLE_BYTES);
        int control = 0;
        for (int i = 0; i < sample; i++) {
            control += isControl(bytes[i] & 0xFF) ? 1 : 0;
        }
        if (sample > 0 && control > MAX_CONTROL_SHARE * sample) {
            throw new ScribeException(fileName + " looks like a binary file (" + control
                    + (control == 1 ? " control byte" : " control bytes") + " in the first " + sample
                    + "), not a text file.");
        }
    }

    private Pass decode(byte[] bytes, int offset, Charset charset) {
        return decode(bytes, offset, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /**
     * Decodes {@code bytes} from {@code offset} piece by piece into one normalised text; each sequence the decoder
     * reports as invalid becomes U+FFFD and is counted.
     */
    private Pass decode(byte[] bytes, int offset, CharsetDecoder decoder) {
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer piece = CharBuffer.allocate(PIECE_CHARS);
        StringBuilder text = new StringBuilder((int) (in.remaining() * decoder.averageCharsPerByte()));
        TextNormalizer normalizer = new TextNormalizer(form, text);
        long validNonAscii = 0;
        long invalid = 0;
        while (true) {
            CoderResult result = decoder.decode(in, piece, true);
            if (result.isUnderflow()) {
                break;
            }
            if (result.isError()) {
                in.position(in.position() + result.length());
                invalid++;
                if (!piece.hasRemaining()) {
                    validNonAscii += flush(piece, normalizer);
                }
                piece.put('\uFFFD');
            } else {
                validNonAscii += flush(piece, normalizer);
            }
        }
        decoder.flush(piece);
        validNonAscii += flush(piece, normalizer);
        normalizer.finish();
        // Each U+FFFD put in for an invalid sequence was counted as a non-ASCII character.
        return new Pass(text.toString(), validNonAscii - invalid, invalid);
    }

    /** Hands the decoded piece to the normaliser and empties it; returns its non-ASCII code points. */
    private static long flush(CharBuffer piece, TextNormalizer normalizer) {
        piece.flip();
        long nonAscii = 0;
        for (int i = 0; i < piece.length(); i++) {
            char c = piece.charAt(i);
            nonAscii += c >= 0x80 && !Character.isLowSurrogate(c) ? 1 : 0;
        }
        normalizer.append(piece);
        piece.clear();
        return nonAscii;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        return BinaryFormats.startsWith(bytes, prefix);
    }
}
