package app.scribe.library;

import app.scribe.ScribeException;
import app.scribe.model.Progress;
import app.scribe.persistence.AtomicFile;
import app.scribe.persistence.OutputLock;
import app.scribe.persistence.Replace;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLException;

/**
 * Downloads one file over HTTP(S) into a folder, atomically: the body goes to a temporary file beside the target,
 * is checked, forced to disk and moved over the target, so a cancelled, failed, cut-short or refused download leaves
 * nothing. Project Gutenberg asks robots for one request at a time, so all fetchers share one lock; each request
 * sends a User-Agent that says what Scribe is. Every failure is a {@link ScribeException} with one sentence.
 */
public final class Fetcher {
    public static final String USER_AGENT = "Scribe/0.1.0 (desktop app that trains a character-level network on"
            + " a book; fetches one file at a time, when its user asks)";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock();
    private static final int MAX_REDIRECTS = 5;
    private static final int BUFFER = 64 * 1024;

    /** Looks at the downloaded file before it is kept; throws a {@link ScribeException} to refuse it. */
    @FunctionalInterface
    public interface Check {
        void accept(Path downloaded, String contentType) throws IOException;
    }

    private final Duration timeout;
    private final Rate rate;

    /**
     * The slowest download Scribe waits for: one that ends within {@code deadline}, and receives at least
     * {@code minimumBytes} in every {@code window}, so a server that drips a byte now and then ends it, not hangs it.
     */
    public record Rate(Duration deadline, long minimumBytes, Duration window) {
        public static final Rate DEFAULT = new Rate(Duration.ofMinutes(30), 16 * 1024, Duration.ofMinutes(1));

        String describe() {
            return String.format("at least %,d KB every %d seconds, within %d minutes", minimumBytes / 1024,
                    window.toSeconds(), deadline.toMinutes());
        }
    }

    /** {@code timeout}: for connecting and for each read, so a silent server ends the download rather than hangs. */
    public Fetcher(Duration timeout) {
        this(timeout, Rate.DEFAULT);
    }

    public Fetcher(Duration timeout, Rate rate) {
        this.timeout = timeout;
        this.rate = rate;
    }

    /**
     * Downloads {@code uri} to {@code target} through {@link AtomicFile}, if {@code replace} allows what is there;
     * {@code what} names it in messages ("book 1342"); progress is bytes of the total (0 when the server does not
     * say); a body over {@code maxBytes} is refused as it arrives. The target is locked for the download, and the
     * temporary files that killed downloads of it left are removed.
     */
    public void download(URI uri, String what, Path target, Replace replace, long maxBytes, Progress progress,
                         Cancellation cancel, Check check) {
        ONE_AT_A_TIME.lock();
        try {
            AtomicFile.checkReplaceable(target, replace);
            HttpURLConnection connection = open(uri, what, cancel);
            try (OutputLock lock = OutputLock.acquireFile(target)) {
                long total = connection.getContentLengthLong();
                if (total > maxBytes) {
                    throw tooLarge(what, maxBytes);
                }
                AtomicFile.write(target, replace, out -> {
                    long received = copy(connection, out, total, maxBytes, what, progress, cancel);
                    if (total >= 0 && received < total) {
                        throw truncated(what, received, total);
                    }
                }, part -> check.accept(part, String.valueOf(connection.getContentType())));
            } finally {
                connection.disconnect();
            }
        } catch (ScribeException e) {
            // AtomicFile says what failed in writing; the copy's own failures are the disk's or the connection's.
            if (e.getCause() instanceof DiskFull full) {
                throw new ScribeException("Could not save " + what + ": the disk is full or cannot be written ("
                        + full.getMessage() + "); nothing was saved.", e);
            }
            if (e.getCause() instanceof ConnectionFailed failed) {
                throw failed(what, cancel, problem(uri, failed.cause()), failed.cause());
            }
            throw e;
        } catch (IOException e) {
            throw failed(what, cancel, problem(uri, e), e);
        } finally {
            ONE_AT_A_TIME.unlock();
        }
    }

