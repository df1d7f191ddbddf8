package app.scribe.analysis;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The characters that follow a window in the corpus, by the suffix array, against a scan of the corpus. */
class FollowersTest {
    @Test
    void theFollowersOfAnyWindowAreThoseAScanFinds() {
        SplittableRandom random = new SplittableRandom(5);
        char[] corpus = new char[3_000];
        for (int i = 0; i < corpus.length; i++) {
            corpus[i] = (char) random.nextInt(4);   // a small alphabet: long windows still recur
        }
        NoveltyIndex index = new NoveltyIndex(corpus);
        for (int trial = 0; trial < 300; trial++) {
            int length = 1 + random.nextInt(8);
            char[] window = new char[length];
            if (trial % 2 == 0) {
                int at = random.nextInt(corpus.length - length);
                System.arraycopy(corpus, at, window, 0, length);
            } else {
                for (int i = 0; i < length; i++) {
                    window[i] = (char) random.nextInt(4);
                }
            }
            boolean[] expected = new boolean[4];
            for (int start = 0; start + length < corpus.length; start++) {
                boolean match = true;
                for (int k = 0; k < length && match; k++) {
                    match = corpus[start + k] == window[k];
                }
                if (match) {
                    expected[corpus[start + length]] = true;
                }
            }
            boolean[] found = new boolean[4];
            index.followers(window, found);
            assertArrayEquals(expected, found, "window " + new String(window).chars().boxed().toList());
        }
    }
}
