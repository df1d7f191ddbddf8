package app.scribe.analysis;

import app.scribe.ScribeException;
import app.scribe.corpus.Corpus;
import app.scribe.corpus.Vocabulary;

import java.util.Arrays;
import java.util.Locale;

/**
 * The books a model learnt from, in that model's vocabulary indices, with their {@link NoveltyIndex}: what the copy
 * limit and the novelty of samples search. Each book is put in the model's form as a prompt is
 * ({@link Vocabulary#prepare}: the model's Unicode form and cleaning); a character the model cannot read there
 * matches nothing, and so does the place between two books. A book of which more than
 * {@value #MAX_UNKNOWN_PERCENT} % of the characters are unreadable is refused: it is not a book of this model.
 * Immutable and safe to share between threads.
 */
public final class VerbatimIndex {
    static final int MAX_UNKNOWN_PERCENT = 1;

    private final String name;
    private final Vocabulary vocabulary;
    private final NoveltyIndex index;

    private VerbatimIndex(String name, Vocabulary vocabulary, char[] indices) {
        this.name = name;
        this.vocabulary = vocabulary;
        this.index = new NoveltyIndex(indices);
    }

    /** The corpus's books as {@code vocabulary}'s model reads them; a corpus in that very vocabulary is taken as is. */
    public static VerbatimIndex of(Corpus corpus, Vocabulary vocabulary) {
        Vocabulary own = corpus.vocabulary();
        if (Arrays.equals(own.codePoints(), vocabulary.codePoints())) {
            return new VerbatimIndex(corpus.name(), vocabulary, corpus.indices());
        }
        char boundary = (char) vocabulary.size();
        char[] indices = corpus.indices();
        StringBuilder all = new StringBuilder();
        for (Corpus.Book book : corpus.books()) {
            StringBuilder text = new StringBuilder(book.characters());
            for (int i = book.start(); i < book.end(); i++) {
                text.appendCodePoint(own.codePointAt(indices[i]));
            }
            if (!all.isEmpty()) {
                all.append(boundary);
            }
            all.append(encode(book.name(), vocabulary.prepare(text.toString()), vocabulary, boundary));
        }
        return new VerbatimIndex(corpus.name(), vocabulary, all.toString().toCharArray());
    }

    /** The text as indices, an unreadable character as the boundary; refuses a text mostly unreadable. */
    private static char[] encode(String name, String prepared, Vocabulary vocabulary, char boundary) {
        int[] codePoints = prepared.codePoints().toArray();
        char[] out = new char[codePoints.length];
        int unknown = 0;
        for (int i = 0; i < codePoints.length; i++) {
            int index = vocabulary.indexOf(codePoints[i]);
            unknown += index < 0 ? 1 : 0;
            out[i] = index < 0 ? boundary : (char) index;
        }
        if ((long) unknown * 100 > (long) MAX_UNKNOWN_PERCENT * codePoints.length) {
            throw new ScribeException(String.format(Locale.ROOT, "%s has %,d characters (%.1f %%) the model cannot"
                            + " read, such as %s: the copy limit needs the books the model learnt from.", name, unknown,
                    100.0 * unknown / codePoints.length, Vocabulary.firstOf(vocabulary.unknownCharacters(prepared))));
        }
        return out;
    }

    /** The books' names, joined with " + ". */
    public String name() {
        return name;
    }

    /** Sets {@code into[c]} for every index c that follows {@code window} somewhere in the books. */
    public void followers(char[] window, boolean[] into) {
        index.followers(window, into);
    }

    /** The longest span of {@code text} (in the model's form) found verbatim in the books. */
    public NoveltyIndex.Match longestMatch(String text) {
        return index.longestMatch(NoveltyIndex.encode(vocabulary, text));
    }

    /** The length of {@link #longestMatch}. */
    public int longestCopy(String text) {
        return longestMatch(text).length();
    }

    /**
     * The index of the books in use, built on first need (a second or two for a 4 MB book) and kept until other books
     * or another model's vocabulary ask; shared by the tabs that need it.
     */
    public static final class Cache {
        private Corpus corpus;
        private Vocabulary vocabulary;
        private VerbatimIndex index;

        /** The index of {@code corpus} as {@code vocabulary}'s model reads it; call it off the FX thread. */
        public synchronized VerbatimIndex of(Corpus corpus, Vocabulary vocabulary) {
            if (corpus != this.corpus || !vocabulary.equals(this.vocabulary)) {
                index = VerbatimIndex.of(corpus, vocabulary);
                this.corpus = corpus;
                this.vocabulary = vocabulary;
            }
            return index;
        }
    }
}
