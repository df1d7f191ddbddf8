package app.scribe;

import app.scribe.cli.ScribeCommand;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small real model for the copy-limit and samples tests: 12,000 characters of Vanity Fair (plain ASCII, so the
 * model's form of the book is the book itself) and an LSTM of 64 units trained on them for 150 steps, which writes
 * common spans of the book (six to twelve characters) but is no reciter; and the brute-force measure of copying.
 */
public record SmallBook(String text, Path book, Path model) {
    /** Writes the book into {@code dir} and trains the model beside it with {@code train}; fails on a bad exit. */
    public static SmallBook trainIn(Path dir) throws IOException {
        String text = Files.readString(TestCorpora.book("vanity_fair.txt")).substring(20_000, 32_000);
        Path book = Files.writeString(dir.resolve("vf.txt"), text);
        Path model = dir.resolve("vf.scribe");
        StringWriter err = new StringWriter();
        int code = ScribeCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "train", "--corpus",
                book.toString(), "--out", model.toString(), "--hidden", "64", "--layers", "1", "--seq", "40",
                "--batch", "16", "--lr", "1e-2", "--steps", "150");
        if (code != 0) {
            throw new AssertionError("training failed: " + err);
        }
        return new SmallBook(text, book, model);
    }

    /** The longest span of {@code written} that ends after {@code from} and occurs in the book, by brute force. */
    public int longestCopyEndingAfter(String written, int from) {
        int longest = 0;
        for (int end = from + 1; end <= written.length(); end++) {
            for (int start = end - longest - 1; start >= 0 && text.contains(written.substring(start, end)); start--) {
                longest = end - start;
            }
        }
        return longest;
    }

    /** The longest span of {@code written} found in the book. */
    public int longestCopy(String written) {
        return longestCopyEndingAfter(written, 0);
    }
}
