package app.scribe.serve;

import app.scribe.ScribeException;
import app.scribe.generation.Generator;

import java.time.Duration;

/**
 * Where a {@link ScribeServer} listens and what it allows each request.
 *
 * @param host           the address to bind: loopback by default; any other needs a token
 * @param port           0 to 65535; 0 takes any free port ({@link ScribeServer#address()} says which)
 * @param token          null, or the bearer token every request but {@code /health} must carry
 * @param workers        requests worked on at once (each on one thread)
 * @param queue          requests that may wait for a worker (at least 1); one more is refused with 429
 * @param maxPromptChars longest prompt or scored text, in characters (413 beyond)
 * @param maxTokens      largest {@code max_tokens}, in characters (400 beyond)
 * @param timeLimit      the most a request may take from its arrival, waiting included: generation stops there
 */
public record ServerOptions(String host, int port, String token, int workers, int queue, int maxPromptChars,
                            int maxTokens, Duration timeLimit) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_QUEUE = 64;
    public static final int DEFAULT_MAX_PROMPT_CHARS = 32_768;
    /** Every allowed prompt fits the request body limit even with every character escaped as two {@code \\uXXXX}. */
    public static final int MAX_PROMPT_CHARS = 65_536;
    public static final int DEFAULT_MAX_TOKENS = 4096;
    public static final int DEFAULT_TIME_LIMIT_SECONDS = 60;
    public static final int MAX_WORKERS = 64;
    public static final int MAX_QUEUE = 10_000;
    public static final int MAX_TIME_LIMIT_SECONDS = 3600;

    public ServerOptions {
        if (host == null || host.isBlank()) {
            throw new ScribeException("--host must name an address (default " + DEFAULT_HOST + ").");
        }
        check("--port", port, 0, 65_535, " (0 takes any free port)");
        if (token != null && (token.isEmpty() || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            throw new ScribeException("--token must be printable ASCII without spaces.");
        }
        check("--workers", workers, 1, MAX_WORKERS, "");
        check("--queue", queue, 1, MAX_QUEUE, "");
        check("--max-prompt", maxPromptChars, 1, MAX_PROMPT_CHARS, " characters");
        check("--max-tokens", maxTokens, 1, Generator.MAX_LENGTH, " characters");
        if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()
                || timeLimit.compareTo(Duration.ofSeconds(MAX_TIME_LIMIT_SECONDS)) > 0) {
            throw new ScribeException("--time-limit must be between 1 and " + MAX_TIME_LIMIT_SECONDS + " seconds (got "
                    + (timeLimit == null ? "none" : timeLimit.toSeconds()) + ").");
        }
    }

    /** Loopback on port 8080, no token, one worker per core, and the default limits. */
    public static ServerOptions defaults() {
        return new ServerOptions(DEFAULT_HOST, DEFAULT_PORT, null, defaultWorkers(), DEFAULT_QUEUE,
                DEFAULT_MAX_PROMPT_CHARS, DEFAULT_MAX_TOKENS, Duration.ofSeconds(DEFAULT_TIME_LIMIT_SECONDS));
    }

    public ServerOptions withPort(int newPort) {
        return new ServerOptions(host, newPort, token, workers, queue, maxPromptChars, maxTokens, timeLimit);
    }

    /** One worker per core: generation is pure computation, so more would only share the cores. */
    public static int defaultWorkers() {
        return Math.min(MAX_WORKERS, Runtime.getRuntime().availableProcessors());
    }

    private static void check(String name, int value, int min, int max, String unit) {
        if (value < min || value > max) {
            throw new ScribeException(name + " must be between " + min + " and " + max + unit + " (got " + value
                    + ").");
        }
    }
}
