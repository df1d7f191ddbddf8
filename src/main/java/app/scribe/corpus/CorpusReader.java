package app.scribe.corpus;

import app.scribe.ScribeException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a text file into a {@link Corpus}: size check, encoding detection and normalising, Gutenberg stripping, and
 * the compact index array.
 */
public final class CorpusReader {
    /** Larger files are refused before anything is read, so a huge file can never exhaust memory. */
    public static final long MAX_FILE_BYTES = 256L * 1024 * 1024;
    /** Fewer characters cannot fill even one training window plus a validation set. */
    public static final int MIN_CHARACTERS = 100;
    private static final int PREVIEW_CHARS = 2000;
    private static final int RAREST_SHOWN = 8;

    /** The form every new model's text is in: its corpus is read in it, its prompts and scored texts put in it. */
    public static final Normalization FORM = Normalization.NFC;

    /** What goes between two books of a mixed corpus: a blank line, so no new character is needed. */
    public static final String BOOK_SEPARATOR = "\n\n";

    private final TextDecoder decoder = new TextDecoder(FORM);
    private final GutenbergStripper stripper = new GutenbergStripper();

    public Corpus read(Path file) {
        String name = TextFiles.nameOf(file);
        byte[] bytes = TextFiles.readBytes(file, MAX_FILE_BYTES, "trains on");
        if (bytes.length == 0) {
            throw new ScribeException(name + " is empty.");
        }
        return fromBytes(name, bytes);
    }

    public Corpus fromBytes(String name, byte[] bytes) {
        Cleaned cleaned = clean(name, bytes);
        String text = cleaned.text();
        int characters = checkedLength(name, text);
        return build(name, sha256(bytes), bytes.length, cleaned.encoding(), cleaned.invalidSequences(),
                cleaned.gutenberg(), text, List.of(new Corpus.Book(name, sha256(bytes), 0, characters)));
    }

    /**
     * Reads several books into one corpus: each is cleaned on its own, then they are joined with
     * {@link #BOOK_SEPARATOR}. One file reads exactly as {@link #read(Path)}.
     */
    public Corpus read(List<Path> files) {
        if (files.size() == 1) {
            return read(files.get(0));
        }
        StringBuilder joined = new StringBuilder();
        List<Corpus.Book> books = new ArrayList<>();
        Set<String> encodings = new LinkedHashSet<>();
        long fileBytes = 0;
        long invalid = 0;
        boolean gutenberg = false;
        int start = 0;
        for (Path file : files) {
            String name = TextFiles.nameOf(file);
            byte[] bytes = TextFiles.readBytes(file, MAX_FILE_BYTES, "trains on");
            if (bytes.length == 0) {
                throw new ScribeException(name + " is empty.");
            }
            Cleaned cleaned = clean(name, bytes);
            int characters = checkedLength(name, cleaned.text());
            if (!books.isEmpty()) {
                joined.append(BOOK_SEPARATOR);
                start += BOOK_SEPARATOR.length();
            }
            books.add(new Corpus.Book(name, sha256(bytes), start, characters));
            joined.append(cleaned.text());
            start += characters;
            encodings.add(cleaned.encoding());
            fileBytes += bytes.length;
            invalid += cleaned.invalidSequences();
            gutenberg |= cleaned.gutenberg();
        }
        String name = books.stream().map(Corpus.Book::name).collect(Collectors.joining(" + "));
        String fingerprint = sha256(books.stream().map(Corpus.Book::sha256).collect(Collectors.joining("\n"))
                .getBytes(StandardCharsets.US_ASCII));
        return build(name, fingerprint, fileBytes, String.join(", ", encodings), invalid, gutenberg,
                joined.toString(), books);
    }

    private static int checkedLength(String name, String text) {
        int characters = text.codePointCount(0, text.length());
        if (characters < MIN_CHARACTERS) {
            throw new ScribeException(name + " has only " + characters + " characters of text; Scribe needs at least "
                    + MIN_CHARACTERS + " to train on.");
        }
        return characters;
    }

    private Corpus build(String name, String sha256, long fileBytes, String encoding, long invalidSequences,
                         boolean gutenberg, String text, List<Corpus.Book> books) {
        Vocabulary vocabulary;
        try {
            vocabulary = Vocabulary.of(text, FORM);
        } catch (ScribeException e) {
            throw new ScribeException(name + ": " + e.getMessage());
        }
        char[] indices = vocabulary.encode(text);
        int characters = indices.length;
        String preview = text.substring(0, text.offsetByCodePoints(0, Math.min(characters, PREVIEW_CHARS)));
        return new Corpus(name, sha256, fileBytes, encoding, invalidSequences, gutenberg, vocabulary, indices,
                preview, rarest(vocabulary, indices), books);
    }

    private record Cleaned(String text, String encoding, long invalidSequences, boolean gutenberg) {
    }

    /**
     * Decodes (into normalised text) and strips. The full text before stripping belongs to this frame only, so that
     * it is garbage by the time the index array is allocated.
     */
    private Cleaned clean(String name, byte[] bytes) {
        TextDecoder.Decoded decoded = decoder.decode(bytes, name);
        boolean gutenberg = stripper.hasHeader(decoded.text());
        return new Cleaned(gutenberg ? stripper.strip(decoded.text()) : decoded.text(), decoded.encoding(),
                decoded.invalidSequences(), gutenberg);
    }

    private static List<Corpus.CharCount> rarest(Vocabulary vocabulary, char[] indices) {
        long[] counts = new long[vocabulary.size()];
        for (char c : indices) {
            counts[c]++;
        }
        List<Corpus.CharCount> all = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            all.add(new Corpus.CharCount(Vocabulary.describe(vocabulary.codePointAt(i)), counts[i]));
        }
        all.sort(Comparator.comparingLong(Corpus.CharCount::count));
        return List.copyOf(all.subList(0, Math.min(RAREST_SHOWN, all.size())));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
