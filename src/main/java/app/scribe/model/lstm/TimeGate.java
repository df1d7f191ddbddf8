package app.scribe.model.lstm;

/**
 * The time gate of the time-gated LSTM (the seed's phased cell): how open a unit with period {@code tau}, phase
 * shift {@code s}, open ratio {@code rOn} and leak {@code alpha} is at time t. With
 * {@code phi = ((t - s) mod tau) / tau} (a true modulo, so also for t < s), the gate rises as {@code 2 phi / rOn}
 * while {@code phi <= rOn / 2}, falls as {@code 2 - 2 phi / rOn} while {@code phi <= rOn}, and leaks
 * {@code alpha phi} while closed.
 */
public final class TimeGate {
    private TimeGate() {
    }

    public static double openness(double t, double tau, double shift, double rOn, double alpha) {
        double phase = (t - shift) % tau;
        if (phase < 0) {
            phase += tau;
        }
        double phi = phase / tau;
        if (phi <= rOn / 2) {
            return 2 * phi / rOn;
        }
        if (phi <= rOn) {
            return 2 - 2 * phi / rOn;
        }
        return alpha * phi;
    }
}
