package app.scribe.lab;

import app.scribe.corpus.Batch;

import java.util.SplittableRandom;

/**
 * The seed reports' palindrome task: a random palindrome of digits 0-9 of length T; the network reads the first
 * T - 1 digits and must name the last, which equals the first, so it has to remember T - 1 steps.
 */
public final class Palindromes {
    public static final int DIGITS = 10;
    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 1000;

    private Palindromes() {
    }

    /** A random palindrome of {@code length} digits: the first half drawn, the second its mirror. */
    public static int[] palindrome(int length, SplittableRandom random) {
        int[] digits = new int[length];
        for (int i = 0; i < (length + 1) / 2; i++) {
            digits[i] = random.nextInt(DIGITS);
            digits[length - 1 - i] = digits[i];
        }
        return digits;
    }

    /**
     * {@code count} palindromes as a batch of windows of {@code length - 1} digits; every position's target is the
     * last digit (the network is judged at the last step only).
     */
    public static Batch batch(int length, int count, SplittableRandom random) {
        int steps = length - 1;
        int[] inputs = new int[count * steps];
        int[] targets = new int[count * steps];
        for (int b = 0; b < count; b++) {
            int[] p = palindrome(length, random);
            System.arraycopy(p, 0, inputs, b * steps, steps);
            java.util.Arrays.fill(targets, b * steps, (b + 1) * steps, p[length - 1]);
        }
        return new Batch(count, steps, inputs, targets);
    }

    /** How many of {@code predicted} equal the batch's targets at the last step. */
    public static int correct(Batch batch, int[] predicted) {
        int hits = 0;
        for (int b = 0; b < batch.batchSize(); b++) {
            if (predicted[b] == batch.target(b, batch.seqLength() - 1)) {
                hits++;
            }
        }
        return hits;
    }
}
