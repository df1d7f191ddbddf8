package app.scribe.serve;

import app.scribe.ScribeException;
import app.scribe.persistence.ModelFile;
import app.scribe.persistence.SavedModel;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.net.InetAddress;
import java.net.Inet6Address;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * A model served over HTTP (see the package). Start it with {@link #start(Path, ServerOptions)} or, for a model
 * already in memory, {@link #start(SavedModel, String, ServerOptions)}; {@link #address()} is where it listens;
 * {@link #stop()} ends it. The model is read once and never written.
 */
public final class ScribeServer {
    /** Larger request bodies are refused with 413. */
    public static final long MAX_BODY_BYTES = 1 << 20;
    /** A refused body up to this size is read and dropped before the 413, so that its sender sees the answer. */
    static final long MAX_DRAINED_BYTES = 16L << 20;
    /** A connection that neither sends nor takes anything for this long is closed. */
    static final long IDLE_TIMEOUT_MILLIS = 30_000;
    /** Network threads: they only parse and route, the model runs on the workers. */
    private static final int MAX_NETWORK_THREADS = 32;

    private final Server jetty;
    private final ServerConnector connector;
    private final Workers workers;
    private final String host;

    private ScribeServer(ServedModel served, ServerOptions options) {
        this.workers = new Workers(options.workers(), options.queue());
        QueuedThreadPool threads = new QueuedThreadPool(MAX_NETWORK_THREADS, 2);
        threads.setName("scribe-http");
        threads.setDaemon(true);
        this.jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        this.connector = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(options.host());
        connector.setPort(options.port());
        connector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
        jetty.addConnector(connector);
        jetty.setHandler(new Routes(new Endpoints(served, options, workers), options));
        this.host = options.host();
    }

    /** Loads {@code modelFile} (read only) and serves it under its file name without {@code .scribe}. */
    public static ScribeServer start(Path modelFile, ServerOptions options) {
        checkHost(options);
        SavedModel saved = new ModelFile().load(modelFile);
        Path name = modelFile.getFileName();
        return start(saved, ServedModel.idOf(name == null ? "model" : name.toString()), options);
    }

    /**
     * Serves a model already loaded, under {@code name}. Its weights are copied now: training it further, or
     * loading another, does not change what this server answers with.
     */
    public static ScribeServer start(SavedModel saved, String name, ServerOptions options) {
        checkHost(options);
        ScribeServer server = new ScribeServer(new ServedModel(name, saved, System.currentTimeMillis() / 1000),
                options);
        try {
            server.jetty.start();
        } catch (Exception e) {
            server.stop();
            throw new ScribeException("Cannot listen on " + options.host() + " port " + options.port() + " ("
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()) + "); pick another --port,"
                    + " or 0 for any free one.");
        }
        return server;
    }

    /**
     * A host other than loopback can be reached from other machines: it needs a token. A name that does not resolve
     * is refused here rather than by the bind.
     */
    private static void checkHost(ServerOptions options) {
        InetAddress address;
        try {
            address = InetAddress.getByName(options.host());
        } catch (UnknownHostException e) {
            throw new ScribeException("--host " + options.host() + " is not a known address.");
        }
        if (!address.isLoopbackAddress() && options.token() == null) {
            throw new ScribeException("--host " + options.host() + " can be reached from other machines: give a"
                    + " --token that clients must send (Authorization: Bearer TOKEN), or serve on 127.0.0.1.");
        }
    }

    /** Where the server listens, for example {@code http://127.0.0.1:8080/}; the OpenAI base URL adds {@code v1}. */
    public URI address() {
        String shown = host;
        try {
            if (InetAddress.getByName(host) instanceof Inet6Address) {
                shown = "[" + host + "]";
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException("the host resolved at start", e);
        }
        return URI.create("http://" + shown + ":" + connector.getLocalPort() + "/");
    }

    /**
     * Stops taking requests, ends the running generations at their next character, and closes the connections.
     * Safe to call more than once.
     */
    public void stop() {
        workers.stop();
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty failed to stop", e);
        }
    }
}
