package app.scribe.serve;

import app.scribe.ScribeException;
import app.scribe.generation.Generator;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server's defences, over real HTTP: the token, the full queue, a client that leaves mid-stream, a client that
 * sends slowly, the time limit and bodies too large to read.
 */
class ServerLimitsTest {
    static final String TOKEN = "s3cret";
    static final String ENDLESS = "{\"prompt\": \"It\", \"max_tokens\": " + Generator.MAX_LENGTH
            + ", \"stream\": true}";

    @TempDir
    static Path dir;
    static Path modelFile;

    @BeforeAll
    static void train() throws IOException {
        modelFile = TinyModel.train(dir);
    }

    static ServerOptions options(int workers, int queue, String token, int timeLimitSeconds) {
        return new ServerOptions("127.0.0.1", 0, token, workers, queue, 1000, Generator.MAX_LENGTH,
                Duration.ofSeconds(timeLimitSeconds));
    }

    @Test
    void aTokenGuardsEveryEndpointButHealth() throws Exception {
        ScribeServer server = ScribeServer.start(modelFile, options(1, 4, TOKEN, 60));
        try {
            Http anonymous = new Http(server.address(), null);
            Http.Reply refused = anonymous.post("v1/completions", "{\"prompt\": \"It\"}");
            assertEquals(401, refused.status());
            assertEquals("invalid_api_key", refused.error("code"));
            assertEquals("Bearer", refused.raw().headers().firstValue("www-authenticate").orElse(null));
            assertEquals(401, anonymous.get("v1/models").status());
            assertEquals(401, anonymous.post("v1/score", "{\"text\": \"It\"}").status());
            assertEquals(401, new Http(server.address(), "wrong").get("v1/models").status());
            assertEquals(200, anonymous.get("health").status());
            Http client = new Http(server.address(), TOKEN);
            assertEquals(200, client.get("v1/models").status());
            assertEquals(200, client.post("v1/completions", "{\"prompt\": \"It\"}").status());
        } finally {
            server.stop();
        }
    }

    @Test
    void anAddressOtherMachinesCanReachNeedsAToken() {
        ScribeException e = assertThrows(ScribeException.class, () -> ScribeServer.start(modelFile,
                new ServerOptions("0.0.0.0", 0, null, 1, 1, 100, 100, Duration.ofSeconds(5))));
        assertTrue(e.getMessage().contains("--token"), e.getMessage());
        assertThrows(ScribeException.class, () -> new ServerOptions("127.0.0.1", 65_536, null, 1, 1, 100, 100,
                Duration.ofSeconds(5)));
        assertThrows(ScribeException.class, () -> new ServerOptions("127.0.0.1", 0, "two words", 1, 1, 100, 100,
                Duration.ofSeconds(5)));
    }

    @Test
    void aFullQueueIsRefusedWith429AndALeavingClientStopsItsGeneration() throws Exception {
        ScribeServer server = ScribeServer.start(modelFile, options(1, 1, null, 600));
        Http http = new Http(server.address(), null);
        try (RawClient streaming = new RawClient(server.address());
             RawClient waiting = new RawClient(server.address())) {
            streaming.startPost("/v1/completions", ENDLESS.length(), null);
            streaming.send(ENDLESS);
            assertTrue(streaming.readUntil("data: ") != null, "the stream starts");
            String small = "{\"prompt\": \"It\", \"max_tokens\": 5}";
            waiting.startPost("/v1/completions", small.length(), null);
            waiting.send(small);
            http.awaitHealth("queued", 1);

            Http.Reply refused = http.post("v1/completions", small);
            assertEquals(429, refused.status());
            assertEquals("queue_full", refused.error("code"));
            assertEquals("server_busy", refused.error("type"));
            assertEquals("1", refused.raw().headers().firstValue("retry-after").orElse(null));

            streaming.close();
            http.awaitHealth("clients_gone", 1);
            assertEquals("HTTP/1.1 200 OK", waiting.readUntil("HTTP/1.1"));
            http.awaitHealth("busy", 0);
        } finally {
            server.stop();
        }
    }

    @Test
    void aSlowClientHoldsNoWorker() throws Exception {
        ScribeServer server = ScribeServer.start(modelFile, options(1, 1, null, 600));
        Http http = new Http(server.address(), null);
        String body = "{\"prompt\": \"It was\", \"max_tokens\": 10}";
        try (RawClient slow = new RawClient(server.address())) {
            slow.startPost("/v1/completions", body.length(), null);
            slow.send(body.substring(0, 10));
            for (int i = 0; i < 3; i++) {
                assertEquals(200, http.post("v1/completions", body).status(), "served while the slow one sends");
            }
            slow.send(body.substring(10));
            assertEquals("HTTP/1.1 200 OK", slow.readUntil("HTTP/1.1"));
        } finally {
            server.stop();
        }
    }

    @Test
    void aBodyCutShortOfItsLengthIsA400NotAServerError() throws Exception {
        ScribeServer server = ScribeServer.start(modelFile, options(1, 1, null, 600));
        String body = "{\"prompt\": \"a\"}";
        try (RawClient cut = new RawClient(server.address())) {
            cut.startPost("/v1/completions", 100, null);
            cut.send(body);
            cut.endSending();
            assertEquals("HTTP/1.1 400 Bad Request", cut.readUntil("HTTP/1.1"));
            assertEquals("{\"error\":{\"message\":\"The request body ended before its Content-Length of 100 bytes.\","
                    + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"body_incomplete\"}}",
                    cut.readUntil("{"));
        } finally {
            server.stop();
        }
    }

    @Test
    void theTimeLimitEndsALongGeneration() throws Exception {
        ScribeServer server = ScribeServer.start(modelFile, options(1, 1, null, 1));
        try {
            Http.Reply reply = new Http(server.address(), null).post("v1/completions", "{\"prompt\": \"It\","
                    + " \"n\": 16, \"max_tokens\": " + Generator.MAX_LENGTH + "}");
            assertEquals(200, reply.status());
            long characters = 0;
            for (JsonNode choice : reply.json().get("choices")) {
                assertEquals("length", choice.get("finish_reason").asText());
                characters += choice.get("text").asText().length();
            }
            assertTrue(characters < 16L * Generator.MAX_LENGTH, "cut short: " + characters);
        } finally {
            server.stop();
        }
    }

    @Test
    void bodiesOverTheLimitAreRefusedChunkedOrDeclared() throws Exception {
        ScribeServer server = ScribeServer.start(modelFile, options(1, 1, null, 60));
        try {
            byte[] huge = ("{\"prompt\": \"" + "a".repeat((int) ScribeServer.MAX_BODY_BYTES) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            Http http = new Http(server.address(), null);
            Http.Reply reply = http.post("v1/completions",
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)));
            assertEquals(413, reply.status());
            assertEquals("too_large", reply.error("code"));
            try (RawClient enormous = new RawClient(server.address())) {
                enormous.startPost("/v1/completions", Integer.MAX_VALUE, null);
                assertEquals("HTTP/1.1 413 Payload Too Large", enormous.readUntil("HTTP/1.1"),
                        "refused before a byte of the body is sent");
            }
            assertEquals(200, http.get("health").status());
        } finally {
            server.stop();
        }
    }
}
