package app.scribe.engine.fast;

/**
 * The time gate of the time-gated LSTM (the seed's phased cell): how open a unit with period {@code tau}, phase
 * shift {@code s}, open ratio {@code rOn} and leak {@code alpha} is at time t. With
 * {@code phi = ((t - s) mod tau) / tau} (a true modulo, so also for t < s), the gate rises as {@code 2 phi / rOn}
 * while {@code phi <= rOn / 2}, falls as {@code 2 - 2 phi / rOn} while {@code phi <= rOn}, and leaks
 * {@code alpha phi} while closed. The one formula: {@link TimeGatedLstmCell} computes its gates with it.
 */
public final class TimeGate {
    private TimeGate() {
    }

    /** phi: where t falls in the unit's period, in [0, 1). */
    public static double phase(double t, double shift, double tau) {
        double d = t - shift;
        return (d - tau * Math.floor(d / tau)) / tau;
    }

    /** k at phase phi. */
    public static double openness(double phi, double rOn, double alpha) {
        if (phi <= rOn / 2) {
            return 2 * phi / rOn;
        }
        if (phi <= rOn) {
            return 2 - 2 * phi / rOn;
        }
        return alpha * phi;
    }

    /** k at time t. */
    public static double at(double t, double tau, double shift, double rOn, double alpha) {
        return openness(phase(t, shift, tau), rOn, alpha);
    }
}
