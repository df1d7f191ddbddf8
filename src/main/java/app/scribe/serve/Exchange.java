package app.scribe.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One request and its answer: a JSON body written at once, or a stream of server-sent events written from a worker
 * (each event waits until it is handed to the network, so a client that is gone fails the next write). Jetty's
 * callback is completed exactly once, when the answer is written or has failed.
 */
final class Exchange {
    static final String JSON_TYPE = "application/json";

    final Request request;
    private final Response response;
    private final Callback callback;
    private final long deadlineNanos;

    Exchange(Request request, Response response, Callback callback, long deadlineNanos) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.deadlineNanos = deadlineNanos;
    }

    /** Whether the request's time limit, counted from its arrival, has passed. */
    boolean expired() {
        return System.nanoTime() - deadlineNanos > 0;
    }

    void json(int status, JsonNode body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON_TYPE);
        response.write(true, ByteBuffer.wrap(bytes(body)), callback);
    }

    void error(ApiError error) {
        if (error.status == 429 || error.status == 503) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
        } else if (error.status == 401) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
        }
        json(error.status, error.body());
    }

    /** After a failure nothing more is written: a failed write ends the exchange (and its connection). */
    void failed(Throwable failure) {
        callback.failed(failure);
    }

    boolean committed() {
        return response.isCommitted();
    }

    /** Starts an event stream: status 200 and the headers go out with the first event. */
    void startEvents() {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
    }

    /** One {@code data:} event; throws when the client is gone. */
    void event(JsonNode data) throws IOException {
        write(false, "data: " + new String(bytes(data), StandardCharsets.UTF_8) + "\n\n");
    }

    /** OpenAI's last event, {@code data: [DONE]}, and the end of the answer. */
    void endEvents() throws IOException {
        write(true, "data: [DONE]\n\n");
        callback.succeeded();
    }

    private void write(boolean last, String text) throws IOException {
        try (Blocker.Callback written = Blocker.callback()) {
            response.write(last, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), written);
            written.block();
        }
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return RequestFields.JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
