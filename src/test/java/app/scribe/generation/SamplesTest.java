package app.scribe.generation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The ranking rule of many samples: the sum of the place by bits per character and the place by novelty. */
class SamplesTest {
    private static Samples.Sample sample(int number, double bpc, int longestCopy) {
        return new Samples.Sample(number, number, "text " + number, bpc, longestCopy, 0);
    }

    @Test
    void ranksByTheSumOfBothPlacesThenByBitsPerCharacter() {
        Samples.Sample likelyCopied = sample(1, 1.0, 40);   // places 1 + 3 = 4
        Samples.Sample balanced = sample(2, 1.5, 12);       // places 2 + 2 = 4; ties go to the likelier
        Samples.Sample newUnlikely = sample(3, 2.5, 8);     // places 3 + 1 = 4
        Samples.Sample worst = sample(4, 3.0, 50);          // places 4 + 4 = 8
        List<Samples.Sample> ranked = Samples.ranked(List.of(worst, newUnlikely, balanced, likelyCopied));
        assertEquals(List.of(likelyCopied, balanced, newUnlikely, worst), ranked);

        Samples.Sample best = sample(5, 1.2, 5);            // second by bits, first by novelty
        assertEquals(best, Samples.ranked(List.of(likelyCopied, balanced, newUnlikely, best)).get(0));
    }

    @Test
    void withoutABookTheBitsPerCharacterAloneRank() {
        Samples.Sample a = sample(1, 2.0, Samples.NOT_MEASURED);
        Samples.Sample b = sample(2, 1.0, Samples.NOT_MEASURED);
        assertEquals(List.of(b, a), Samples.ranked(List.of(a, b)));
        assertEquals(false, a.isNew());
    }

    @Test
    void theCountIsBounded() {
        assertThrows(app.scribe.ScribeException.class, () -> Samples.checkCount(0));
        assertThrows(app.scribe.ScribeException.class, () -> Samples.checkCount(Samples.MAX_COUNT + 1));
        Samples.checkCount(Samples.MAX_COUNT);
    }
}
