package app.scribe.generation;

import app.scribe.model.CharModel;
import app.scribe.model.Progress;
import app.scribe.model.Stepper;

import app.scribe.ScribeException;
import app.scribe.corpus.Vocabulary;

import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Writes text with a model: the state is carried through the prompt, then characters are sampled one at a time
 * and handed to a sink as they come. With no prompt, generation starts after a newline, as at a paragraph start.
 */
public final class Generator {
    /** Longer prompts are refused: they would only make the user wait before the first sampled character. */
    public static final int MAX_PROMPT_CHARS = 100_000;
    public static final int MAX_LENGTH = 1_000_000;

    private final CharModel model;
    private final Vocabulary vocabulary;

    public Generator(CharModel model, Vocabulary vocabulary) {
        this.model = model;
        this.vocabulary = vocabulary;
    }

    /**
     * Puts a prompt in the model's normal form ({@link Vocabulary#prepare}) and checks it against the vocabulary;
     * returns the indices to feed or throws a message naming the culprits.
     */
    public int[] encodePrompt(String prompt) {
        if (prompt.length() > MAX_PROMPT_CHARS) {
            throw new ScribeException("The prompt has " + prompt.length() + " characters; the limit is "
                    + MAX_PROMPT_CHARS + ".");
        }
        char[] encoded = vocabulary.encode(vocabulary.prepare(prompt));
        int[] out = new int[encoded.length];
        for (int i = 0; i < encoded.length; i++) {
            out[i] = encoded[i];
        }
        return out;
    }

    /**
     * Generates {@code length} characters after {@code prompt}, drawn with {@code settings}; each is passed to
     * {@code sink} as soon as it is sampled. Stops early when {@code cancelled} turns true. Returns the continuation
     * (without the prompt).
     */
    public String generate(String prompt, int length, SamplingSettings settings, long seed, Consumer<String> sink,
                           BooleanSupplier cancelled) {
        return generate(prompt, length, settings, seed, StopRule.never(), sink, cancelled).text();
    }

    /**
     * A continuation and its total natural-log probability under the model (not under any reshaped distribution).
     * With a {@link CopyLimit}: {@code redrawn} characters were drawn again because the first draw would have copied
     * too much, and {@code forced} ones could only go on copying (every character the model deems possible was
     * refused), so they were kept as first drawn.
     */
    public record Continuation(String text, double logProbability, int redrawn, int forced) {
        public Continuation(String text, double logProbability) {
            this(text, logProbability, 0, 0);
        }

        /** Bits per character of the continuation under the model; NaN for an empty one. */
        public double bitsPerCharacter() {
            int n = text.codePointCount(0, text.length());
            return n == 0 ? Double.NaN : -logProbability / Math.log(2) / n;
        }
    }

    /**
     * As {@link #generate(String, int, SamplingSettings, long, Consumer, BooleanSupplier)} (the prompt counts as
     * recent text for the repetition penalty), stopping early once the continuation ends as {@code stop} says. Also
     * returns the continuation's log-probability under the model.
     */
    public Continuation generate(String prompt, int length, SamplingSettings settings, long seed, StopRule stop,
                                 Consumer<String> sink, BooleanSupplier cancelled) {
        return generate(prompt, length, settings, seed, stop, null, sink, cancelled);
    }

    /**
     * As {@link #generate(String, int, SamplingSettings, long, StopRule, Consumer, BooleanSupplier)}, copying at
     * most {@code limit}'s N characters verbatim from its book (null: no limit); the prompt counts as text a copied
     * span may start in. Without a refusal the same seed draws the same text as without the limit.
     */
    public Continuation generate(String prompt, int length, SamplingSettings settings, long seed, StopRule stop,
                                 CopyLimit limit, Consumer<String> sink, BooleanSupplier cancelled) {
        checkLength(length);
        int[] promptIndices = prompt.isEmpty() ? new int[0] : encodePrompt(prompt);
        int[] context = prompt.isEmpty() ? startContext() : promptIndices;
        Stepper stepper = model.stepper();
        float[] probabilities = feed(stepper, context);
        int[] history = java.util.Arrays.copyOf(promptIndices, promptIndices.length + length);
        int historyLength = promptIndices.length;
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder out = new StringBuilder(length);
        double logProbability = 0;
        boolean[] refused = new boolean[vocabulary.size()];
        int redrawn = 0;
        int forced = 0;
        for (int i = 0; i < length && !cancelled.getAsBoolean(); i++) {
            int[] recent = java.util.Arrays.copyOfRange(history,
                    Math.max(0, historyLength - settings.repetitionWindow()), historyLength);
            int next = settings.pick(probabilities, recent, random);
            if (limit != null && limit.refuse(history, historyLength, refused) && refused[next]) {
                int again = settings.redraw(probabilities, recent, random, refused);
                if (again < 0) {
                    forced++;
                } else {
                    redrawn++;
                    next = again;
                }
            }
            logProbability += Math.log(probabilities[next]);
            history[historyLength++] = next;
            String ch = vocabulary.charAt(next);
            out.append(ch);
            sink.accept(ch);
            if (stop.reached(out)) {
                break;
            }
            probabilities = stepper.step(next);
        }
        return new Continuation(out.toString(), logProbability, redrawn, forced);
    }

    /**
     * The likeliest continuation of {@code length} characters found by a beam search of the given width,
     * cut where {@code stop} says. Reports to {@code progress}; when {@code cancelled} turns true, returns the best
     * prefix found so far.
     */
    public Continuation beamSearch(String prompt, int length, int width, StopRule stop, Progress progress,
                                   BooleanSupplier cancelled) {
        checkLength(length);
        BeamSearch search = new BeamSearch(width);
        int[] context = prompt.isEmpty() ? startContext() : encodePrompt(prompt);
        Stepper stepper = model.stepper();
        float[] probabilities = feed(stepper, context);
        BeamSearch.Result result = search.search(stepper, probabilities, length, progress, cancelled);
        StringBuilder out = new StringBuilder(length);
        int[] indices = result.indices();
        for (int i = 0; i < indices.length; i++) {
            out.append(vocabulary.charAt(indices[i]));
            if (stop.reached(out) || i == indices.length - 1) {
                return new Continuation(out.toString(), result.cumulativeLogProbabilities()[i]);
            }
        }
        return new Continuation("", 0);
    }

    /** Feeds the context to the stepper; returns the distribution of the character after it. */
    private static float[] feed(Stepper stepper, int[] context) {
        float[] probabilities = null;
        for (int index : context) {
            probabilities = stepper.step(index);
        }
        return probabilities;
    }

    private static void checkLength(int length) {
        if (length < 1 || length > MAX_LENGTH) {
            throw new ScribeException("Length must be between 1 and " + MAX_LENGTH + " (got " + length + ").");
        }
    }

    /** What generation without a prompt is conditioned on: a newline, else a space, else the first character. */
    public int[] startContext() {
        int newline = vocabulary.indexOf('\n');
        int space = vocabulary.indexOf(' ');
        return new int[]{newline >= 0 ? newline : space >= 0 ? space : 0};
    }
}
