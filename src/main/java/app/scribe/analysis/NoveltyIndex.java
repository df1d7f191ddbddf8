package app.scribe.analysis;

import app.scribe.corpus.Vocabulary;

/**
 * Finds how much of a text a corpus contains verbatim: the longest span of a query that occurs in the corpus, as
 * a check on whether generated text is new or recited. Built once per corpus (a suffix array: one int per corpus
 * character, built in linear time); a query of m characters then costs about m binary searches.
 * Immutable and safe to share between threads.
 */
public final class NoveltyIndex {
    /** Stands in a query for a character outside the vocabulary: it matches nothing. */
    public static final char UNKNOWN = '\uFFFF';

    /**
     * The longest verbatim span: it starts at {@code queryStart} in the query, runs {@code length} characters and
     * occurs in the corpus at {@code corpusOffset}. With no character in common, length is 0 and the offset -1.
     */
    public record Match(int queryStart, int length, int corpusOffset) {
    }

    private final char[] corpus;
    private final int[] suffixes;

    /** @param corpus the corpus as vocabulary indices, as in {@link app.scribe.corpus.Corpus#indices()} */
    public NoveltyIndex(char[] corpus) {
        this.corpus = corpus.clone();
        int[] symbols = new int[corpus.length];
        int upper = 0;
        for (int i = 0; i < corpus.length; i++) {
            if (corpus[i] == UNKNOWN) {
                throw new IllegalArgumentException("the corpus holds the UNKNOWN marker at " + i);
            }
            symbols[i] = corpus[i];
            upper = Math.max(upper, corpus[i]);
        }
        this.suffixes = SuffixArray.build(symbols, upper);
    }

    /** The query as vocabulary indices, each character outside the vocabulary as {@link #UNKNOWN}. */
    public static char[] encode(Vocabulary vocabulary, String text) {
        int[] codePoints = text.codePoints().toArray();
        char[] out = new char[codePoints.length];
        for (int i = 0; i < codePoints.length; i++) {
            int index = vocabulary.indexOf(codePoints[i]);
            out[i] = index < 0 ? UNKNOWN : (char) index;
        }
        return out;
    }

    /** The longest span of {@code query} found verbatim in the corpus; the earliest such span in the query. */
    public Match longestMatch(char[] query) {
        Match best = new Match(0, 0, -1);
        for (int from = 0; from + best.length() < query.length; from++) {
            Match here = longestAt(query, from);
            if (here.length() > best.length()) {
                best = here;
            }
        }
        return best;
    }

    /**
     * The longest prefix of {@code query[from..]} in the corpus. A binary search for where that suffix would sort
     * among the corpus suffixes; the longest common prefix is with one of the two neighbours there. Comparisons
     * skip the prefix that both bounds of the search share with the query (the classic "mlr" acceleration).
     */
    private Match longestAt(char[] query, int from) {
        int n = corpus.length;
        int lo = -1;
        int hi = n;
        int lcpLo = 0;
        int lcpHi = 0;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            int start = suffixes[mid];
            int k = Math.min(lcpLo, lcpHi);
            while (from + k < query.length && start + k < n && query[from + k] == corpus[start + k]) {
                k++;
            }
            boolean queryFirst = from + k == query.length || start + k < n && query[from + k] < corpus[start + k];
            if (queryFirst) {
                hi = mid;
                lcpHi = k;
            } else {
                lo = mid;
                lcpLo = k;
            }
        }
        if (lcpLo == 0 && lcpHi == 0) {
            return new Match(from, 0, -1);
        }
        return lcpLo >= lcpHi ? new Match(from, lcpLo, suffixes[lo]) : new Match(from, lcpHi, suffixes[hi]);
    }
    /**
     * Sets {@code into[c]} for every character c (below {@code into.length}) that follows {@code window} somewhere
     * in the corpus: the suffixes that start with the window are one run of the suffix array, sorted by the
     * character after it, so each distinct follower costs one binary search.
     */
    public void followers(char[] window, boolean[] into) {
        int n = corpus.length;
        int m = window.length;
        int i = firstAtLeast(window, false);
        int end = firstAtLeast(window, true);
        while (i < end) {
            int at = suffixes[i] + m;
            if (at >= n) {
                i++;
                continue;
            }
            char c = corpus[at];
            if (c < into.length) {
                into[c] = true;
            }
            int a = i + 1;
            int b = end;
            while (a < b) {
                int mid = (a + b) >>> 1;
                int pos = suffixes[mid] + m;
                if (pos >= n || corpus[pos] <= c) {
                    a = mid + 1;
                } else {
                    b = mid;
                }
            }
            i = a;
        }
    }

    /**
     * The first suffix whose first {@code window.length} characters sort at or after the window ({@code after}:
     * strictly after it).
     */
    private int firstAtLeast(char[] window, boolean after) {
        int lo = 0;
        int hi = corpus.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int order = comparePrefix(suffixes[mid], window);
            if (order < 0 || after && order == 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The corpus suffix at {@code start}, cut to the window's length, against the window. */
    private int comparePrefix(int start, char[] window) {
        for (int k = 0; k < window.length; k++) {
            if (start + k >= corpus.length) {
                return -1;
            }
            int d = corpus[start + k] - window[k];
            if (d != 0) {
                return d;
            }
        }
        return 0;
    }
}
