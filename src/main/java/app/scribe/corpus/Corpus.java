package app.scribe.corpus;

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
 * @param rarest     the rarest characters with their counts, rarest first
 * @param books      the books the text is made of, in order (one for a single file)
 */
public record Corpus(String name, String sha256, long fileBytes, String encoding, long invalidSequences,
                     boolean strippedGutenberg, Vocabulary vocabulary, char[] indices, String preview,
                     List<CharCount> rarest, List<Book> books) {

    public record CharCount(String character, long count) {
    }

    /**
     * One book of a corpus: its characters are {@code indices[start, start + characters)}; the separator between
     * books belongs to none of them.
     */
    public record Book(String name, String sha256, int start, int characters) {
        public int end() {
            return start + characters;
        }
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
        long[] counts = new long[vocabulary.size()];
        for (char c : indices) {
            counts[c]++;
        }
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
