package app.scribe.corpus;

import app.scribe.ScribeException;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of a file into normalised text (see {@link TextNormalizer}), detecting the encoding rather than
 * guessing it: a byte-order mark wins; otherwise the bytes are UTF-8 when they decode strictly as UTF-8, and
 * windows-1252 (a superset of ISO-8859-1 for printable text) when they do not. Binary files are refused by their
 * magic number or their control bytes. The bytes are decoded in small pieces straight into the normalised text, so
 * a large file is never held as a second, intermediate text.
 */
public final class TextDecoder {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** Share of control bytes above which a file is taken for binary; real books have next to none. */
    private static final double MAX_CONTROL_SHARE = 0.01;
    private static final int PIECE_CHARS = 1 << 16;

    private final TextNormalizer normalizer = new TextNormalizer();

    public record Decoded(String text, String encoding) {
    }

    public Decoded decode(byte[] bytes, String fileName) {
        String kind = BinaryFormats.identify(bytes);
        if (kind != null) {
            throw new ScribeException(fileName + " is " + kind + ", not a text file.");
        }
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(strict(bytes, 3, StandardCharsets.UTF_8, fileName), "UTF-8 (BOM)");
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new Decoded(strict(bytes, 2, StandardCharsets.UTF_16LE, fileName), "UTF-16LE (BOM)");
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new Decoded(strict(bytes, 2, StandardCharsets.UTF_16BE, fileName), "UTF-16BE (BOM)");
        }
        rejectBinary(bytes, fileName);
        try {
            return new Decoded(decode(bytes, 0, strictDecoder(StandardCharsets.UTF_8)),
                    isAscii(bytes) ? "ASCII" : "UTF-8");
        } catch (CharacterCodingException notUtf8) {
            // The five bytes windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) are control codes in
            // ISO-8859-1: dropped like any other, not a replacement character in the vocabulary.
            CharsetDecoder lenient = WINDOWS_1252.newDecoder()
                    .onMalformedInput(CodingErrorAction.IGNORE)
                    .onUnmappableCharacter(CodingErrorAction.IGNORE);
            try {
                return new Decoded(decode(bytes, 0, lenient), "windows-1252");
            } catch (CharacterCodingException e) {
                throw new IllegalStateException("a decoder that ignores errors reported one", e);
            }
        }
    }

    private static void rejectBinary(byte[] bytes, String fileName) {
        int sample = Math.min(bytes.length, 1 << 20);
        int control = 0;
        for (int i = 0; i < sample; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                control++;
            }
        }
        if (sample > 0 && control > MAX_CONTROL_SHARE * sample) {
            throw new ScribeException(fileName + " looks like a binary file (" + control + " control bytes in the first "
                    + sample + "), not a text file.");
        }
    }

    private String strict(byte[] bytes, int offset, Charset charset, String fileName) {
        try {
            return decode(bytes, offset, strictDecoder(charset));
        } catch (CharacterCodingException e) {
            throw new ScribeException(fileName + " starts with a " + charset.name()
                    + " byte-order mark but is not valid " + charset.name() + ".");
        }
    }

    private static CharsetDecoder strictDecoder(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Decodes {@code bytes} from {@code offset} piece by piece into one normalised text. */
    private String decode(byte[] bytes, int offset, CharsetDecoder decoder) throws CharacterCodingException {
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer piece = CharBuffer.allocate(PIECE_CHARS);
        StringBuilder text = new StringBuilder((int) (in.remaining() * decoder.averageCharsPerByte()));
        boolean afterCr = false;
        CoderResult result;
        do {
            result = decoder.decode(in, piece, true);
            if (result.isError()) {
                result.throwException();
            }
            afterCr = normalizer.append(piece.flip(), afterCr, text);
            piece.clear();
        } while (result.isOverflow());
        decoder.flush(piece);
        normalizer.append(piece.flip(), afterCr, text);
        return text.toString();
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        return BinaryFormats.startsWith(bytes, prefix);
    }
}
