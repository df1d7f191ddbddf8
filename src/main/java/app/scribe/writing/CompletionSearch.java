package app.scribe.writing;

import app.scribe.ScribeException;
import app.scribe.corpus.Vocabulary;
import app.scribe.generation.BeamSearch;
import app.scribe.generation.CopyLimit;
import app.scribe.generation.SamplingSettings;
import app.scribe.model.Stepper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * Finds the likeliest completions of a text, each up to where {@link Until} says it ends. At every character the
 * end of a word (all the characters that would end it, as one choice) competes with each character that goes on.
 * <ul>
 *   <li>greedy (the default): from each of the n likeliest first characters, the likeliest choice at every
 *   step;</li>
 *   <li>beam: a beam search of the given width; a completion that ends is set aside, and the search stops once n
 *   have ended that are likelier than every open beam;</li>
 *   <li>varied: completions drawn with a temperature and top-p, distinct ones kept.</li>
 * </ul>
 * Every search looks for {@value #MAX_SUGGESTIONS} completions and returns the n asked for, so the first
 * suggestion does not depend on n. Lists are ranked by the model's own probability, likeliest first (ties keep the
 * order found). With a {@link CopyLimit} ({@link #copyingAtMost}), no completion extends a span of the text and
 * completion found verbatim in the book past N characters: a drawn character that would is drawn again without it,
 * and greedy and beam searches pass over it.
 */
public final class CompletionSearch {
    public static final int MAX_SUGGESTIONS = 5;
    /** Draws made per wanted completion when drawing varied ones (repeats are dropped). */
    private static final int DRAWS_PER_COMPLETION = 4;

    private enum Mode { GREEDY, BEAM, VARIED }

    private final Mode mode;
    private final int width;
    private final SamplingSettings sampling;
    private final long seed;
    private final CopyLimit limit;
    /** The end of the text being completed, as vocabulary indices (-1: unknown), for the copy limit. */
    private int[] context = new int[0];
    private int redrawn;

    private CompletionSearch(Mode mode, int width, SamplingSettings sampling, long seed, CopyLimit limit) {
        this.mode = mode;
        this.width = width;
        this.sampling = sampling;
        this.seed = seed;
        this.limit = limit;
    }

    /** This search, copying at most {@code limit}'s N characters verbatim from its book. */
    public CompletionSearch copyingAtMost(CopyLimit limit) {
        return new CompletionSearch(mode, width, sampling, seed, limit);
    }

    /** The characters the copy limit drew again (or passed over) in the last search; one search at a time. */
    public int redrawn() {
        return redrawn;
    }

    public static CompletionSearch greedy() {
        return new CompletionSearch(Mode.GREEDY, 1, null, 0, null);
    }

    public static CompletionSearch beam(int width) {
        return new CompletionSearch(Mode.BEAM, new BeamSearch(width).width(), null, 0, null);
    }

    /** Completions drawn with {@code settings} (temperature, top-p); the same seed draws the same ones. */
    public static CompletionSearch varied(SamplingSettings settings, long seed) {
        return new CompletionSearch(Mode.VARIED, 1, settings, seed, null);
    }

    /**
     * A prefix under way: its characters, whether a word has started, its log-probability, and, unless it has
     * ended, its state and next-character distribution.
     */
    private record Path(String text, int length, boolean inWord, double logProbability, Stepper stepper,
                        float[] next) {
        boolean ended() {
            return next == null;
        }

        Completion completion(double endProbability) {
            return new Completion(text, Math.exp(logProbability + Math.log(endProbability)));
        }
    }

    private record Candidate(Path path, int index, double logProbability) {
    }

    /** Picks the next character of a path: an index, or -1 to end the word there. */
    private interface Choice {
        int pick(Path path, SplittableRandom random);
    }

    /**
     * The {@code n} likeliest completions found from a state whose next-character distribution is {@code next};
     * {@code stepper} is not advanced. When {@code cancelled} turns true, returns what it has found.
     */
    public List<Completion> search(Vocabulary vocabulary, Stepper stepper, float[] next, Until until, int n,
                                   BooleanSupplier cancelled) {
        return search(vocabulary, stepper, next, until, n, cancelled, "");
    }

    /** As above, {@code before} (in the model's form) being the text completed, where a copied span may start. */
    public List<Completion> search(Vocabulary vocabulary, Stepper stepper, float[] next, Until until, int n,
                                   BooleanSupplier cancelled, String before) {
        redrawn = 0;
        if (limit != null) {
            int[] tail = before.codePoints().skip(Math.max(0, before.codePointCount(0, before.length())
                    - limit.maxCopy())).toArray();
            context = java.util.Arrays.stream(tail).map(vocabulary::indexOf).toArray();
        }
        if (n < 1 || n > MAX_SUGGESTIONS) {
            throw new ScribeException("--n must be between 1 and " + MAX_SUGGESTIONS + " (got " + n + ").");
        }
        Path start = new Path("", 0, false, 0, stepper, next.clone());
        int breadth = MAX_SUGGESTIONS;
        List<Completion> found = switch (mode) {
            case GREEDY -> greedyFromEach(vocabulary, start, until, breadth, cancelled);
            case BEAM -> beamSearch(vocabulary, start, until, breadth, cancelled);
            case VARIED -> drawn(vocabulary, start, until, breadth, cancelled);
        };
        List<Completion> ranked = new ArrayList<>(found);
        ranked.sort(Comparator.comparingDouble(Completion::probability).reversed());
        return List.copyOf(ranked.subList(0, Math.min(n, ranked.size())));
    }

    private List<Completion> greedyFromEach(Vocabulary vocabulary, Path start, Until until, int n,
                                            BooleanSupplier cancelled) {
        List<Completion> found = new ArrayList<>();
        for (int first : likeliest(allowed(vocabulary, start), n)) {
            Completion completion = follow(vocabulary, extend(vocabulary, start, first, until, true), until, true,
                    (path, random) -> likeliestChoice(vocabulary, path, until), null, cancelled);
            if (completion == null) {
                break;
            }
            found.add(completion);
        }
        return found;
    }

    private List<Completion> drawn(Vocabulary vocabulary, Path start, Until until, int n,
                                   BooleanSupplier cancelled) {
        Map<String, Completion> distinct = new LinkedHashMap<>();
        SplittableRandom random = new SplittableRandom(seed);
        for (int draw = 0; draw < n * DRAWS_PER_COMPLETION && distinct.size() < n; draw++) {
            Completion completion = follow(vocabulary, start, until, false,
                    (path, r) -> drawAllowed(vocabulary, path, r), random, cancelled);
            if (completion == null) {
                break;
            }
            distinct.putIfAbsent(completion.text(), completion);
        }
        return new ArrayList<>(distinct.values());
    }

    /**
     * Extends {@code path} one choice at a time until it ends; null when cancelled first. {@code owned}: whether the
     * path's state may be stepped in place (else it is copied first).
     */
    private static Completion follow(Vocabulary vocabulary, Path path, Until until, boolean owned, Choice choice,
                                     SplittableRandom random, BooleanSupplier cancelled) {
        Path at = path;
        boolean inPlace = owned;
        while (!at.ended()) {
            if (cancelled.getAsBoolean()) {
                return null;
            }
            int index = choice.pick(at, random);
            if (index < 0 || until.step(vocabulary.codePointAt(index), at.length(), at.inWord())
                    == Until.Step.END_BEFORE) {
                return at.completion(endMass(vocabulary, at, until));
            }
            at = extend(vocabulary, at, index, until, !inPlace);
            inPlace = true;
        }
        return at.completion(1);
    }

    private List<Completion> beamSearch(Vocabulary vocabulary, Path start, Until until, int n,
                                        BooleanSupplier cancelled) {
        List<Completion> finished = new ArrayList<>();
        List<Path> beams = List.of(start);
        while (!beams.isEmpty() && !cancelled.getAsBoolean()) {
            List<Candidate> candidates = new ArrayList<>();
            for (Path path : beams) {
                double end = endMass(vocabulary, path, until);
                if (end > 0) {
                    finished.add(path.completion(end));
                }
                float[] p = allowed(vocabulary, path);
                for (int i = 0; i < p.length; i++) {
                    if (p[i] > 0 && until.step(vocabulary.codePointAt(i), path.length(), path.inWord())
                            != Until.Step.END_BEFORE) {
                        candidates.add(new Candidate(path, i, path.logProbability() + Math.log(p[i])));
                    }
                }
            }
            // Stable: equal scores keep beam order, then index order.
            candidates.sort(Comparator.comparingDouble(Candidate::logProbability).reversed());
            List<Path> kept = new ArrayList<>(width);
            for (Candidate c : candidates.subList(0, Math.min(width, candidates.size()))) {
                Path extended = extend(vocabulary, c.path(), c.index(), until, true);
                if (extended.ended()) {
                    finished.add(extended.completion(1));
                } else {
                    kept.add(extended);
                }
            }
            beams = kept;
            if (enoughFound(finished, beams, n)) {
                break;
            }
        }
        return finished;
    }

    /** Whether n completions have ended that are all likelier than every open beam (which can only lose). */
    private static boolean enoughFound(List<Completion> finished, List<Path> beams, int n) {
        if (finished.size() < n) {
            return false;
        }
        List<Double> logs = finished.stream().map(c -> Math.log(c.probability()))
                .sorted(Comparator.reverseOrder()).toList();
        double nth = logs.get(n - 1);
        return beams.stream().allMatch(b -> b.logProbability() <= nth);
    }

    /** The path with one more character; its state is a copy when {@code copy}, else the path's own, stepped. */
    private static Path extend(Vocabulary vocabulary, Path path, int index, Until until, boolean copy) {
        int codePoint = vocabulary.codePointAt(index);
        Until.Step step = until.step(codePoint, path.length(), path.inWord());
        String text = path.text() + vocabulary.charAt(index);
        int length = path.length() + 1;
        boolean inWord = path.inWord() || Until.isWordCharacter(codePoint);
        double logProbability = path.logProbability() + Math.log(path.next()[index]);
        if (step == Until.Step.END_AFTER || length >= until.maxLength()) {
            return new Path(text, length, inWord, logProbability, null, null);
        }
        Stepper stepper = copy ? path.stepper().copy() : path.stepper();
        return new Path(text, length, inWord, logProbability, stepper, stepper.step(index).clone());
    }

    /** The probability that the completion ends right after {@code path}: the mass of the characters ending it. */
    private static double endMass(Vocabulary vocabulary, Path path, Until until) {
        float[] p = path.next();
        double mass = 0;
        for (int i = 0; i < p.length; i++) {
            if (until.step(vocabulary.codePointAt(i), path.length(), path.inWord()) == Until.Step.END_BEFORE) {
                mass += p[i];
            }
        }
        return mass;
    }

    /** A character drawn after a path; drawn again when the copy limit refuses it. */
    private int drawAllowed(Vocabulary vocabulary, Path path, SplittableRandom random) {
        int index = sampling.pick(path.next(), new int[0], random);
        boolean[] refused = refused(vocabulary, path);
        if (refused != null && refused[index]) {
            int again = sampling.redraw(path.next(), new int[0], random, refused);
            if (again >= 0) {
                redrawn++;
                index = again;
            }
        }
        return index;
    }

    /** The path's next-character distribution with the characters the copy limit refuses set to zero. */
    private float[] allowed(Vocabulary vocabulary, Path path) {
        boolean[] refused = refused(vocabulary, path);
        if (refused == null) {
            return path.next();
        }
        float[] p = path.next().clone();
        for (int i = 0; i < p.length; i++) {
            if (refused[i] && p[i] > 0) {
                p[i] = 0;
                redrawn += mode == Mode.GREEDY && i == SamplingSettings.argmax(path.next()) ? 1 : 0;
            }
        }
        return p;
    }

    /** What the copy limit refuses after the text and the path; null when nothing. */
    private boolean[] refused(Vocabulary vocabulary, Path path) {
        if (limit == null) {
            return null;
        }
        int[] chars = path.text().codePoints().map(vocabulary::indexOf).toArray();
        int[] text = java.util.Arrays.copyOf(context, context.length + chars.length);
        System.arraycopy(chars, 0, text, context.length, chars.length);
        boolean[] refused = new boolean[vocabulary.size()];
        return limit.refuse(text, text.length, refused) ? refused : null;
    }

    /** The likeliest choice after a path: a character, or -1 when ending there is likelier than any of them. */
    private int likeliestChoice(Vocabulary vocabulary, Path path, Until until) {
        float[] p = allowed(vocabulary, path);
        int best = -1;
        double bestP = endMass(vocabulary, path, until);
        for (int i = 0; i < p.length; i++) {
            if (p[i] > bestP && until.step(vocabulary.codePointAt(i), path.length(), path.inWord())
                    != Until.Step.END_BEFORE) {
                best = i;
                bestP = p[i];
            }
        }
        return best;
    }

    /** The indices of the {@code k} largest entries, largest first; ties go to the lower index. */
    private static int[] likeliest(float[] p, int k) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(p[b], p[a]));
        int[] top = new int[Math.min(k, p.length)];
        for (int i = 0; i < top.length; i++) {
            top[i] = order[i];
        }
        return top;
    }
}
