package app.scribe.cli;

import app.scribe.Printable;
import app.scribe.StopSignals;
import app.scribe.serve.ScribeServer;
import app.scribe.serve.ServerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code serve}: answers HTTP requests with a model (see {@link ScribeServer}) until Ctrl-C or SIGTERM, then stops
 * cleanly and exits with 0. A port in use, a bad option or a damaged model exits with 2 and one {@code error:} line.
 */
@Command(name = "serve", description = "Serve a model over HTTP: OpenAI-style completions, scoring and the model's"
        + " card, on 127.0.0.1 unless told otherwise.")
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "the model file (.scribe); it is only read")
    Path modelFile;

    @Option(names = "--port", description = "the port (default " + ServerOptions.DEFAULT_PORT + "; 0 for any free"
            + " one)")
    int port = ServerOptions.DEFAULT_PORT;

    @Option(names = "--host", description = "the address to listen on (default " + ServerOptions.DEFAULT_HOST
            + "); any other than loopback needs --token")
    String host = ServerOptions.DEFAULT_HOST;

    @Option(names = "--token", description = "a token every request must send as 'Authorization: Bearer TOKEN'"
            + " (/health excepted)")
    String token;

    @Option(names = "--workers", description = "requests worked on at once (default: one per core)")
    int workers = ServerOptions.defaultWorkers();

    @Option(names = "--queue", description = "requests that may wait for a worker; more get 429 (default "
            + ServerOptions.DEFAULT_QUEUE + ")")
    int queue = ServerOptions.DEFAULT_QUEUE;

    @Option(names = "--max-prompt", description = "longest prompt or scored text, in characters (default "
            + ServerOptions.DEFAULT_MAX_PROMPT_CHARS + ", at most " + ServerOptions.MAX_PROMPT_CHARS + ")")
    int maxPrompt = ServerOptions.DEFAULT_MAX_PROMPT_CHARS;

    @Option(names = "--max-tokens", description = "largest max_tokens a request may ask for, in characters"
            + " (default " + ServerOptions.DEFAULT_MAX_TOKENS + ")")
    int maxTokens = ServerOptions.DEFAULT_MAX_TOKENS;

    @Option(names = "--time-limit", description = "seconds a request may take from its arrival, waiting included"
            + " (default " + ServerOptions.DEFAULT_TIME_LIMIT_SECONDS + ")")
    int timeLimit = ServerOptions.DEFAULT_TIME_LIMIT_SECONDS;

    @Override
    public Integer call() throws InterruptedException {
        ServerOptions options = new ServerOptions(host, port, token, workers, queue, maxPrompt, maxTokens,
                Duration.ofSeconds(timeLimit));
        CountDownLatch stop = new CountDownLatch(1);
        try (StopSignals signals = new StopSignals(signal -> stop.countDown())) {
            ScribeServer server = ScribeServer.start(modelFile, options);
            PrintWriter out = spec.commandLine().getOut();
            out.println("serving " + Printable.escape(String.valueOf(modelFile.getFileName())) + " at " + server.address() + " (OpenAI base URL "
                    + server.address() + "v1); Ctrl-C stops it");
            out.flush();
            stop.await();
            server.stop();
            out.println("stopped");
            out.flush();
        }
        return 0;
    }
}
