package app.scribe.corpus;

/** Recognises common binary formats by their magic numbers, so the user hears "a PNG image", not "bad text". */
final class BinaryFormats {
    private record Magic(String name, int[] prefix) {
    }

    private static final Magic[] KNOWN = {
            new Magic("a PNG image", new int[]{0x89, 'P', 'N', 'G'}),
            new Magic("a JPEG image", new int[]{0xFF, 0xD8, 0xFF}),
            new Magic("a GIF image", new int[]{'G', 'I', 'F', '8'}),
            new Magic("a PDF document", new int[]{'%', 'P', 'D', 'F'}),
            new Magic("a zip archive (or a .docx/.epub/.scribe file)", new int[]{'P', 'K', 3, 4}),
            new Magic("a gzip archive", new int[]{0x1F, 0x8B}),
            new Magic("an executable", new int[]{0x7F, 'E', 'L', 'F'}),
            new Magic("a Java class file", new int[]{0xCA, 0xFE, 0xBA, 0xBE}),
    };

    private BinaryFormats() {
    }

    /** A phrase naming the format, or null when the bytes start like none of the known ones. */
    static String identify(byte[] bytes) {
        for (Magic magic : KNOWN) {
            if (startsWith(bytes, magic.prefix())) {
                return magic.name();
            }
        }
        return null;
    }

    static boolean startsWith(byte[] bytes, int[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
