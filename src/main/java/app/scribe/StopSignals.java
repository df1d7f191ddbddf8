package app.scribe;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Ctrl-C (SIGINT) and SIGTERM while the handlers are installed: the first is handed to the owner (a training run
 * stops after its current step and saves); a second one quits at once. A Ctrl-C typed in a terminal reaches both
 * the launcher and the process it started, and the launcher forwards what it gets, so a second signal within
 * {@link #REPEAT_MILLIS} counts as the same one.
 */
public final class StopSignals implements AutoCloseable {
    public static final List<String> NAMES = List.of("INT", "TERM");
    static final long REPEAT_MILLIS = 1000;

    private final Map<Signal, SignalHandler> previous = new HashMap<>();
    private volatile Signal received;
    private volatile long receivedAt;

    /** Installs handlers that call {@code first} with the first signal's name, on a thread of the JVM's. */
    public StopSignals(Consumer<String> first) {
        for (String name : NAMES) {
            try {
                previous.put(new Signal(name), Signal.handle(new Signal(name), signal -> handle(signal, first)));
            } catch (IllegalArgumentException e) {
                // The JVM keeps this signal for itself (for instance under -Xrs); it then ends the process as usual.
            }
        }
    }

    private synchronized void handle(Signal signal, Consumer<String> first) {
        long now = System.currentTimeMillis();
        if (received == null) {
            received = signal;
            receivedAt = now;
            first.accept(signal.getName());
        } else if (now - receivedAt > REPEAT_MILLIS) {
            Runtime.getRuntime().halt(exitCode(signal));
        }
    }

    /** 0 when no signal came, else the shell's convention: 128 + the signal's number (130 for SIGINT, 143 for SIGTERM). */
    public int exitCode() {
        Signal signal = received;
        return signal == null ? 0 : exitCode(signal);
    }

    private static int exitCode(Signal signal) {
        return 128 + signal.getNumber();
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}
