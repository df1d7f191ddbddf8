package app.scribe.library;

import java.net.HttpURLConnection;

/**
 * Lets another thread stop a download: the flag is checked between reads, and the open connection is closed so
 * that a read waiting on a silent server returns at once.
 */
public final class Cancellation {
    private volatile boolean cancelled;
    private volatile HttpURLConnection connection;

    public void cancel() {
        cancelled = true;
        HttpURLConnection open = connection;
        if (open != null) {
            open.disconnect();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    void opened(HttpURLConnection now) {
        connection = now;
        if (cancelled) {
            now.disconnect();
        }
    }
}
