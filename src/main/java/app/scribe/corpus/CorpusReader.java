package app.scribe.corpus;

import app.scribe.ScribeException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
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

    /** The form every new model's text is in: its corpus is read in it, its prompts and scored texts put in it. */
    public static final Normalization FORM = Normalization.NFC;

    /** What goes between two books of a mixed corpus: a blank line, so no new character is needed. */
    public static final String BOOK_SEPARATOR = "\n\n";

    private final TextDecoder decoder = new TextDecoder(FORM);
    private final GutenbergStripper stripper = new GutenbergStripper();

    public Corpus read(Path file) {
        return read(List.of(file), Cleaning.KEEP);
    }

    public Corpus fromBytes(String name, byte[] bytes) {
        return fromBytes(name, bytes, Cleaning.KEEP);
    }

    public Corpus fromBytes(String name, byte[] bytes, Cleaning cleaning) {
        return fromBytes(name, bytes, cleaning, null);
    }

    /** A text of records cut as {@code records} says (null: one stream), cleaned as {@code cleaning} says. */
    public Corpus fromBytes(String name, byte[] bytes, Cleaning cleaning, RecordFormat records) {
        Books books = new Books(cleaning, records);
        books.add(name, bytes);
        return books.corpus();
    }

    /**
     * Reads several books into one corpus: each is cleaned on its own, then they are joined with
     * {@link #BOOK_SEPARATOR}. One file reads exactly as {@link #read(Path)}.
     */
    public Corpus read(List<Path> files) {
        return read(files, Cleaning.KEEP);
    }

    /**
     * Reads books (one, or several joined into one corpus) and cleans their characters as {@code cleaning} says; the
     * rare characters are counted over all the books together.
     */
    public Corpus read(List<Path> files, Cleaning cleaning) {
        return read(files, cleaning, null);
    }

    /**
     * The same, the books cut into records as {@code records} says (null: read as one stream): the records of all
     * the books in order, each between two {@link RecordFormat#MARK}s.
     */
    public Corpus read(List<Path> files, Cleaning cleaning, RecordFormat records) {
        Books books = new Books(cleaning, records);
        for (Path file : files) {
            String name = TextFiles.nameOf(file);
            byte[] bytes = TextFiles.readBytes(file, MAX_FILE_BYTES, "trains on");
            if (bytes.length == 0) {
                throw new ScribeException(name + " is empty.");
            }
            books.add(name, bytes);
        }
        return books.corpus();
    }

    /** The books of a corpus read so far, joined; each book's full text is garbage once the next one is read. */
    private final class Books {
        private final Cleaning cleaning;
        private final RecordFormat records;
        private final TextMapper characters;
        /** The text so far: one book's as it is (a large book is never copied), several joined. */
        private String text = "";
        private StringBuilder joined;
        private final List<Corpus.Book> books = new ArrayList<>();
        private final Set<String> encodings = new LinkedHashSet<>();
        private final BitSet asIs = new BitSet();
        private long fileBytes;
        private long invalid;
        private boolean gutenberg;
        private int start;

        Books(Cleaning cleaning, RecordFormat records) {
            this.cleaning = cleaning;
            this.records = records;
            this.characters = new TextMapper(cleaning, TextMapper.NO_PLACEHOLDER);
        }

        void add(String name, byte[] bytes) {
            TextDecoder.Decoded decoded = decoder.decode(bytes, name);
            GutenbergStripper.Removal removal = stripper.removal(decoded.text());
            String stripped = stripper.strip(decoded.text());
            if (!cleaning.keepsAsIs()) {
                stripped.codePoints().forEach(asIs::set);
            }
            String book = characters.mapCharacters(stripped);
            if (records != null) {
                // Records of a later book follow the mark that ended the previous book's last record.
                book = RecordFormat.join(records.split(name, book)).substring(books.isEmpty() ? 0 : 1);
            }
            int length = checkedLength(name, book);
            if (books.isEmpty()) {
                text = book;
            } else {
                if (joined == null) {
                    joined = new StringBuilder(text);
                    text = null;
                }
                String separator = records == null ? BOOK_SEPARATOR : "";
                joined.append(separator).append(book);
                start += separator.length();
            }
            books.add(new Corpus.Book(name, sha256(bytes), start, length, removal));
            start += length;
            encodings.add(decoded.encoding());
            fileBytes += bytes.length;
            invalid += decoded.invalidSequences();
            gutenberg |= removal.removedAnything();
        }

        private int checkedLength(String name, String text) {
            int characters = text.codePointCount(0, text.length());
            if (characters < MIN_CHARACTERS) {
                String counted = characters + (characters == 1 ? " character" : " characters");
                throw new ScribeException(name + " has only " + counted + " of text"
                        + (cleaning.keepsAsIs() ? "" : " once cleaned (" + cleaning + ")") + "; Scribe needs at least "
                        + MIN_CHARACTERS + " to train on.");
            }
            return characters;
        }

        Corpus corpus() {
            String name = books.stream().map(Corpus.Book::name).collect(Collectors.joining(" + "));
            String fingerprint = books.size() == 1 ? books.get(0).sha256()
                    : sha256(books.stream().map(Corpus.Book::sha256).collect(Collectors.joining("\n"))
                    .getBytes(StandardCharsets.US_ASCII));
            if (joined != null) {
                text = joined.toString();
                joined = null;
            }
            TextMapper mapper = characters;
            List<Corpus.CharCount> replaced = List.of();
            if (cleaning.rareBelow() > 0) {
                int[] counts = new int[Character.MAX_CODE_POINT + 1];
                text.codePoints().forEach(cp -> counts[cp]++);
                if (records != null) {
                    counts[RecordFormat.MARK] = Integer.MAX_VALUE; // never rare: it starts and ends every record
                }
                mapper = new TextMapper(cleaning, TextMapper.choosePlaceholder(cleaning, counts));
                replaced = rare(counts, cleaning.rareBelow());
                text = mapper.replaceUnknown(text, cp -> counts[cp] >= cleaning.rareBelow());
            }
            Vocabulary vocabulary;
            try {
                vocabulary = Vocabulary.of(text, FORM, mapper);
            } catch (ScribeException e) {
                // A cleaning can leave too few characters (rare=N above every count): say it was the cleaning.
                String cleaned = cleaning.keepsAsIs() ? "" : " once cleaned (" + cleaning + ")";
                throw new ScribeException(name + cleaned + ": " + e.getMessage());
            }
            char[] indices = vocabulary.encode(text);
            long[] counts = new long[vocabulary.size()];
            for (char c : indices) {
                counts[c]++;
            }
            String preview = text.substring(0, text.offsetByCodePoints(0, Math.min(indices.length, PREVIEW_CHARS)));
            if (records != null) {
                preview = preview.substring(1).replace(Character.toString(RecordFormat.MARK), records.delimiter());
            }
            int vocabularyAsIs = cleaning.keepsAsIs() ? vocabulary.size() : asIs.cardinality();
            return new Corpus(name, fingerprint, fileBytes, String.join(", ", encodings), invalid, gutenberg,
                    vocabulary, indices, preview, counts, new Corpus.CleaningReport(vocabularyAsIs, replaced), books,
                    records);
        }
    }

    /** The characters seen fewer than {@code n} times (but seen), rarest first. */
    private static List<Corpus.CharCount> rare(int[] counts, int n) {
        List<Corpus.CharCount> rare = new ArrayList<>();
        for (int cp = 0; cp < counts.length; cp++) {
            if (counts[cp] > 0 && counts[cp] < n) {
                rare.add(new Corpus.CharCount(Vocabulary.describe(cp), counts[cp]));
            }
        }
        rare.sort(Comparator.comparingLong(Corpus.CharCount::count));
        return List.copyOf(rare);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
