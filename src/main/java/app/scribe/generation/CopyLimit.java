package app.scribe.generation;

import app.scribe.ScribeException;

/**
 * "Copy at most N characters verbatim from the book": a character is refused when the text (the prompt and what has
 * been written after it) would then end in a span of more than N characters that occurs verbatim in the book. Such a
 * span ends in the last N characters followed by the new one, so the refused characters are exactly those that
 * follow the last N characters somewhere in the book, and none is refused while those N characters occur nowhere
 * in it. How a refused draw is drawn again is {@link SamplingSettings#redraw}'s; the book is searched by whoever
 * holds it (the novelty index of {@code analysis}), through {@link Book}.
 */
public final class CopyLimit {
    /** The largest N: the window searched at every character is N characters long. */
    public static final int MAX = 10_000;

    /** A book, in the model's vocabulary indices, that can say which characters follow a span of it. */
    @FunctionalInterface
    public interface Book {
        /** Sets {@code into[c]} for every index c that follows {@code window} somewhere in the book. */
        void followers(char[] window, boolean[] into);
    }

    private final int maxCopy;
    private final Book book;

    public CopyLimit(int maxCopy, Book book) {
        if (maxCopy < 1 || maxCopy > MAX) {
            throw new ScribeException("The copy limit must be between 1 and " + MAX + " characters (got " + maxCopy
                    + ").");
        }
        this.maxCopy = maxCopy;
        this.book = book;
    }

    public int maxCopy() {
        return maxCopy;
    }

    /**
     * Marks in {@code refused} (cleared first) the indices that must not follow {@code text[0, length)}; returns
     * whether any is refused.
     */
    public boolean refuse(int[] text, int length, boolean[] refused) {
        java.util.Arrays.fill(refused, false);
        if (length < maxCopy) {
            return false;
        }
        char[] window = new char[maxCopy];
        for (int i = 0; i < maxCopy; i++) {
            window[i] = (char) text[length - maxCopy + i];
        }
        book.followers(window, refused);
        for (boolean r : refused) {
            if (r) {
                return true;
            }
        }
        return false;
    }
}
