package app.scribe.analysis;

import app.scribe.ScribeException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ranking on synthetic traces: cells made by hand to follow quotes, the line position, or nothing but noise. */
class InterestingCellsTest {
    static final int LAYERS = 2;
    static final int HIDDEN = 4;

    /** A trace of {@code text} without a model: cell (1, 2) follows quotes, (0, 1) the column, (0, 3) is loud noise. */
    static TextTrace synthetic(String text, long seed) {
        int[] codePoints = text.codePoints().toArray();
        int n = codePoints.length;
        TextTrace plain = new TextTrace(codePoints, new int[n], new float[n], new int[0], new float[0], LAYERS, HIDDEN,
                null);
        double[] quotes = InterestingCells.insideQuotes(plain);
        double[] columns = InterestingCells.lineColumns(plain);
        SplittableRandom random = new SplittableRandom(seed);
        float[][] cells = new float[n][LAYERS * HIDDEN];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < cells[i].length; j++) {
                cells[i][j] = (float) (random.nextDouble() - 0.5) * 0.2f;
            }
            cells[i][HIDDEN + 2] += quotes[i] > 0 ? 0.8f : -0.8f;
            cells[i][1] += (float) columns[i] * 0.05f;
            cells[i][3] = (float) (random.nextDouble() - 0.5) * 40;
        }
        return new TextTrace(codePoints, new int[n], new float[n], new int[0], new float[0], LAYERS, HIDDEN, cells);
    }

    static String dialogue(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] words = {"the", "lady", "said", "nothing", "and", "went", "home", "to", "Becky", "dear"};
        StringBuilder out = new StringBuilder();
        for (int line = 0; line < 120; line++) {
            int length = 3 + random.nextInt(12);
            boolean quoted = random.nextBoolean();
            for (int w = 0; w < length; w++) {
                if (quoted && w == 1) {
                    out.append(random.nextBoolean() ? '"' : '“');
                }
                out.append(words[random.nextInt(words.length)]);
                if (quoted && w == length - 2) {
                    out.append(out.lastIndexOf("“") > out.lastIndexOf("\"") ? '”' : '"');
                }
                out.append(w == length - 1 ? "" : " ");
            }
            out.append(random.nextInt(5) == 0 ? "\n\n" : "\n");
        }
        return out.toString();
    }

    @Test
    void theCellsMadeToTrackSomethingComeFirst() {
        TextTrace trace = synthetic(dialogue(3), 5);
        List<InterestingCells.Cell> ranked = InterestingCells.rank(trace, 3);
        assertEquals(9, ranked.size());
        assertFirst(ranked, InterestingCells.VARIANCE, 0, 3);
        assertFirst(ranked, InterestingCells.QUOTES, 1, 2);
        assertFirst(ranked, InterestingCells.LINE_POSITION, 0, 1);
        InterestingCells.Cell quotes = only(ranked, InterestingCells.QUOTES).get(0);
        assertTrue(quotes.score() > 0.9 && quotes.score() <= 1.0 + 1e-9, "correlation " + quotes.score());
        for (String reason : new String[]{InterestingCells.VARIANCE, InterestingCells.QUOTES,
                InterestingCells.LINE_POSITION}) {
            List<InterestingCells.Cell> cells = only(ranked, reason);
            assertEquals(3, cells.size(), reason);
            for (int k = 1; k < cells.size(); k++) {
                assertTrue(cells.get(k - 1).score() >= cells.get(k).score(), reason + " best first");
            }
        }
    }

    @Test
    void aTextWithoutQuotesRanksNoCellForThem() {
        TextTrace trace = synthetic(dialogue(4).replaceAll("[\"“”]", ""), 6);
        List<InterestingCells.Cell> ranked = InterestingCells.rank(trace, 2);
        assertTrue(only(ranked, InterestingCells.QUOTES).isEmpty());
        assertEquals(4, ranked.size());
    }

    @Test
    void quotesOpenCloseToggleAndEndAtABlankLine() {
        String text = "a“b”c\"d\"e\"f\n\ng";
        TextTrace trace = new TextTrace(text.codePoints().toArray(), new int[text.length()], new float[text.length()],
                new int[0], new float[0], 1, 1, null);
        assertArrayEquals(new double[]{0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 1, 0, 0}, InterestingCells.insideQuotes(trace));
        assertArrayEquals(new double[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0, 0, 1},
                InterestingCells.lineColumns(trace));
    }

    @Test
    void aTraceWithoutCellStatesIsRefused() {
        TextTrace trace = new TextTrace(new int[]{'a', 'b'}, new int[2], new float[2], new int[0], new float[0], 1, 1,
                null);
        assertThrows(ScribeException.class, () -> InterestingCells.rank(trace, 3));
    }

    private static void assertFirst(List<InterestingCells.Cell> ranked, String reason, int layer, int unit) {
        InterestingCells.Cell first = only(ranked, reason).get(0);
        assertEquals(layer, first.layer(), reason);
        assertEquals(unit, first.unit(), reason);
    }

    private static List<InterestingCells.Cell> only(List<InterestingCells.Cell> ranked, String reason) {
        return ranked.stream().filter(c -> c.reason().equals(reason)).toList();
    }
}
