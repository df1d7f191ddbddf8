package app.scribe.generation;

import app.scribe.model.Progress;
import app.scribe.model.Stepper;

import app.scribe.ScribeException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Beam search for the likeliest continuation of a fixed length: keeps the {@code width} prefixes of highest total
 * log-probability at every step, each with its own branch of the recurrent state ({@link Stepper#copy()}). The greedy
 * continuation is scored as well and returned if it beats every beam, so the result of a finished search is never
 * less likely than greedy decoding's. Ties go to the earlier beam, then the lower character index, so the search is
 * deterministic.
 */
public final class BeamSearch {
    public static final int MAX_WIDTH = 100;

    private final int width;

    public BeamSearch(int width) {
        if (width < 1 || width > MAX_WIDTH) {
            throw new ScribeException("Beam width must be between 1 and " + MAX_WIDTH + " (got " + width + ").");
        }
        this.width = width;
    }

    public int width() {
        return width;
    }

    /**
     * A continuation: its character indices and, for each position, the total natural-log probability of the
     * continuation up to and including that character.
     */
    public record Result(int[] indices, double[] cumulativeLogProbabilities) {
        public double logProbability() {
            return cumulativeLogProbabilities.length == 0 ? 0
                    : cumulativeLogProbabilities[cumulativeLogProbabilities.length - 1];
        }
    }

    /** One prefix: a linked list back to the start, so beams share their common history. */
    private record Node(Node parent, int index, double logProbability, int length) {
    }

    private record Beam(Node node, Stepper stepper, float[] next) {
    }

    private record Candidate(int beam, int index, double logProbability) {
    }

    /**
     * Searches {@code length} characters ahead of a state whose next-character distribution is {@code first} (the
     * array is copied; {@code stepper} itself is not advanced).
     */
    public Result search(Stepper stepper, float[] first, int length) {
        return search(stepper, first, length, Progress.NONE, () -> false);
    }

    /**
     * As {@link #search(Stepper, float[], int)}, telling {@code progress} how far it has come (in stepped
     * characters). When {@code cancelled} turns true it stops within one step and returns the best prefix found so
     * far, possibly empty.
     */
    public Result search(Stepper stepper, float[] first, int length, Progress progress, BooleanSupplier cancelled) {
        if (length < 1 || length > Generator.MAX_LENGTH) {
            throw new ScribeException("Length must be between 1 and " + Generator.MAX_LENGTH + " (got " + length
                    + ").");
        }
        // The beams step up to width characters per position, the greedy check one more.
        long total = (long) length * (width + 1);
        List<Beam> beams = List.of(new Beam(null, stepper.copy(), first.clone()));
        for (int step = 0; step < length; step++) {
            List<Candidate> candidates = best(beams);
            boolean last = step == length - 1;
            List<Beam> next = new ArrayList<>(candidates.size());
            for (Candidate c : candidates) {
                if (cancelled.getAsBoolean()) {
                    return bestOf(beams);
                }
                Beam parent = beams.get(c.beam());
                Node node = new Node(parent.node(), c.index(), c.logProbability(),
                        parent.node() == null ? 1 : parent.node().length() + 1);
                if (last) {
                    next.add(new Beam(node, null, null));
                } else {
                    Stepper branch = parent.stepper().copy();
                    next.add(new Beam(node, branch, branch.step(c.index()).clone()));
                }
            }
            beams = next;
            progress.reached((long) (step + 1) * width, total);
        }
        Result best = bestOf(beams);
        Result greedy = greedy(stepper.copy(), first.clone(), length, progress, cancelled);
        return greedy != null && greedy.logProbability() > best.logProbability() ? greedy : best;
    }

    private static Result bestOf(List<Beam> beams) {
        Node node = beams.get(0).node();
        return node == null ? new Result(new int[0], new double[0]) : toResult(node);
    }

    /** The {@code width} best one-character extensions of all beams, best first. */
    private List<Candidate> best(List<Beam> beams) {
        List<Candidate> all = new ArrayList<>();
        for (int b = 0; b < beams.size(); b++) {
            Beam beam = beams.get(b);
            double base = beam.node() == null ? 0 : beam.node().logProbability();
            float[] p = beam.next();
            for (int i = 0; i < p.length; i++) {
                if (p[i] > 0) {
                    all.add(new Candidate(b, i, base + Math.log(p[i])));
                }
            }
        }
        if (all.isEmpty()) {
            throw new IllegalStateException("the model gives every character probability zero");
        }
        // Stable: equal scores keep beam order, then index order.
        all.sort((x, y) -> Double.compare(y.logProbability(), x.logProbability()));
        return all.subList(0, Math.min(width, all.size()));
    }

    /** The greedy continuation, reported as the last {@code length} units of the search; null when cancelled. */
    private Result greedy(Stepper stepper, float[] p, int length, Progress progress, BooleanSupplier cancelled) {
        int[] indices = new int[length];
        double[] cumulative = new double[length];
        double total = 0;
        long before = (long) length * width;
        for (int i = 0; i < length; i++) {
            if (cancelled.getAsBoolean()) {
                return null;
            }
            int next = SamplingSettings.argmax(p);
            total += Math.log(p[next]);
            indices[i] = next;
            cumulative[i] = total;
            if (i < length - 1) {
                p = stepper.step(next);
            }
            progress.reached(before + i + 1, before + length);
        }
        return new Result(indices, cumulative);
    }

    private static Result toResult(Node node) {
        int n = node.length();
        int[] indices = new int[n];
        double[] cumulative = new double[n];
        for (Node at = node; at != null; at = at.parent()) {
            indices[at.length() - 1] = at.index();
            cumulative[at.length() - 1] = at.logProbability();
        }
        return new Result(indices, cumulative);
    }
}
