package app.scribe.corpus;

import app.scribe.ScribeException;

import java.util.HashSet;
import java.util.Set;

/**
 * Where the records of a records corpus lie in its indices: record {@code i} is {@code indices[start(i), end(i))},
 * with a {@link RecordFormat#MARK} just before it and one just after it.
 */
public final class RecordText {
    private final char[] indices;
    private final Vocabulary vocabulary;
    private final int mark;
    private final int[] starts;
    private final int[] ends;

    private RecordText(char[] indices, Vocabulary vocabulary) {
        this.indices = indices;
        this.vocabulary = vocabulary;
        this.mark = vocabulary.indexOf(RecordFormat.MARK);
        if (mark < 0) {
            throw new ScribeException("This text has no record marks: it was not read as records.");
        }
        int count = 0;
        for (int i = 1; i < indices.length; i++) {
            if (indices[i] == mark && indices[i - 1] != mark) {
                count++;
            }
        }
        starts = new int[count];
        ends = new int[count];
        int n = 0;
        int start = -1;
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] == mark) {
                if (start >= 0 && i > start) {
                    starts[n] = start;
                    ends[n++] = i;
                }
                start = i + 1;
            }
        }
    }

    /** The records of {@code corpus}, which must have been read as records. */
    public static RecordText of(Corpus corpus) {
        if (!corpus.isRecords()) {
            throw new ScribeException(corpus.name() + " was not read as records.");
        }
        return new RecordText(corpus.indices(), corpus.vocabulary());
    }

    /** The vocabulary index of the mark. */
    public int mark() {
        return mark;
    }

    public int count() {
        return starts.length;
    }

    public int start(int record) {
        return starts[record];
    }

    public int end(int record) {
        return ends[record];
    }

    public int length(int record) {
        return ends[record] - starts[record];
    }

    /** The longest record's length in characters. */
    public int longest() {
        int longest = 0;
        for (int i = 0; i < starts.length; i++) {
            longest = Math.max(longest, length(i));
        }
        return longest;
    }

    /** Record {@code i} as text. */
    public String text(int record) {
        StringBuilder text = new StringBuilder(length(record));
        for (int i = starts[record]; i < ends[record]; i++) {
            text.append(vocabulary.charAt(indices[i]));
        }
        return text.toString();
    }

    /** Every record's text, to tell a generated record copied from the text from a new one. */
    public Set<String> texts() {
        Set<String> texts = new HashSet<>(starts.length * 2);
        for (int i = 0; i < starts.length; i++) {
            texts.add(text(i));
        }
        return texts;
    }
}
