package app.scribe.corpus;

import app.scribe.Printable;
import app.scribe.ScribeException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the user chose to do to a corpus's characters before training (keep as is when every option is off). The
 * options combine: ASCII first, then lower case, then the characters still seen fewer than {@code rareBelow} times
 * become one placeholder. {@link TextMapper} applies the choice.
 *
 * @param ascii     letters with accents lose them, typographic quotes and dashes become ASCII ones, and every other
 *                  character outside ASCII is dropped (what the seed reports did to Vanity Fair)
 * @param lowercase every letter in lower case
 * @param rareBelow characters seen fewer than this many times become the placeholder; 0 = off
 */
public record Cleaning(boolean ascii, boolean lowercase, int rareBelow) {
    public static final Cleaning KEEP = new Cleaning(false, false, 0);
    /** A character seen fewer than 10 times in a book gives the model too few examples to learn it from. */
    public static final int DEFAULT_RARE_BELOW = 10;
    public static final int MAX_RARE_BELOW = 1_000_000;

    public Cleaning {
        if (rareBelow != 0 && (rareBelow < 2 || rareBelow > MAX_RARE_BELOW)) {
            throw new ScribeException("The cleaning rare=N needs N between 2 and " + MAX_RARE_BELOW + " (got " + rareBelow
                    + ").");
        }
    }

    public boolean keepsAsIs() {
        return equals(KEEP);
    }

    public Cleaning withAscii(boolean on) {
        return new Cleaning(on, lowercase, rareBelow);
    }

    public Cleaning withLowercase(boolean on) {
        return new Cleaning(ascii, on, rareBelow);
    }

    /** {@code n} = 0 turns the placeholder off. */
    public Cleaning withRareBelow(int n) {
        return new Cleaning(ascii, lowercase, n);
    }

    /**
     * The cleaning named by {@code train --clean} values, each one or several comma-separated options:
     * {@code ascii}, {@code lowercase}, {@code rare=N} (or {@code keep}, which adds nothing).
     */
    public static Cleaning parse(List<String> values) {
        Cleaning cleaning = KEEP;
        for (String value : values) {
            for (String option : value.split(",", -1)) {
                String o = option.strip().toLowerCase(Locale.ROOT);
                if (o.equals("ascii")) {
                    cleaning = cleaning.withAscii(true);
                } else if (o.equals("lowercase")) {
                    cleaning = cleaning.withLowercase(true);
                } else if (o.startsWith("rare=")) {
                    cleaning = cleaning.withRareBelow(rareBelow(o.substring(5)));
                } else if (!o.equals("keep")) {
                    throw new ScribeException("--clean takes ascii, lowercase, rare=N or keep (got '"
                            + Printable.escape(option) + "').");
                }
            }
        }
        return cleaning;
    }

    private static int rareBelow(String n) {
        try {
            int value = Integer.parseInt(n);
            if (value >= 2 && value <= MAX_RARE_BELOW) {
                return value;
            }
        } catch (NumberFormatException e) {
            // named below with the allowed range
        }
        throw new ScribeException("The cleaning rare=N needs a whole number N between 2 and " + MAX_RARE_BELOW
                + " (got '" + Printable.escape(n) + "').");
    }

    /** As the user is shown it, and as {@code --clean} takes it: "ascii,lowercase,rare=10", or "keep as is". */
    @Override
    public String toString() {
        List<String> options = new ArrayList<>();
        if (ascii) {
            options.add("ascii");
        }
        if (lowercase) {
            options.add("lowercase");
        }
        if (rareBelow > 0) {
            options.add("rare=" + rareBelow);
        }
        return options.isEmpty() ? "keep as is" : String.join(",", options);
    }
}
