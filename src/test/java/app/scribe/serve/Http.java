package app.scribe.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The JDK's HttpClient against a running server: JSON in and out, and server-sent events read line by line. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();

    record Reply(int status, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + raw.body(), e);
            }
        }

        /** The error object's field, for a refused request. */
        String error(String field) {
            return json().path("error").path(field).asText(null);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();
    private final URI base;
    private final String token;

    Http(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    Reply post(String path, String body) throws IOException, InterruptedException {
        return post(path, HttpRequest.BodyPublishers.ofString(body));
    }

    Reply post(String path, HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
        return send(request(path).POST(body).build());
    }

    /** Asks {@code /health} until {@code field} reaches {@code value}; fails after a minute. */
    void awaitHealth(String field, long value) throws IOException, InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (get("health").json().get(field).asLong() != value) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError(field + " never reached " + value + ": " + get("health").raw().body());
            }
            Thread.sleep(20);
        }
    }

    /** A streamed completion: the {@code data:} payloads in order, {@code [DONE]} included. */
    List<String> events(String body) throws IOException, InterruptedException {
        HttpResponse<java.util.stream.Stream<String>> response = client.send(
                request("v1/completions").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new AssertionError("status " + response.statusCode());
        }
        if (!response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream")) {
            throw new AssertionError("content type " + response.headers().firstValue("content-type"));
        }
        List<String> events = new ArrayList<>();
        response.body().filter(line -> !line.isEmpty()).forEach(line -> {
            if (!line.startsWith("data: ")) {
                throw new AssertionError("not an event line: " + line);
            }
            events.add(line.substring("data: ".length()));
        });
        return events;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/json");
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response);
    }
}
