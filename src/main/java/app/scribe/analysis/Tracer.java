package app.scribe.analysis;

import app.scribe.ScribeException;
import app.scribe.corpus.Vocabulary;
import app.scribe.model.CharModel;
import app.scribe.generation.Generator;
import app.scribe.model.Progress;
import app.scribe.model.Stepper;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Runs a model over a text and records what it expected at every character (a {@link TextTrace}), or only totals
 * (a {@link TextScore}). The state is first carried through a context (a prompt, say); with an empty context,
 * through the start that generation without a prompt uses. Characters outside the vocabulary are marked unknown
 * and skipped: they do not advance the state and are not scored.
 */
public final class Tracer {
    /** Longest text {@link #trace} accepts: a trace keeps about 50 bytes a character, more with cell states. */
    public static final int MAX_CHARACTERS = 1_000_000;
    /** Most cell-state values one trace may keep (256 MB of floats). */
    public static final long MAX_CELL_VALUES = 64L << 20;
    /** Alternatives recorded per position (fewer when the vocabulary is smaller). */
    public static final int ALTERNATIVES = 5;

    private final CharModel model;
    private final Vocabulary vocabulary;
    private final Generator generator;
    private final DynamicEvaluation dynamic;

    public Tracer(CharModel model, Vocabulary vocabulary) {
        this(model, vocabulary, null);
    }

    /**
     * A tracer whose model keeps learning from the text it reads, as {@code dynamic} says ({@code null}: it does
     * not). The learning happens on a private copy: {@code model} itself never changes.
     */
    public Tracer(CharModel model, Vocabulary vocabulary, DynamicEvaluation dynamic) {
        this.model = model;
        this.vocabulary = vocabulary;
        this.generator = new Generator(model, vocabulary);
        this.dynamic = dynamic;
    }

    private Stepper stepper() {
        return dynamic == null ? model.stepper() : new AdaptingStepper(model, dynamic);
    }

    /**
     * Traces {@code text} after {@code context}; with {@code withCellStates}, also the memory cells of every layer
     * after each character. Refuses texts over {@link #MAX_CHARACTERS} and cell states over
     * {@link #MAX_CELL_VALUES}, and contexts with characters the model does not know.
     */
    public TextTrace trace(String context, String text, boolean withCellStates) {
        return trace(context, text, withCellStates, Progress.NONE, () -> false);
    }

    /**
     * As {@link #trace(String, String, boolean)}, telling {@code progress} how many characters are read. When
     * {@code cancelled} turns true it stops within one character and returns the trace of the part read so far.
     */
    public TextTrace trace(String context, String text, boolean withCellStates, Progress progress,
                           BooleanSupplier cancelled) {
        int n = text.codePointCount(0, text.length());
        if (n > MAX_CHARACTERS) {
            throw new ScribeException(String.format(Locale.ROOT,
                    "The text has %,d characters; Scribe traces at most %,d at a time.", n, MAX_CHARACTERS));
        }
        int layers = model.hyperparameters().layers();
        int hidden = model.hyperparameters().hiddenSize();
        if (withCellStates && (long) n * layers * hidden > MAX_CELL_VALUES) {
            throw new ScribeException(String.format(Locale.ROOT, "Cell states for %,d characters of a %d x %d model"
                            + " would take %,d MB; trace at most %,d characters with cell states.", n, layers, hidden,
                    (long) n * layers * hidden * Float.BYTES >> 20, MAX_CELL_VALUES / ((long) layers * hidden)));
        }
        int[] codePoints = text.codePoints().toArray();
        int k = Math.min(ALTERNATIVES, model.vocabSize());
        int[] indices = new int[n];
        float[] probabilities = new float[n];
        int[] alternativeIndices = new int[n * k];
        float[] alternativeProbabilities = new float[n * k];
        float[][] cells = withCellStates ? new float[n][] : null;
        float[] cell = new float[hidden];
        Stepper stepper = stepper();
        float[] next = prime(stepper, context);
        int read = 0;
        for (int i = 0; i < n && !cancelled.getAsBoolean(); i++) {
            int index = vocabulary.indexOf(codePoints[i]);
            indices[i] = index;
            top(next, k, alternativeIndices, alternativeProbabilities, i * k);
            if (index < 0) {
                probabilities[i] = Float.NaN;
            } else {
                probabilities[i] = next[index];
                next = stepper.step(index);
            }
            if (cells != null) {
                float[] row = new float[layers * hidden];
                for (int l = 0; l < layers; l++) {
                    stepper.cellState(l, cell);
                    System.arraycopy(cell, 0, row, l * hidden, hidden);
                }
                cells[i] = row;
            }
            read = i + 1;
            progress.reached(read, n);
        }
        return new TextTrace(Arrays.copyOf(codePoints, read), Arrays.copyOf(indices, read),
                Arrays.copyOf(probabilities, read), Arrays.copyOf(alternativeIndices, read * k),
                Arrays.copyOf(alternativeProbabilities, read * k), layers, hidden,
                cells == null ? null : Arrays.copyOf(cells, read), model.hyperparameters().cell());
    }

    /** The totals of {@link #trace} without keeping anything per character, so for texts of any length. */
    public TextScore score(String context, String text) {
        return score(context, text, Progress.NONE);
    }

    /** As {@link #score(String, String)}, telling {@code progress} how far it has read (in UTF-16 units). */
    public TextScore score(String context, String text, Progress progress) {
        Stepper stepper = stepper();
        float[] next = prime(stepper, context);
        int known = 0;
        int unknown = 0;
        double logProbability = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            int index = vocabulary.indexOf(codePoint);
            if (index < 0) {
                unknown++;
            } else {
                known++;
                logProbability += Math.log(next[index]);
                next = stepper.step(index);
            }
            progress.reached(i, text.length());
        }
        return new TextScore(known, unknown, logProbability);
    }

    /** Feeds the context (or the start context) and returns the distribution of the first character. */
    private float[] prime(Stepper stepper, String context) {
        int[] feed = context.isEmpty() ? generator.startContext() : generator.encodePrompt(context);
        float[] next = null;
        for (int index : feed) {
            next = stepper.step(index);
        }
        return next;
    }

    /**
     * Writes the {@code k} likeliest entries of {@code p} to {@code indices} and {@code probabilities} from
     * {@code offset}, most likely first; ties go to the lower index, as in {@link app.scribe.generation.SamplingSettings#argmax}.
     */
    static void top(float[] p, int k, int[] indices, float[] probabilities, int offset) {
        int filled = 0;
        for (int i = 0; i < p.length; i++) {
            float v = p[i];
            if (filled == k && !(v > probabilities[offset + k - 1])) {
                continue;
            }
            int j = filled < k ? filled++ : k - 1;
            while (j > 0 && probabilities[offset + j - 1] < v) {
                probabilities[offset + j] = probabilities[offset + j - 1];
                indices[offset + j] = indices[offset + j - 1];
                j--;
            }
            probabilities[offset + j] = v;
            indices[offset + j] = i;
        }
    }
}
