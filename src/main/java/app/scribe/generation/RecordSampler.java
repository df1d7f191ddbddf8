package app.scribe.generation;

import app.scribe.ScribeException;
import app.scribe.corpus.Corpus;
import app.scribe.corpus.RecordFormat;
import app.scribe.corpus.Vocabulary;
import app.scribe.model.CharModel;
import app.scribe.model.Stepper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Writes whole records with a model trained on records: each from a fresh state fed the record mark, drawn
 * character by character until the model writes the mark again. A draw that ends at once is empty; one that reaches
 * {@code longest + 1} characters without the mark is a runaway and is cut there. Both are malformed and drawn
 * again; {@link #write} tells how many there were. A record found verbatim among the training text's records is
 * copied, any other new.
 */
public final class RecordSampler {
    /** {@link #write} stops after this many draws per record asked for, whatever it has by then. */
    public static final int MAX_DRAWS_PER_RECORD = 50;
    public static final int MAX_RECORDS = 10_000;

    private final CharModel model;
    private final Vocabulary vocabulary;
    private final int mark;
    private final int longest;

    /** {@code longest}: the longest training record's length; a draw that reaches one more is a runaway. */
    public RecordSampler(CharModel model, Vocabulary vocabulary, int longest) {
        this.model = model;
        this.vocabulary = vocabulary;
        this.mark = vocabulary.indexOf(RecordFormat.MARK);
        if (mark < 0) {
            throw new ScribeException("This model was not trained on records: it has no mark to start and end them.");
        }
        this.longest = Math.max(1, longest);
    }

    /** What one draw gave: its text, its mean natural-log probability per character (the end mark counted). */
    public record Draw(String text, double logProbabilityPerChar, boolean runaway) {
        public boolean empty() {
            return text.isEmpty();
        }

        public boolean wellFormed() {
            return !empty() && !runaway;
        }
    }

    /** A record written: its text, how likely the model found it (nats per character) and whether it is new. */
    public record Item(String text, double score, boolean copied) {
    }

    /**
     * What {@link #write} wrote, and every draw it made: the malformed ones (empty or runaway) and the copied ones
     * left out by {@code newOnly}; {@code exhausted} when it stopped at its draw limit short of the count.
     */
    public record Written(List<Item> items, int drawn, int empty, int runaways, int copiedLeftOut, boolean exhausted) {
        public long copied() {
            return items.stream().filter(Item::copied).count();
        }

        public long fresh() {
            return items.size() - copied();
        }

        /** The share of draws that were well-formed, 0 to 1. */
        public double wellFormedShare() {
            return drawn == 0 ? 1 : (double) (drawn - empty - runaways) / drawn;
        }
    }

    /** One record from a fresh state. */
    public Draw draw(SamplingSettings settings, SplittableRandom random) {
        Stepper stepper = model.stepper();
        float[] p = stepper.step(mark);
        int[] history = new int[longest + 1];
        StringBuilder text = new StringBuilder();
        double logProbability = 0;
        for (int n = 0; n <= longest; n++) {
            int[] recent = Arrays.copyOfRange(history, Math.max(0, n - settings.repetitionWindow()), n);
            int next = settings.pick(p, recent, random);
            logProbability += Math.log(p[next]);
            if (next == mark) {
                return new Draw(text.toString(), logProbability / (n + 1), false);
            }
            history[n] = next;
            text.append(vocabulary.charAt(next));
            if (n < longest) {
                p = stepper.step(next);
            }
        }
        return new Draw(text.toString(), logProbability / (longest + 1), true);
    }

    /**
     * Writes {@code count} well-formed records, each handed to {@code sink} as it comes; with {@code newOnly}, only
     * new ones, each once. Draws at most {@value #MAX_DRAWS_PER_RECORD} times {@code count}, and stops early when
     * {@code cancelled} turns true. {@code known}: the training text's records.
     */
    public Written write(int count, boolean newOnly, Set<String> known, SamplingSettings settings, long seed,
                         Consumer<Item> sink, BooleanSupplier cancelled) {
        if (count < 1 || count > MAX_RECORDS) {
            throw new ScribeException("The number of records must be between 1 and " + MAX_RECORDS + " (got " + count
                    + ").");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Item> items = new ArrayList<>();
        Set<String> written = new HashSet<>();
        int drawn = 0;
        int empty = 0;
        int runaways = 0;
        int copiedLeftOut = 0;
        long limit = (long) MAX_DRAWS_PER_RECORD * count;
        while (items.size() < count && drawn < limit && !cancelled.getAsBoolean()) {
            Draw draw = draw(settings, random);
            drawn++;
            if (draw.empty()) {
                empty++;
            } else if (draw.runaway()) {
                runaways++;
            } else {
                boolean copied = known.contains(draw.text());
                if (newOnly && (copied || !written.add(draw.text()))) {
                    copiedLeftOut++;
                    continue;
                }
                Item item = new Item(draw.text(), draw.logProbabilityPerChar(), copied);
                items.add(item);
                sink.accept(item);
            }
        }
        return new Written(List.copyOf(items), drawn, empty, runaways, copiedLeftOut,
                items.size() < count && drawn >= limit);
    }

    /**
     * A training sample of a records model: records drawn until about {@code length} characters are written
     * (each cut at {@code length}), joined as the corpus's records are.
     */
    public static String preview(CharModel model, Corpus corpus, int length, SamplingSettings settings, long seed) {
        RecordSampler sampler = new RecordSampler(model, corpus.vocabulary(), length);
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder();
        for (int draws = 0; text.length() < length && draws < length; draws++) {
            Draw draw = sampler.draw(settings, random);
            if (!draw.empty()) {
                text.append(text.isEmpty() ? "" : corpus.records().delimiter()).append(draw.text());
            }
        }
        return text.toString();
    }
}
