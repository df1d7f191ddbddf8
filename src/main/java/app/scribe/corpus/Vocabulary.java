package app.scribe.corpus;

import app.scribe.ScribeException;

import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The distinct Unicode code points of a text, sorted, each given a dense index, the {@link Normalization} form the
 * text was in and the {@link TextMapper} that cleaned it, which any text given to the model goes through first
 * ({@link #prepare}). A model continued on a text with new characters has them after its own ({@link #grown}), so
 * that its old characters keep their indices: a vocabulary is sorted only up to there.
 */
public final class Vocabulary {
    /** Larger alphabets (a Chinese novel, say) would need a different output layer than a char-LSTM's softmax. */
    public static final int MAX_SIZE = 4096;
    /** Unknown characters named in a message; the rest are only counted. */
    static final int MAX_NAMED = 20;

    private final int[] codePoints;
    /** The code points in ascending order, and the index of each, for lookups; null when already ascending. */
    private final int[] ascending;
    private final int[] indexOfAscending;
    private final Normalization normalization;
    private final TextMapper mapper;

    /** The vocabulary of a text kept as is. */
    public Vocabulary(int[] sortedDistinctCodePoints, Normalization normalization) {
        this(sortedDistinctCodePoints, normalization, TextMapper.KEEP);
    }

    /** {@code distinctCodePoints}: each once, in index order (ascending, but for characters added by growth). */
    public Vocabulary(int[] distinctCodePoints, Normalization normalization, TextMapper mapper) {
        int[] sortedDistinctCodePoints = distinctCodePoints.clone();
        Arrays.sort(sortedDistinctCodePoints);
        if (sortedDistinctCodePoints.length < 2) {
            throw new ScribeException("A vocabulary needs at least two different characters; this text has "
                    + sortedDistinctCodePoints.length + ".");
        }
        if (sortedDistinctCodePoints.length > MAX_SIZE) {
            throw new ScribeException("The text uses " + sortedDistinctCodePoints.length
                    + " different characters; Scribe supports at most " + MAX_SIZE + ".");
        }
        for (int i = 0; i < sortedDistinctCodePoints.length; i++) {
            int codePoint = sortedDistinctCodePoints[i];
            if (!Character.isValidCodePoint(codePoint)
                    || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
                throw new ScribeException("A vocabulary holds Unicode characters only; " + codePoint
                        + " is not one (it is out of range or half of a surrogate pair).");
            }
            if (i > 0 && codePoint <= sortedDistinctCodePoints[i - 1]) {
                throw new ScribeException("A vocabulary must list distinct characters, each once.");
            }
        }
        this.codePoints = distinctCodePoints.clone();
        if (Arrays.equals(codePoints, sortedDistinctCodePoints)) {
            ascending = null;
            indexOfAscending = null;
        } else {
            ascending = sortedDistinctCodePoints;
            indexOfAscending = new int[codePoints.length];
            for (int i = 0; i < codePoints.length; i++) {
                indexOfAscending[Arrays.binarySearch(ascending, codePoints[i])] = i;
            }
        }
        this.normalization = normalization;
        this.mapper = mapper;
        if (mapper.hasPlaceholder() && indexOf(mapper.placeholder()) < 0) {
            throw new ScribeException("The cleaning's placeholder " + describeWithCodePoint(mapper.placeholder())
                    + " is missing from the vocabulary.");
        }
    }

    /** The vocabulary of a text in {@code normalization}. */
    public static Vocabulary of(String text, Normalization normalization) {
        return of(text, normalization, TextMapper.KEEP);
    }

    /** The vocabulary of a text in {@code normalization} that {@code mapper} cleaned. */
    public static Vocabulary of(String text, Normalization normalization, TextMapper mapper) {
        BitSet seen = new BitSet();
        text.codePoints().forEach(seen::set);
        return new Vocabulary(seen.stream().toArray(), normalization, mapper);
    }

    /** The vocabulary of a text in the form of new models ({@link CorpusReader#FORM}). */
    public static Vocabulary of(String text) {
        return of(text, CorpusReader.FORM);
    }

    public Normalization normalization() {
        return normalization;
    }

    public TextMapper mapper() {
        return mapper;
    }

    /**
     * A text a user typed or chose (a prompt, a text to score) in the form the model's text was in, cleaned as it
     * was: with a placeholder, characters the model never saw become it.
     */
    public String prepare(String userText) {
        return mapper.forModel(normalization.apply(userText), codePoint -> indexOf(codePoint) >= 0);
    }

    public int size() {
        return codePoints.length;
    }

    /** The index of a code point, or -1 when the vocabulary lacks it. */
    public int indexOf(int codePoint) {
        int i = Arrays.binarySearch(ascending == null ? codePoints : ascending, codePoint);
        return i < 0 ? -1 : ascending == null ? i : indexOfAscending[i];
    }

    /**
     * This vocabulary with {@code added} (characters it lacks) after its own, cleaned by {@code newMapper}, in
     * {@code newNormalization}: every character it had keeps its index.
     */
    public Vocabulary grown(int[] added, Normalization newNormalization, TextMapper newMapper) {
        int[] all = Arrays.copyOf(codePoints, codePoints.length + added.length);
        System.arraycopy(added, 0, all, codePoints.length, added.length);
        return new Vocabulary(all, newNormalization, newMapper);
    }

    public int codePointAt(int index) {
        return codePoints[index];
    }

    public String charAt(int index) {
        return new String(Character.toChars(codePoints[index]));
    }

    public int[] codePoints() {
        return codePoints.clone();
    }

    /** The text as vocabulary indices, in one pass that allocates nothing but the result. */
    public char[] encode(String text) {
        char[] indices = new char[text.codePointCount(0, text.length())];
        int n = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int index = indexOf(codePoint);
            if (index < 0) {
                throw new ScribeException("The model does not know these characters: "
                        + firstOf(unknownCharacters(text)) + ". Remove them or train on a text that contains them.");
            }
            indices[n++] = (char) index;
            i += Character.charCount(codePoint);
        }
        return indices;
    }

    /**
     * The distinct characters of {@code text} missing from this vocabulary, each shown readably with its code point,
     * so that characters that look alike (é and e + U+0301, a space and a no-break space) can be told apart.
     */
    public List<String> unknownCharacters(String text) {
        Set<Integer> missing = new LinkedHashSet<>();
        text.codePoints().filter(cp -> indexOf(cp) < 0).forEach(missing::add);
        return missing.stream().map(Vocabulary::describeWithCodePoint).collect(Collectors.toList());
    }

    /** The first {@value #MAX_NAMED} of {@code names}, then how many more there are. */
    public static String firstOf(List<String> names) {
        if (names.size() <= MAX_NAMED) {
            return String.join(" ", names);
        }
        return String.join(" ", names.subList(0, MAX_NAMED))
                + String.format(" and %,d more", names.size() - MAX_NAMED);
    }

    /** {@link #describe}, with the code point of a character shown as itself: 'é' (U+00E9). */
    public static String describeWithCodePoint(int codePoint) {
        String shown = describe(codePoint);
        return shown.startsWith("'") ? shown + String.format(" (U+%04X)", codePoint) : shown;
    }

    /** A printable rendering of a character: itself when visible, else its escape or code point. */
    public static String describe(int codePoint) {
        return switch (codePoint) {
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            case ' ' -> "' '";
            default -> Character.isISOControl(codePoint) || !Character.isDefined(codePoint)
                    ? String.format("U+%04X", codePoint)
                    : "'" + new String(Character.toChars(codePoint)) + "'";
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary v && Arrays.equals(codePoints, v.codePoints)
                && normalization == v.normalization && mapper.equals(v.mapper);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(codePoints) + normalization.hashCode()) + mapper.hashCode();
    }
}
