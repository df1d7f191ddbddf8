package app.scribe.serve;

import app.scribe.ScribeException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

/**
 * Sends each request to its endpoint: checks the method and the bearer token, reads a POST body (at most
 * {@link ScribeServer#MAX_BODY_BYTES}) without holding a thread while it arrives, and answers every refusal with
 * an OpenAI-style error object.
 */
final class Routes extends Handler.Abstract {
    private final Endpoints endpoints;
    private final byte[] expectedAuthorization;
    private final long timeLimitNanos;

    Routes(Endpoints endpoints, ServerOptions options) {
        this.endpoints = endpoints;
        this.expectedAuthorization = options.token() == null ? null
                : ("Bearer " + options.token()).getBytes(StandardCharsets.UTF_8);
        this.timeLimitNanos = options.timeLimit().toNanos();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange exchange = new Exchange(request, response, callback, System.nanoTime() + timeLimitNanos);
        try {
            route(exchange, Request.getPathInContext(request), request.getMethod());
        } catch (ApiError e) {
            exchange.error(e);
        }
        return true;
    }

    private void route(Exchange exchange, String path, String method) {
        switch (path) {
            case "/health" -> {
                requireMethod(method, "GET");
                exchange.json(200, endpoints.health());
            }
            case "/v1/models" -> {
                authorize(exchange.request);
                requireMethod(method, "GET");
                exchange.json(200, endpoints.models());
            }
            case "/v1/completions" -> {
                authorize(exchange.request);
                requireMethod(method, "POST");
                readBody(exchange, endpoints::completions);
            }
            case "/v1/score" -> {
                authorize(exchange.request);
                requireMethod(method, "POST");
                readBody(exchange, endpoints::score);
            }
            default -> throw new ApiError(404, "invalid_request_error", null, "not_found", "There is no " + method
                    + " " + path + " here; the endpoints are POST /v1/completions, POST /v1/score,"
                    + " GET /v1/models and GET /health.");
        }
    }

    private static void requireMethod(String method, String allowed) {
        if (!allowed.equals(method)) {
            throw new ApiError(405, "invalid_request_error", null, "method_not_allowed", "Use " + allowed
                    + " here.");
        }
    }

    /** Constant-time comparison of the whole Authorization header with "Bearer TOKEN". */
    private void authorize(Request request) {
        if (expectedAuthorization == null) {
            return;
        }
        String given = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (given == null || !MessageDigest.isEqual(expectedAuthorization, given.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiError(401, "invalid_request_error", null, "invalid_api_key", "This server needs"
                    + " 'Authorization: Bearer <token>' with the token it was started with.");
        }
    }

    /**
     * Reads the body, then hands its fields to {@code endpoint} on the thread that finished reading it. A body
     * declared larger than the limit is a 413, sent once the body has been read and dropped (up to
     * {@link ScribeServer#MAX_DRAINED_BYTES}), so that a client still sending it reads the answer rather than a reset
     * connection; a body without a declared length is refused as soon as it passes the limit. One that stops
     * arriving before its declared length is a 408 at the idle timeout, one cut short a 400.
     */
    private static void readBody(Exchange exchange, BiConsumer<Exchange, RequestFields> endpoint) {
        long declared = exchange.request.getLength();
        if (declared > ScribeServer.MAX_BODY_BYTES) {
            refuseTooLarge(exchange, declared);
            return;
        }
        Content.Source.asByteArrayAsync(exchange.request, (int) ScribeServer.MAX_BODY_BYTES)
                .whenComplete((body, failure) -> {
                    if (failure != null) {
                        exchange.error(unread(failure, declared));
                        return;
                    }
                    try {
                        endpoint.accept(exchange, RequestFields.parse(body));
                    } catch (ApiError e) {
                        exchange.error(e);
                    } catch (ScribeException e) {
                        exchange.error(ApiError.invalid(null, "invalid_value", e.getMessage()));
                    }
                });
    }

    /** Drops a body of {@code declared} bytes, unless it is too large even for that, and answers 413. */
    private static void refuseTooLarge(Exchange exchange, long declared) {
        if (declared > ScribeServer.MAX_DRAINED_BYTES) {
            exchange.error(tooLarge());
            return;
        }
        Content.Source.consumeAll(exchange.request, Callback.from(() -> exchange.error(tooLarge()),
                exchange::failed));
    }

    private static ApiError tooLarge() {
        return ApiError.tooLarge(null, "The body is larger than this server's limit of "
                + ScribeServer.MAX_BODY_BYTES / 1024 + " KiB.");
    }

    /**
     * Why a body could not be read: it stopped arriving (408, at the idle timeout) or ended early (400), both before
     * the length it declared; else it passed the limit without declaring a length (413).
     */
    private static ApiError unread(Throwable failure, long declared) {
        String promised = declared >= 0 ? "its Content-Length of " + declared + " bytes" : "its end";
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return new ApiError(408, "invalid_request_error", null, "body_timeout", "The request body stopped"
                        + " arriving before " + promised + ": nothing more came for "
                        + ScribeServer.IDLE_TIMEOUT_MILLIS / 1000 + " seconds.");
            }
            if (t instanceof EofException) {
                return ApiError.invalid(null, "body_incomplete", "The request body ended before " + promised + ".");
            }
        }
        return tooLarge();
    }
}
