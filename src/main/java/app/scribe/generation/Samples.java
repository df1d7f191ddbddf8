package app.scribe.generation;

import app.scribe.ScribeException;
import app.scribe.model.Progress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.ToIntFunction;

/**
 * Writing many samples to choose among: {@link #write} draws them with seeds seed, seed+1, ..., and {@link #ranked}
 * orders them by two places, each sample's place by bits per character under the model (lower first: the model
 * finds it likelier) and its place by the longest span found verbatim in the book (shorter first: newer). Samples are
 * ordered by the sum of their two places (ties share the better place), then by bits per character, then as
 * written; without a book to look in, by bits per character alone.
 */
public final class Samples {
    /** The most samples one request writes. */
    public static final int MAX_COUNT = 1000;
    /** A sample is new when no span of it longer than this occurs verbatim in the book (about four words). */
    public static final int NEW_AT_MOST = 20;
    /** The longest copy of a sample when there was no book to look in. */
    public static final int NOT_MEASURED = -1;

    private Samples() {
    }

    /**
     * One sample: its place in the order written (from 1), its seed, the continuation, its bits per character under
     * the model, the longest span of it found verbatim in the book ({@link #NOT_MEASURED} without one) and how many
     * of its characters the copy limit drew again.
     */
    public record Sample(int number, long seed, String text, double bitsPerCharacter, int longestCopy, int redrawn) {
        /** Whether no span longer than {@link #NEW_AT_MOST} was found in the book (false when not measured). */
        public boolean isNew() {
            return longestCopy != NOT_MEASURED && longestCopy <= NEW_AT_MOST;
        }
    }

    /** Checks a number of samples asked for; throws a sentence naming the limit. */
    public static void checkCount(int count) {
        if (count < 1 || count > MAX_COUNT) {
            throw new ScribeException("The number of samples must be between 1 and " + MAX_COUNT + " (got " + count
                    + ").");
        }
    }

    /**
     * Writes {@code count} samples of {@code length} characters after {@code prompt}, the i-th (from 0) with seed
     * {@code seed + i}, each copying at most {@code limit}'s characters (null: no limit). {@code longestCopy} measures
     * a continuation against the book (null: no book). When {@code cancelled} turns true, returns the samples
     * finished so far, in the order written.
     */
    public static List<Sample> write(Generator generator, String prompt, int length, SamplingSettings settings,
                                     long seed, int count, StopRule stop, CopyLimit limit,
                                     ToIntFunction<String> longestCopy, Progress progress, BooleanSupplier cancelled) {
        checkCount(count);
        List<Sample> written = new ArrayList<>(count);
        long total = (long) count * length;
        for (int i = 0; i < count && !cancelled.getAsBoolean(); i++) {
            long[] done = {(long) i * length};
            Generator.Continuation c = generator.generate(prompt, length, settings, seed + i, stop, limit,
                    ch -> progress.reached(++done[0], total), cancelled);
            if (cancelled.getAsBoolean() || c.text().isEmpty()) {
                break;
            }
            int copy = longestCopy == null ? NOT_MEASURED : longestCopy.applyAsInt(c.text());
            written.add(new Sample(i + 1, seed + i, c.text(), c.bitsPerCharacter(), copy, c.redrawn()));
            progress.reached((long) (i + 1) * length, total);
        }
        return written;
    }

    /** The samples in the order of the ranking rule (see the class comment). */
    public static List<Sample> ranked(List<Sample> samples) {
        List<Sample> byLikelihood = new ArrayList<>(samples);
        byLikelihood.sort(Comparator.comparingDouble(Sample::bitsPerCharacter));
        List<Sample> byNovelty = new ArrayList<>(samples);
        byNovelty.sort(Comparator.comparingInt(Sample::longestCopy));
        Comparator<Sample> order = Comparator.comparingInt(s -> place(byLikelihood, s,
                Comparator.comparingDouble(Sample::bitsPerCharacter)) + place(byNovelty, s,
                Comparator.comparingInt(Sample::longestCopy)));
        List<Sample> ranked = new ArrayList<>(samples);
        ranked.sort(order.thenComparingDouble(Sample::bitsPerCharacter).thenComparingInt(Sample::number));
        return ranked;
    }

    /** The place (from 1) of {@code sample} in {@code sorted}; equal samples share the better place. */
    private static int place(List<Sample> sorted, Sample sample, Comparator<Sample> by) {
        for (int i = 0; i < sorted.size(); i++) {
            if (by.compare(sorted.get(i), sample) == 0) {
                return i + 1;
            }
        }
        return sorted.size();
    }
}
