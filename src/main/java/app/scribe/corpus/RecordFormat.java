package app.scribe.corpus;

import app.scribe.Printable;
import app.scribe.ScribeException;

import java.util.ArrayList;
import java.util.List;

/**
 * How a text of short items (names, titles, words, quotations) is cut into records, and how records are written
 * back: one per line ({@link Split#LINES}), between lines holding only a separator such as {@code %}
 * ({@link Split#SEPARATOR}), or between blank lines ({@link Split#BLANK_LINES}). Empty records are left out.
 * A records corpus is the records joined by {@link #MARK}, with one before the first and one after the last: the
 * mark is each record's start and its end, a character of the vocabulary that no record holds.
 *
 * @param split     how records are told apart
 * @param separator the line that separates records with {@link Split#SEPARATOR}, else empty
 */
public record RecordFormat(Split split, String separator) {
    /** U+001E, the ASCII record separator: a control character no text of items uses, kept by every cleaning. */
    public static final int MARK = 0x1E;
    /** How the mark shows where a text is read by people: the Unicode picture of the record separator. */
    public static final String SHOWN_MARK = "\u241E";
    /** A whole text of records, as one book: few enough to be read at once (one character each plus a mark). */
    public static final int MIN_RECORDS = 2;

    public enum Split { LINES, SEPARATOR, BLANK_LINES }

    public static final RecordFormat LINES = new RecordFormat(Split.LINES, "");
    public static final RecordFormat BLANK_LINES = new RecordFormat(Split.BLANK_LINES, "");

    public RecordFormat {
        separator = separator == null ? "" : separator;
        if (split == Split.SEPARATOR && (separator.isBlank() || separator.contains("\n"))) {
            throw new ScribeException("A record separator is one line of visible text, such as %.");
        }
        if (split != Split.SEPARATOR) {
            separator = "";
        }
    }

    /**
     * The format {@code --separator} names: none (null) for one record a line, an empty or blank value for blank
     * lines, else the separator line itself (spaces around it ignored).
     */
    public static RecordFormat of(String separator) {
        if (separator == null) {
            return LINES;
        }
        return separator.isBlank() ? BLANK_LINES : new RecordFormat(Split.SEPARATOR, separator.strip());
    }

    /** What goes between two records written out: a newline, a line holding the separator, or a blank line. */
    public String delimiter() {
        return switch (split) {
            case LINES -> "\n";
            case SEPARATOR -> "\n" + separator + "\n";
            case BLANK_LINES -> "\n\n";
        };
    }

    /** As the user is told it: "one a line", "separated by %", "separated by blank lines". */
    public String describe() {
        return switch (split) {
            case LINES -> "one a line";
            case SEPARATOR -> "separated by lines of " + Printable.escape(separator);
            case BLANK_LINES -> "separated by blank lines";
        };
    }

    /**
     * The records of {@code text} (a book named {@code name} in refusals), each without the line breaks around it;
     * refuses a text with no record, with the mark in it, or whose separator (or blank line) never occurs.
     */
    public List<String> split(String name, String text) {
        if (text.indexOf(MARK) >= 0) {
            throw new ScribeException(name + " holds the character U+001E, which Scribe reserves to mark where "
                    + "records start and end; remove it to train on records.");
        }
        String[] lines = text.split("\r?\n", -1);
        List<String> records = new ArrayList<>();
        if (split == Split.LINES) {
            for (String line : lines) {
                if (!line.isBlank()) {
                    records.add(line);
                }
            }
        } else {
            boolean separated = false; // a separator line, or a blank line between two records
            StringBuilder record = new StringBuilder();
            for (String line : lines) {
                boolean between = split == Split.SEPARATOR ? line.strip().equals(separator) : line.isBlank();
                if (between) {
                    separated |= split == Split.SEPARATOR;
                    add(records, record);
                } else {
                    record.append(record.isEmpty() ? "" : "\n").append(line);
                }
            }
            add(records, record);
            separated |= split == Split.BLANK_LINES && records.size() > 1;
            if (!separated) {
                throw new ScribeException(name + (split == Split.SEPARATOR ? " has no line holding only "
                        + Printable.escape(separator) + ", the record separator." : " has no blank line to separate "
                        + "records.") + " Choose the separator its records use, or one record a line.");
            }
        }
        if (records.size() < MIN_RECORDS) {
            throw new ScribeException(name + " has " + (records.isEmpty() ? "no record" : "only one record") + " ("
                    + describe() + "); Scribe needs at least " + MIN_RECORDS + ", one of them to validate on.");
        }
        return records;
    }

    /** A record without its blank first and last lines; left out when nothing else is left. */
    private static void add(List<String> records, StringBuilder record) {
        String text = record.toString().replaceAll("^(\\s*\n)+", "").stripTrailing();
        if (!text.isBlank()) {
            records.add(text);
        }
        record.setLength(0);
    }

    /** The records as one text: each after a {@link #MARK}, and a mark after the last. */
    public static String join(List<String> records) {
        StringBuilder text = new StringBuilder();
        String mark = Character.toString(MARK);
        for (String record : records) {
            text.append(mark).append(record);
        }
        return text.append(mark).toString();
    }

    /**
     * The records a text seems made of, judged from its beginning (the Books pane's preview), or null: a separator
     * when at least three lines hold only {@code %}, one a line when there are at least 20 non-blank lines and four
     * in five of them are at most 40 characters long (a list of words, names or titles, not wrapped prose).
     */
    public static RecordFormat suggest(String text) {
        int lines = 0;
        int shortLines = 0;
        int percent = 0;
        for (String line : text.split("\r?\n")) {
            if (line.strip().equals("%")) {
                percent++;
            } else if (!line.isBlank()) {
                lines++;
                if (line.codePointCount(0, line.length()) <= 40) {
                    shortLines++;
                }
            }
        }
        if (percent >= 3) {
            return new RecordFormat(Split.SEPARATOR, "%");
        }
        return lines >= 20 && shortLines * 5 >= lines * 4 ? LINES : null;
    }

    /** {@code text} with each mark shown as {@link #SHOWN_MARK} (one character for one, so positions keep). */
    public static String shown(String text) {
        return text.replace(Character.toString(MARK), SHOWN_MARK);
    }

    /** {@code text} with each mark as a line break: a records model's free text on a terminal, a record a line. */
    public static String lines(String text) {
        return text.replace((char) MARK, '\n');
    }
}
