package app.scribe.training;

/** The run's training clock (pauses left out), its speed window and the last checkpoint's step and time. */
final class RunClock {
    private static final double SMOOTHING = 0.95;

    final long startStep;
    long started;
    long windowStart;
    long windowSteps;
    long lastCheckpointStep;
    long lastCheckpointTime;
    long lastStepEnd;
    /** The tenths of a time-limited budget that have had their samples. */
    int timedSamples;
    double smoothed = Double.NaN;

    RunClock(long startStep, long now) {
        this.startStep = startStep;
        this.started = now;
        this.windowStart = now;
        this.lastCheckpointStep = startStep;
        this.lastCheckpointTime = now;
    }

    /** Notes that a step ended now; returns the time. */
    long stepEnded() {
        lastStepEnd = System.nanoTime();
        return lastStepEnd;
    }

    /** Training time of this run up to the end of the last step, pauses left out. */
    long trainedMillis() {
        return (lastStepEnd - started) / 1_000_000;
    }

    /** Leaves a pause of {@code nanos} out of every clock. */
    void skip(long nanos) {
        started += nanos;
        windowStart += nanos;
        lastCheckpointTime += nanos;
    }

    double smooth(double loss) {
        smoothed = Double.isNaN(smoothed) ? loss : SMOOTHING * smoothed + (1 - SMOOTHING) * loss;
        return smoothed;
    }

    /** The speed over the last couple of seconds, counting the step just taken. */
    double charsPerSecond(long now, long charsPerStep) {
        windowSteps++;
        double seconds = (now - windowStart) / 1e9;
        double rate = windowSteps * charsPerStep / Math.max(seconds, 1e-9);
        if (seconds > 2) {
            windowStart = now;
            windowSteps = 0;
        }
        return rate;
    }
}
