package app.scribe.training;

import app.scribe.corpus.CorpusInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything a run has recorded: the step reached, the loss curves, the samples and the texts trained on, in order. Saved with the model so that a
 * loaded model shows its chart again and resumes at the right step. Owned by the training thread; readers take a
 * {@link #copy()}.
 */
public final class TrainingHistory {
    public record Point(long step, double loss) {
    }

    /** A text sampled at a training step at a temperature, the same seed for every temperature of a step. */
    public record Sample(long step, double temperature, String text) {
    }

    /** A text the model was trained on, from step {@code fromStep} until the next text's. */
    public record Text(long fromStep, CorpusInfo corpus) {
    }

    private long step;
    private long trainingMillis;
    private final List<Point> trainingLoss = new ArrayList<>();
    private final List<Point> validationLoss = new ArrayList<>();
    private final List<Sample> samples = new ArrayList<>();
    private final List<Text> texts = new ArrayList<>();

    public TrainingHistory() {
    }

    public TrainingHistory(long step, long trainingMillis, List<Point> trainingLoss, List<Point> validationLoss,
                           List<Sample> samples) {
        this.step = step;
        this.trainingMillis = trainingMillis;
        this.trainingLoss.addAll(trainingLoss);
        this.validationLoss.addAll(validationLoss);
        this.samples.addAll(samples);
    }

    /** A history that also records the texts trained on, in order. */
    public TrainingHistory(long step, long trainingMillis, List<Point> trainingLoss, List<Point> validationLoss,
                           List<Sample> samples, List<Text> texts) {
        this(step, trainingMillis, trainingLoss, validationLoss, samples);
        this.texts.addAll(texts);
    }

    public synchronized TrainingHistory copy() {
        return new TrainingHistory(step, trainingMillis, trainingLoss, validationLoss, samples, texts);
    }

    /** The texts trained on, in order; empty before any training. */
    public synchronized List<Text> texts() {
        return List.copyOf(texts);
    }

    /** Notes that training goes on from the current step on {@code corpus}, unless that is the latest text. */
    synchronized void trainOn(CorpusInfo corpus) {
        if (texts.isEmpty() || !texts.get(texts.size() - 1).corpus().sha256().equals(corpus.sha256())) {
            texts.add(new Text(step, corpus));
        }
    }

    public synchronized long step() {
        return step;
    }

    public synchronized long trainingMillis() {
        return trainingMillis;
    }

    public synchronized List<Point> trainingLoss() {
        return List.copyOf(trainingLoss);
    }

    public synchronized List<Point> validationLoss() {
        return List.copyOf(validationLoss);
    }

    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    public synchronized Double lastValidationLoss() {
        return validationLoss.isEmpty() ? null : validationLoss.get(validationLoss.size() - 1).loss();
    }

    /** The lowest validation loss so far, or null before the first validation. */
    public synchronized Point bestValidation() {
        Point best = null;
        for (Point p : validationLoss) {
            if (best == null || p.loss() < best.loss()) {
                best = p;
            }
        }
        return best;
    }

    /** How many validations have come after the best one (0 when the latest is the best). */
    public synchronized int validationsSinceBest() {
        int best = 0;
        for (int i = 1; i < validationLoss.size(); i++) {
            if (validationLoss.get(i).loss() < validationLoss.get(best).loss()) {
                best = i;
            }
        }
        return validationLoss.isEmpty() ? 0 : validationLoss.size() - 1 - best;
    }

    synchronized void advance(long newStep, long millis) {
        step = newStep;
        trainingMillis += millis;
    }

    synchronized void addTrainingLoss(long atStep, double loss) {
        trainingLoss.add(new Point(atStep, loss));
    }

    synchronized void addValidationLoss(long atStep, double loss) {
        validationLoss.add(new Point(atStep, loss));
    }

    synchronized void addSample(long atStep, double temperature, String text) {
        samples.add(new Sample(atStep, temperature, text));
    }
}
