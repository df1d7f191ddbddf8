package app.scribe.lab;

import app.scribe.ScribeException;
import app.scribe.engine.fast.TimeGate;

/**
 * Page 3, the time gate: k(t) for t = 0..steps-1 of one unit with period tau, shift s, open ratio r_on and leak
 * alpha (seed 000, figures 3 to 5), computed by the same function as the time-gated LSTM cell.
 */
public record GateCurve(double tau, double shift, double rOn, double alpha, int steps) {
    public static final int MAX_STEPS = 100_000;

    public GateCurve {
        if (!(tau > 0) || !Double.isFinite(tau)) {
            throw new ScribeException("The period tau must be a number above 0 (got " + tau + ").");
        }
        if (!Double.isFinite(shift)) {
            throw new ScribeException("The shift s must be a finite number (got " + shift + ").");
        }
        if (!(rOn > 0 && rOn <= 1)) {
            throw new ScribeException("The open ratio r_on must be above 0 and at most 1 (got " + rOn + ").");
        }
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new ScribeException("The leak alpha must be between 0 and 1 (got " + alpha + ").");
        }
        if (steps < 1 || steps > MAX_STEPS) {
            throw new ScribeException("Steps must be between 1 and " + MAX_STEPS + " (got " + steps + ").");
        }
    }

    public double[] values() {
        double[] k = new double[steps];
        for (int t = 0; t < steps; t++) {
            k[t] = TimeGate.at(t, tau, shift, rOn, alpha);
        }
        return k;
    }

    /** A legend label: {@code tau=50 s=0 r_on=0.2}. */
    public String label() {
        return "tau=" + Numbers.format(tau) + " s=" + Numbers.format(shift) + " r_on=" + Numbers.format(rOn)
                + (alpha > 0 ? " alpha=" + Numbers.format(alpha) : "");
    }
}