    /** A write to the disk failed: not the connection's fault. */
    private static final class DiskFull extends IOException {
        DiskFull(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Reading from the server failed. */
    private static final class ConnectionFailed extends IOException {
        ConnectionFailed(IOException cause) {
            super(cause.getMessage(), cause);
        }

        IOException cause() {
            return (IOException) getCause();
        }
    }

    /** Connects, following up to five redirects (across http and https too); returns a 200 response. */
    private HttpURLConnection open(URI uri, String what, Cancellation cancel) throws IOException {
        URI at = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            checkScheme(at);
            HttpURLConnection connection = (HttpURLConnection) at.toURL().openConnection();
            connection.setInstanceFollowRedirects(false);
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) timeout.toMillis());
            connection.setRequestProperty("User-Agent", USER_AGENT);
            cancel.opened(connection);
            int status = connection.getResponseCode();
            if (status == HttpURLConnection.HTTP_OK) {
                return connection;
            }
            connection.disconnect();
            String location = connection.getHeaderField("Location");
            if (status / 100 == 3 && location != null) {
                try {
                    at = at.resolve(location.strip());
                } catch (IllegalArgumentException e) {
                    throw failed(what, cancel, at.getHost() + " redirected to a malformed address", e);
                }
                continue;
            }
            throw failed(what, cancel, refusal(at, status, connection.getResponseMessage()), null);
        }
        throw failed(what, cancel, uri.getHost() + " redirected more than " + MAX_REDIRECTS
                + " times (a redirect loop?)", null);
    }

    private static void checkScheme(URI uri) {
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new ScribeException("Scribe downloads over http and https only, not from " + uri + " (where the"
                    + " mirror redirected).");
        }
    }

    private long copy(HttpURLConnection connection, OutputStream out, long total, long maxBytes, String what,
                      Progress progress, Cancellation cancel) throws IOException {
        long received = 0;
        long start = System.nanoTime();
        long windowStart = start;
        long windowBytes = 0;
        try (InputStream in = connection.getInputStream()) {
            byte[] buffer = new byte[BUFFER];
            progress.reached(0, total);
            for (int n; (n = in.read(buffer)) != -1; ) {
                if (cancel.isCancelled()) {
                    break;
                }
                try {
                    out.write(buffer, 0, n);
                } catch (IOException e) {
                    throw new DiskFull(e);
                }
                received += n;
                windowBytes += n;
                if (received > maxBytes) {
                    throw tooLarge(what, maxBytes);
                }
                long now = System.nanoTime();
                if (now - start > rate.deadline().toNanos()
                        || (now - windowStart > rate.window().toNanos() && windowBytes < rate.minimumBytes())) {
                    throw new ScribeException(String.format("Could not download %s: the server sent %,d bytes too"
                            + " slowly (Scribe waits for %s); nothing was saved. Try again later, or another"
                            + " mirror.", what, received, rate.describe()));
                }
                if (now - windowStart > rate.window().toNanos()) {
                    windowStart = now;
                    windowBytes = 0;
                }
                progress.reached(received, total);
            }
        } catch (DiskFull e) {
            throw e;
        } catch (IOException e) {
            if (total >= 0 && received < total && !cancel.isCancelled() && !(e instanceof SocketTimeoutException)) {
                throw truncated(what, received, total);
            }
            throw new ConnectionFailed(e);
        }
        if (cancel.isCancelled()) {
            throw failed(what, cancel, "", null);
        }
        return received;
    }

    private static ScribeException truncated(String what, long received, long total) {
        return new ScribeException(String.format("Could not download %s: the connection ended after %,d of %,d"
                + " bytes; nothing was saved. Try again.", what, received, total));
    }

    private static ScribeException tooLarge(String what, long maxBytes) {
        return new ScribeException(String.format("Could not download %s: it is larger than %,d MB, more than"
                + " Scribe reads; nothing was saved.", what, maxBytes >> 20));
    }

    private static ScribeException failed(String what, Cancellation cancel, String reason, Throwable cause) {
        if (cancel.isCancelled()) {
            return new ScribeException("The download of " + what + " was cancelled; nothing was saved.", cause);
        }
        return new ScribeException("Could not download " + what + ": " + reason + ".", cause);
    }

    private static String refusal(URI uri, int status, String message) {
        String code = "HTTP " + status + (message == null || message.isBlank() ? "" : " " + message.strip());
        if (status == HttpURLConnection.HTTP_NOT_FOUND || status == HttpURLConnection.HTTP_GONE) {
            return uri.getHost() + " does not have it (" + code + ")";
        }
        if (status >= 500) {
            return uri.getHost() + " failed (" + code + "); try again later, or another mirror";
        }
        return uri.getHost() + " refused the request (" + code + ")";
    }

    /** A clause for a failure of the network itself. */
    private String problem(URI uri, IOException e) {
        String host = uri.getHost();
        if (e instanceof UnknownHostException) {
            return "cannot find the server " + host + " (offline, or the name does not resolve)";
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return "cannot connect to " + host + " (offline, or the server is down)";
        }
        if (e instanceof SocketTimeoutException) {
            long seconds = Math.max(1, timeout.toSeconds());
            return host + " did not answer within " + seconds + (seconds == 1 ? " second" : " seconds");
        }
        if (e instanceof SSLException) {
            return "the secure connection to " + host + " failed (" + e.getMessage() + ")";
        }
        return "the connection to " + host + " failed (" + e.getMessage() + ")";
    }
}
