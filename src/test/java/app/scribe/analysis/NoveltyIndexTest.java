package app.scribe.analysis;

import app.scribe.TestCorpora;
import app.scribe.corpus.Corpus;
import app.scribe.corpus.CorpusReader;
import app.scribe.corpus.Vocabulary;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class NoveltyIndexTest {
    @Test
    void suffixArrayEqualsANaiveSort() {
        SplittableRandom random = new SplittableRandom(1);
        for (int round = 0; round < 2000; round++) {
            int n = random.nextInt(60);
            int upper = random.nextInt(1 + random.nextInt(8));
            int[] s = new int[n];
            for (int i = 0; i < n; i++) {
                s[i] = random.nextInt(upper + 1);
            }
            int[] expected = IntStream.range(0, n).boxed()
                    .sorted(Comparator.comparing(i -> Arrays.copyOfRange(s, i, n), Arrays::compare))
                    .mapToInt(Integer::intValue).toArray();
            assertArrayEquals(expected, SuffixArray.build(s, upper), () -> Arrays.toString(s));
        }
    }

    @Test
    void findsASpanPlantedInRandomText() {
        Corpus corpus = new CorpusReader().read(TestCorpora.book("grimms_fairy_tales.txt"));
        char[] text = corpus.indices();
        NoveltyIndex index = new NoveltyIndex(text);
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 20; round++) {
            char[] query = new char[300];
            for (int i = 0; i < query.length; i++) {
                query[i] = (char) random.nextInt(corpus.vocabulary().size());
            }
            int source = random.nextInt(text.length - 40);
            int planted = 1 + random.nextInt(query.length - 42);
            System.arraycopy(text, source, query, planted, 40);
            // Characters the corpus cannot hold on either side: the match cannot run on by chance.
            query[planted - 1] = NoveltyIndex.UNKNOWN;
            query[planted + 40] = NoveltyIndex.UNKNOWN;

            NoveltyIndex.Match match = index.longestMatch(query);
            assertEquals(planted, match.queryStart());
            assertEquals(40, match.length());
            assertArrayEquals(Arrays.copyOfRange(text, source, source + 40),
                    Arrays.copyOfRange(text, match.corpusOffset(), match.corpusOffset() + 40));
            if (occurrences(text, Arrays.copyOfRange(text, source, source + 40)) == 1) {
                assertEquals(source, match.corpusOffset());
            }
        }
    }

    @Test
    void agreesWithABruteForceSearch() {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 3000; round++) {
            int alphabet = 1 + random.nextInt(4);
            char[] corpus = randomText(random, random.nextInt(80), alphabet, false);
            char[] query = randomText(random, random.nextInt(40), alphabet + 1, true);
            NoveltyIndex.Match match = new NoveltyIndex(corpus).longestMatch(query);
            int[] expected = bruteForce(corpus, query);
            String where = new String(corpus) + " / " + new String(query);
            assertEquals(expected[1], match.length(), where);
            if (expected[1] == 0) {
                assertEquals(new NoveltyIndex.Match(0, 0, -1), match, where);
            } else {
                assertEquals(expected[0], match.queryStart(), where);
                assertArrayEquals(Arrays.copyOfRange(query, match.queryStart(), match.queryStart() + match.length()),
                        Arrays.copyOfRange(corpus, match.corpusOffset(), match.corpusOffset() + match.length()),
                        where);
            }
        }
    }

    @Test
    void charactersOutsideTheVocabularyBreakMatches() {
        Vocabulary vocabulary = Vocabulary.of("abc d");
        NoveltyIndex index = new NoveltyIndex(vocabulary.encode("abc dabc"));
        char[] query = NoveltyIndex.encode(vocabulary, "xabcZdab");
        assertEquals(NoveltyIndex.UNKNOWN, query[0]);
        assertEquals(new NoveltyIndex.Match(1, 3, 0), index.longestMatch(query));
        assertEquals(new NoveltyIndex.Match(0, 0, -1), index.longestMatch(NoveltyIndex.encode(vocabulary, "xyz")));
        assertEquals(new NoveltyIndex.Match(0, 0, -1), index.longestMatch(new char[0]));
    }

    private static char[] randomText(SplittableRandom random, int length, int alphabet, boolean unknowns) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            boolean unknown = unknowns && random.nextInt(10) == 0;
            out[i] = unknown ? NoveltyIndex.UNKNOWN : (char) ('a' + random.nextInt(alphabet));
        }
        return out;
    }

    /** The earliest start and the length of the longest span of the query found in the corpus. */
    private static int[] bruteForce(char[] corpus, char[] query) {
        int[] best = {0, 0};
        for (int start = 0; start < query.length; start++) {
            for (int offset = 0; offset < corpus.length; offset++) {
                int k = 0;
                while (start + k < query.length && offset + k < corpus.length
                        && query[start + k] == corpus[offset + k]) {
                    k++;
                }
                if (k > best[1]) {
                    best = new int[]{start, k};
                }
            }
        }
        return best;
    }

    private static int occurrences(char[] text, char[] span) {
        int count = 0;
        for (int i = 0; i + span.length <= text.length; i++) {
            if (Arrays.equals(text, i, i + span.length, span, 0, span.length)) {
                count++;
            }
        }
        return count;
    }
}
