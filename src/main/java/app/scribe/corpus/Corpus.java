package app.scribe.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A book ready for training: its characters as a compact index array (two bytes a character, no strings kept),
 * its vocabulary, and what the user is shown about it.
 *
 * @param name       file name the corpus came from
 * @param sha256     hex SHA-256 of the file's bytes, the corpus fingerprint stored in model files
 * @param fileBytes  size of the file on disk
 * @param encoding   the encoding that was detected
 * @param invalidSequences byte sequences invalid in that encoding, each read as U+FFFD
 * @param strippedGutenberg whether a Project Gutenberg header and footer were removed
 * @param indices    the text, each character replaced by its vocabulary index
 * @param preview    the first characters of the cleaned text
 * @param counts     how often each vocabulary character occurs, by index
 * @param cleaning   what the vocabulary's {@link TextMapper} did to the text
 * @param books      the books the text is made of, in order (one for a single file)
 * @param records    how the text was cut into records, each between two {@link RecordFormat#MARK}s; null for a text
 *                   learnt as one stream
 */
public record Corpus(String name, String sha256, long fileBytes, String encoding, long invalidSequences,
                     boolean strippedGutenberg, Vocabulary vocabulary, char[] indices, String preview,
                     long[] counts, CleaningReport cleaning, List<Book> books, RecordFormat records) {
    private static final int RAREST_SHOWN = 8;

    /** A text learnt as one stream, not as records. */
    public Corpus(String name, String sha256, long fileBytes, String encoding, long invalidSequences,
                  boolean strippedGutenberg, Vocabulary vocabulary, char[] indices, String preview, long[] counts,
                  CleaningReport cleaning, List<Book> books) {
        this(name, sha256, fileBytes, encoding, invalidSequences, strippedGutenberg, vocabulary, indices, preview,
                counts, cleaning, books, null);
    }

    public boolean isRecords() {
        return records != null;
    }

    public record CharCount(String character, long count) {
    }

    /**
     * What cleaning did to the text.
     *
     * @param vocabularyAsIs the number of distinct characters the books had before cleaning
     * @param replaced       the rare characters the placeholder stands for, with their counts, rarest first
     */
    public record CleaningReport(int vocabularyAsIs, List<CharCount> replaced) {
    }

    /**
     * One book of a corpus: its characters are {@code indices[start, start + characters)}; the separator between
     * books belongs to none of them. {@code removed}: its Project Gutenberg header and footer.
     */
    public record Book(String name, String sha256, int start, int characters, GutenbergStripper.Removal removed) {
        public int end() {
            return start + characters;
        }
    }

    /**
     * What cleaning did, in one line: "lowercase,rare=10: 87 distinct characters as is, 58 now; '~' (U+007E) stands
     * for 12 characters seen fewer than 10 times".
     */
    public String cleaningSummary() {
        TextMapper mapper = vocabulary.mapper();
        String summary = String.format("%s: %d distinct characters as is, %d now", mapper.cleaning(),
                cleaning.vocabularyAsIs(), vocabulary.size());
        if (mapper.hasPlaceholder()) {
            int n = cleaning.replaced().size();
            summary += String.format("; %s stands for %d character%s seen fewer than %d times",
                    Vocabulary.describeWithCodePoint(mapper.placeholder()), n, n == 1 ? "" : "s",
                    mapper.cleaning().rareBelow());
        } else if (mapper.cleaning().rareBelow() > 0) {
            summary += String.format("; no character is seen fewer than %d times", mapper.cleaning().rareBelow());
        }
        return summary;
    }

    /** The rarest characters with their counts, rarest first. */
    public List<CharCount> rarest() {
        List<CharCount> all = byCount();
        return List.copyOf(all.subList(0, Math.min(RAREST_SHOWN, all.size())));
    }

    /** The characters seen fewer than {@code n} times, rarest first. */
    public List<CharCount> seenFewerThan(int n) {
        return byCount().stream().filter(c -> c.count() < n).toList();
    }

    private List<CharCount> byCount() {
        List<CharCount> all = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            all.add(new CharCount(Vocabulary.describe(vocabulary.codePointAt(i)), counts[i]));
        }
        all.sort(Comparator.comparingLong(CharCount::count));
        return all;
    }

    /**
     * The same text in {@code target}'s indices, where index {@code i} of this corpus's vocabulary becomes
     * {@code map[i]}: how a model continued on this text (its vocabulary grown) reads it.
     */
    public Corpus reindexed(Vocabulary target, int[] map) {
        char[] mapped = new char[indices.length];
        for (int i = 0; i < indices.length; i++) {
            mapped[i] = (char) map[indices[i]];
        }
        long[] mappedCounts = new long[target.size()];
        for (int i = 0; i < counts.length; i++) {
            mappedCounts[map[i]] += counts[i];
        }
        return new Corpus(name, sha256, fileBytes, encoding, invalidSequences, strippedGutenberg, target, mapped,
                preview, mappedCounts, cleaning, books, records);
    }

    /** The book's share of all the books' characters, 0 to 1. */
    public double share(Book book) {
        long all = books.stream().mapToLong(Book::characters).sum();
        return (double) book.characters() / all;
    }

    /** Each book with its share, as the user is shown it: "a.txt 75.0% · b.txt 25.0%". */
    public String shares() {
        return books.stream().map(b -> String.format("%s %.1f%%", b.name(), 100 * share(b)))
                .collect(Collectors.joining(" · "));
    }

    /** The encoding as the user is told it, with the invalid sequences that were replaced, if any. */
    public String encodingSummary() {
        return invalidSequences == 0 ? encoding : String.format("%s, %,d invalid byte sequence%s read as U+FFFD",
                encoding, invalidSequences, invalidSequences == 1 ? "" : "s");
    }

    public int length() {
        return indices.length;
    }

    /** Entropy of the character distribution in nats: the loss of a model that ignores context entirely. */
    public double unigramEntropy() {
        double entropy = 0;
        for (long count : counts) {
            if (count > 0) {
                double p = (double) count / indices.length;
                entropy -= p * Math.log(p);
            }
        }
        return entropy;
    }
}
