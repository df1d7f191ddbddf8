package app.scribe.generation;

import app.scribe.model.Progress;
import app.scribe.model.Stepper;

import app.scribe.ScribeException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Beam search on a hand-made three-character "model" where greedy decoding is myopic. */
class BeamSearchTest {
    static final int A = 0;
    static final int B = 1;
    static final int C = 2;

    /**
     * The next distribution depends on the last character fed: after 'a' (the likelier first step) the model is
     * unsure; after 'b' it is almost certain of 'c'. So greedy takes a (0.6) then 0.4 = 0.24, while b then c gives
     * 0.4 * 0.9 = 0.36.
     */
    static final class FakeStepper implements Stepper {
        final List<Integer> fed = new ArrayList<>();
        int copies;
        final float[] out = new float[3];

        @Override
        public float[] step(int charIndex) {
            fed.add(charIndex);
            float[] p = switch (charIndex) {
                case A -> new float[]{0.3f, 0.3f, 0.4f};
                case B -> new float[]{0.05f, 0.05f, 0.9f};
                default -> new float[]{0.6f, 0.4f, 0f};
            };
            System.arraycopy(p, 0, out, 0, 3);
            return out;
        }

        @Override
        public Stepper copy() {
            copies++;
            FakeStepper copy = new FakeStepper();
            copy.fed.addAll(fed);
            return copy;
        }

        @Override
        public void cellState(int layer, float[] out) {
            throw new UnsupportedOperationException();
        }
    }

    private static double greedyLogProbability(FakeStepper stepper, float[] first, int length) {
        float[] p = first.clone();
        double total = 0;
        for (int i = 0; i < length; i++) {
            int next = SamplingSettings.argmax(p);
            total += Math.log(p[next]);
            p = stepper.step(next).clone();
        }
        return total;
    }

    @Test
    void beamFindsTheLikelierContinuationGreedyMisses() {
        FakeStepper stepper = new FakeStepper();
        float[] first = stepper.step(C).clone();
        double greedy = greedyLogProbability((FakeStepper) stepper.copy(), first, 2);
        assertEquals(Math.log(0.6f) + Math.log(0.4f), greedy, 1e-9);

        BeamSearch.Result result = new BeamSearch(2).search(stepper, first, 2);
        assertArrayEquals(new int[]{B, C}, result.indices());
        assertEquals(Math.log(0.4f) + Math.log(0.9f), result.logProbability(), 1e-9);
        assertTrue(result.logProbability() >= greedy);
        assertEquals(Math.log(0.4f), result.cumulativeLogProbabilities()[0], 1e-9);
        assertEquals(List.of(C), stepper.fed, "the caller's state is branched, not advanced");
        assertTrue(stepper.copies > 0, "branches are copies");
    }

    @Test
    void widthOneIsGreedyAndLongerSearchesNeverLoseToGreedy() {
        FakeStepper stepper = new FakeStepper();
        float[] first = stepper.step(C).clone();
        BeamSearch.Result one = new BeamSearch(1).search(stepper, first, 2);
        assertArrayEquals(new int[]{A, C}, one.indices());
        for (int length = 1; length <= 7; length++) {
            double greedy = greedyLogProbability((FakeStepper) stepper.copy(), first, length);
            for (int width : new int[]{1, 2, 3, 5}) {
                BeamSearch.Result r = new BeamSearch(width).search(stepper, first, length);
                assertEquals(length, r.indices().length);
                assertTrue(r.logProbability() >= greedy - 1e-12, "width " + width + " length " + length);
                assertEquals(score(stepper, first, r.indices()), r.logProbability(), 1e-9,
                        "the reported log-probability is the continuation's");
            }
        }
    }

    private static double score(FakeStepper stepper, float[] first, int[] indices) {
        Stepper s = stepper.copy();
        float[] p = first.clone();
        double total = 0;
        for (int index : indices) {
            total += Math.log(p[index]);
            p = s.step(index).clone();
        }
        return total;
    }

    @Test
    void badWidthsAreRefused() {
        assertTrue(assertThrows(ScribeException.class, () -> new BeamSearch(0)).getMessage()
                .contains("Beam width must be between 1 and " + BeamSearch.MAX_WIDTH));
        assertThrows(ScribeException.class, () -> new BeamSearch(BeamSearch.MAX_WIDTH + 1));
    }

    @Test
    void aCancelledSearchStopsEarlyWithTheBestPrefixSoFar() {
        FakeStepper stepper = new FakeStepper();
        float[] first = stepper.step(C).clone();
        int width = 3;
        int length = 200;
        long[] reported = new long[2];
        Progress progress = (done, total) -> {
            reported[0] = done;
            reported[1] = total;
        };
        BeamSearch.Result stopped = new BeamSearch(width).search(stepper, first, length, progress,
                () -> reported[0] >= 10L * width);
        assertEquals(10, stopped.indices().length, "stopped after 10 of " + length + " positions");
        assertEquals((long) length * (width + 1), reported[1]);
        assertEquals(score(stepper, first, stopped.indices()), stopped.logProbability(), 1e-9);
        BeamSearch.Result full = new BeamSearch(width).search(stepper, first, length, progress, () -> false);
        assertEquals(length, full.indices().length);
        assertEquals(reported[1], reported[0], "a finished search reports all its work");

        BeamSearch.Result atOnce = new BeamSearch(width).search(stepper, first, length, progress, () -> true);
        assertEquals(0, atOnce.indices().length);
        assertEquals(0, atOnce.logProbability());
    }
}
