package app.scribe.writing;

import app.scribe.ScribeException;
import app.scribe.corpus.Vocabulary;
import app.scribe.model.CharModel;
import app.scribe.generation.Generator;
import app.scribe.model.Stepper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * The model's state after reading a text, kept up to date as the text changes: text added at the end is stepped
 * from the current state; after an edit further back, reading resumes from the last checkpoint before the first
 * changed character. A checkpoint (a copy of the state) is kept every {@value #CHECKPOINT_INTERVAL} characters, so
 * an edit anywhere costs at most that many steps plus the text after it. Reading starts where generation without a
 * prompt does (after a newline); characters the model does not know are skipped, as in scoring. One thread at a
 * time.
 */
public final class ReadingState {
    public static final int CHECKPOINT_INTERVAL = 64;
    public static final int MAX_CHARACTERS = 1_000_000;

    private record Checkpoint(int position, Stepper stepper, float[] next, int unknown) {
    }

    private final Vocabulary vocabulary;
    private final List<Checkpoint> checkpoints = new ArrayList<>();
    private int[] text = new int[0];
    private int position;
    private Stepper stepper;
    private float[] next;
    private int unknown;

    public ReadingState(CharModel model, Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        stepper = model.stepper();
        for (int index : new Generator(model, vocabulary).startContext()) {
            next = stepper.step(index);
        }
        next = next.clone();
        checkpoints.add(new Checkpoint(0, stepper.copy(), next, 0));
    }

    /**
     * Brings the state to the end of {@code preparedText} (already in the model's form, {@link Vocabulary#prepare}).
     * Returns the number of characters stepped. When {@code cancelled} turns true it stops, and the state stays
     * valid for the part read.
     */
    public int readTo(String preparedText, BooleanSupplier cancelled) {
        int[] codePoints = preparedText.codePoints().toArray();
        if (codePoints.length > MAX_CHARACTERS) {
            throw new ScribeException(String.format(Locale.ROOT,
                    "The text has %,d characters; Scribe completes texts of up to %,d.", codePoints.length,
                    MAX_CHARACTERS));
        }
        int common = Arrays.mismatch(text, 0, position, codePoints, 0, Math.min(position, codePoints.length));
        if (common < 0) {
            common = Math.min(position, codePoints.length);
        }
        if (common < position) {
            restore(common);
        }
        text = codePoints;
        int stepped = 0;
        while (position < codePoints.length && !cancelled.getAsBoolean()) {
            int index = vocabulary.indexOf(codePoints[position]);
            if (index < 0) {
                unknown++;
            } else {
                next = stepper.step(index);
                stepped++;
            }
            position++;
            if (position % CHECKPOINT_INTERVAL == 0) {
                checkpoints.add(new Checkpoint(position, stepper.copy(), next.clone(), unknown));
            }
        }
        return stepped;
    }

    /** Goes back to the last checkpoint at or before {@code at}, dropping those after it. */
    private void restore(int at) {
        while (checkpoints.get(checkpoints.size() - 1).position() > at) {
            checkpoints.remove(checkpoints.size() - 1);
        }
        Checkpoint last = checkpoints.get(checkpoints.size() - 1);
        position = last.position();
        stepper = last.stepper().copy();
        next = last.next().clone();
        unknown = last.unknown();
    }

    /** Whether the whole of the last text given has been read. */
    public boolean complete() {
        return position == text.length;
    }

    /** An independent copy of the state after the text read, to search from. */
    public Stepper branch() {
        return stepper.copy();
    }

    /** The distribution of the character after the text read (a copy). */
    public float[] next() {
        return next.clone();
    }

    /** Characters of the text read that the model does not know (skipped). */
    public int unknown() {
        return unknown;
    }

    /** Checkpoints kept, including the start. */
    public int checkpoints() {
        return checkpoints.size();
    }
}
