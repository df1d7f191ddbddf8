package app.scribe.lab;

import java.util.concurrent.atomic.AtomicBoolean;

/** A request to stop an experiment, checked between training steps. */
public final class Stop {
    private final AtomicBoolean requested = new AtomicBoolean();

    public void request() {
        requested.set(true);
    }

    public boolean requested() {
        return requested.get() || Thread.currentThread().isInterrupted();
    }
}
