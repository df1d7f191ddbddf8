package app.scribe.lab;

import app.scribe.corpus.Batch;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PalindromesTest {
    @Test
    void everySampleIsAPalindromeAndItsTargetIsTheFirstDigit() {
        SplittableRandom random = new SplittableRandom(1);
        for (int length = 2; length <= 31; length++) {
            for (int n = 0; n < 50; n++) {
                int[] p = Palindromes.palindrome(length, random);
                for (int i = 0; i < length; i++) {
                    assertEquals(p[i], p[length - 1 - i]);
                    assertTrue(p[i] >= 0 && p[i] < 10);
                }
            }
            Batch batch = Palindromes.batch(length, 40, random);
            assertEquals(length - 1, batch.seqLength());
            for (int b = 0; b < 40; b++) {
                assertEquals(batch.input(b, 0), batch.target(b, length - 2), "the answer is the first digit");
                for (int i = 1; i < length - 1; i++) {
                    int mirror = length - 1 - i;
                    if (mirror < length - 1) {
                        assertEquals(batch.input(b, i), batch.input(b, mirror));
                    }
                }
            }
        }
    }

    @Test
    void allDigitsAppearAsAnswers() {
        Batch batch = Palindromes.batch(7, 2000, new SplittableRandom(2));
        int[] counts = new int[10];
        for (int b = 0; b < 2000; b++) {
            counts[batch.target(b, 5)]++;
        }
        for (int c : counts) {
            assertTrue(c > 120 && c < 280, "about 200 of each digit, got " + c);
        }
    }

    @Test
    void accuracyCountsOnlyExactAnswers() {
        Batch batch = new Batch(3, 2, new int[]{1, 5, 2, 6, 3, 7}, new int[]{0, 1, 0, 2, 0, 3});
        assertEquals(3, Palindromes.correct(batch, new int[]{1, 2, 3}));
        assertEquals(1, Palindromes.correct(batch, new int[]{1, 3, 2}));
        assertEquals(0, Palindromes.correct(batch, new int[]{0, 0, 0}));
    }
}
