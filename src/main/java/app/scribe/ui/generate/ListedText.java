package app.scribe.ui.generate;

import app.scribe.generation.Samples;

import java.util.Locale;

/**
 * One text of the Generate tab's list ({@link TextList}): a sample of "Write 20", or a record a records model
 * wrote. Its score is its bits per character under the model (lower: likelier); {@code copied} says whether it was
 * found in the book (for a record: verbatim as a record of the book; for a sample: a span of it longer than
 * {@link Samples#NEW_AT_MOST} characters); {@code longestCopy} is the longest span found verbatim, or
 * {@link Samples#NOT_MEASURED} when it was not measured (a record, or no book open).
 */
public record ListedText(String text, double bitsPerCharacter, boolean copied, int longestCopy) {
    /** A sample of "Write N", as ranked. */
    public static ListedText of(Samples.Sample sample) {
        boolean measured = sample.longestCopy() != Samples.NOT_MEASURED;
        return new ListedText(sample.text(), sample.bitsPerCharacter(), measured && !sample.isNew(),
                sample.longestCopy());
    }

    /** A generated record: new, or found verbatim as a record of the book. */
    public static ListedText record(String text, double bitsPerCharacter, boolean copied) {
        return new ListedText(text, bitsPerCharacter, copied, Samples.NOT_MEASURED);
    }

    /** "new", "copied", or with the longest span: "new · longest copied span 14". */
    public String novelty() {
        String mark = copied ? "copied" : "new";
        if (longestCopy == Samples.NOT_MEASURED) {
            return mark;
        }
        return String.format(Locale.ROOT, "%s · longest copied span %d", mark, longestCopy);
    }

    /** The score and novelty in one line, as the list shows them under the text (a score of NaN: "–"). */
    public String scores() {
        String score = Double.isNaN(bitsPerCharacter) ? "–" : String.format(Locale.ROOT, "%.3f", bitsPerCharacter);
        return score + " bits/char · " + novelty();
    }
}
