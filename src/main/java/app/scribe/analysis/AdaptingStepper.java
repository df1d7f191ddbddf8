package app.scribe.analysis;

import app.scribe.corpus.Batch;
import app.scribe.model.CharModel;
import app.scribe.model.Stepper;

/**
 * A stepper whose model learns from what it reads ({@link DynamicEvaluation}): it steps as a plain stepper and, after
 * every segment, trains its own copy of the model on the last characters, takes a fresh stepper of the new weights
 * and feeds it the context. The probabilities of a character always come from weights that have not yet seen it.
 */
final class AdaptingStepper implements Stepper {
    private final CharModel model;
    private final DynamicEvaluation settings;
    /** The last characters read, a ring of {@code history.length} with the newest at {@code read - 1}. */
    private final int[] history;
    private long read;
    private int sinceStep;
    private Stepper stepper;

    /** Learns on a copy of {@code model}, which itself never changes. */
    AdaptingStepper(CharModel model, DynamicEvaluation settings) {
        this(model.copy(), settings, new int[settings.segment() + settings.context() + 1], 0, 0, null);
        this.stepper = this.model.stepper();
    }

    private AdaptingStepper(CharModel own, DynamicEvaluation settings, int[] history, long read, int sinceStep,
                            Stepper stepper) {
        this.model = own;
        this.settings = settings;
        this.history = history;
        this.read = read;
        this.sinceStep = sinceStep;
        this.stepper = stepper;
    }

    @Override
    public float[] step(int charIndex) {
        history[(int) (read++ % history.length)] = charIndex;
        float[] next = stepper.step(charIndex);
        if (++sinceStep < settings.segment()) {
            return next;
        }
        sinceStep = 0;
        int steps = (int) Math.min(read - 1, history.length - 1);
        if (steps < 1) {
            return next;
        }
        int[] inputs = new int[steps];
        int[] targets = new int[steps];
        for (int t = 0; t < steps; t++) {
            inputs[t] = at(read - 1 - steps + t);
            targets[t] = at(read - steps + t);
        }
        model.train(new Batch(1, steps, inputs, targets), settings.rate());
        stepper = model.stepper();
        for (long i = Math.max(0, read - Math.max(1, settings.context())); i < read; i++) {
            next = stepper.step(at(i));
        }
        return next;
    }

    private int at(long i) {
        return history[(int) (i % history.length)];
    }

    @Override
    public Stepper copy() {
        return new AdaptingStepper(model.copy(), settings, history.clone(), read, sinceStep, stepper.copy());
    }

    @Override
    public void cellState(int layer, float[] out) {
        stepper.cellState(layer, out);
    }
}
