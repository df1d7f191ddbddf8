package app.scribe.serve;

import app.scribe.analysis.Tracer;
import app.scribe.generation.Generator;
import app.scribe.model.ParameterSet;
import app.scribe.generation.SamplingSettings;
import app.scribe.generation.StopRule;
import app.scribe.persistence.ModelFile;
import app.scribe.persistence.SavedModel;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A running server on a small model, asked over real HTTP by the JDK's client: what each endpoint answers. */
class ScribeServerTest {
    static final String PROMPT = "It was the ";

    @TempDir
    static Path dir;
    static Path modelFile;
    static byte[] modelBytes;
    static FileTime modelTime;
    static SavedModel saved;
    static ScribeServer server;
    static Http http;

    @BeforeAll
    static void serve() throws IOException {
        modelFile = TinyModel.train(dir);
        modelBytes = Files.readAllBytes(modelFile);
        modelTime = Files.getLastModifiedTime(modelFile);
        saved = new ModelFile().load(modelFile);
        server = ScribeServer.start(modelFile, new ServerOptions("127.0.0.1", 0, null, 2, 8, 1000, 2000,
                Duration.ofSeconds(60)));
        http = new Http(server.address(), null);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static String completion(String fields) {
        return "{\"model\": \"vf\", \"prompt\": \"" + PROMPT + "\", " + fields + "}";
    }

    @Test
    void listensOnLoopbackAndReportsHealthAndTheModelCard() throws Exception {
        assertEquals("127.0.0.1", server.address().getHost());
        assertTrue(server.address().getPort() > 0);
        Http.Reply health = http.get("health");
        assertEquals(200, health.status());
        assertEquals("ok", health.json().get("status").asText());
        assertEquals(2, health.json().get("workers").asInt());

        JsonNode models = http.get("v1/models").json();
        assertEquals("list", models.get("object").asText());
        JsonNode card = models.get("data").get(0);
        assertEquals("vf", card.get("id").asText());
        assertEquals("model", card.get("object").asText());
        assertEquals("vf.txt", card.get("book").asText());
        assertEquals("lstm", card.get("cell").asText());
        assertEquals("1 x 32", card.get("size").asText());
        assertEquals(60, card.get("step").asLong());
        assertEquals(saved.history().lastValidationLoss(), card.get("validation_loss").asDouble(), 1e-12);
    }

    @Test
    void greedyCompletionIsTheGeneratorsTextInOpenAisShape() throws Exception {
        Http.Reply reply = http.post("v1/completions", completion("\"max_tokens\": 30, \"temperature\": 0"));
        assertEquals(200, reply.status(), reply.raw().body());
        assertTrue(reply.raw().headers().firstValue("content-type").orElse("").startsWith("application/json"));
        JsonNode body = reply.json();
        assertTrue(body.get("id").asText().startsWith("cmpl-"));
        assertEquals("text_completion", body.get("object").asText());
        assertEquals("vf", body.get("model").asText());
        JsonNode choice = body.get("choices").get(0);
        String expected = new Generator(saved.model(), saved.vocabulary()).generate(PROMPT, 30,
                SamplingSettings.greedy(), 1, StopRule.never(), ch -> { }, () -> false).text();
        assertEquals(expected, choice.get("text").asText());
        assertEquals(0, choice.get("index").asInt());
        assertEquals("length", choice.get("finish_reason").asText());
        assertTrue(choice.get("logprobs").isNull());
        assertEquals(PROMPT.length(), body.get("usage").get("prompt_tokens").asInt());
        assertEquals(30, body.get("usage").get("completion_tokens").asInt());
        assertEquals(PROMPT.length() + 30, body.get("usage").get("total_tokens").asInt());
    }

    @Test
    void aSeedRepeatsTheTextAndEachChoiceDrawsWithTheNextSeed() throws Exception {
        JsonNode two = http.post("v1/completions", completion("\"max_tokens\": 40, \"seed\": 5, \"n\": 2")).json();
        JsonNode again = http.post("v1/completions", completion("\"max_tokens\": 40, \"seed\": 5, \"n\": 2")).json();
        JsonNode next = http.post("v1/completions", completion("\"max_tokens\": 40, \"seed\": 6")).json();
        assertEquals(two.get("choices"), again.get("choices"));
        assertEquals(2, two.get("choices").size());
        assertEquals(1, two.get("choices").get(1).get("index").asInt());
        assertEquals(next.get("choices").get(0).get("text"), two.get("choices").get(1).get("text"));
        String expected = new Generator(saved.model(), saved.vocabulary()).generate(PROMPT, 40,
                SamplingSettings.plain(), 5, StopRule.never(), ch -> { }, () -> false).text();
        assertEquals(expected, two.get("choices").get(0).get("text").asText());
        assertEquals(80, two.get("usage").get("completion_tokens").asInt());
    }

    @Test
    void clientsAtOnceEachGetTheirOwnState() throws Exception {
        String request = completion("\"max_tokens\": 150, \"seed\": 11, \"logprobs\": 1");
        JsonNode alone = http.post("v1/completions", request).json().get("choices");
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<JsonNode>> together = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                together.add(clients.submit(() -> http.post("v1/completions", request).json().get("choices")));
            }
            for (Future<JsonNode> answer : together) {
                assertEquals(alone, answer.get(), "eight at once write what one alone writes");
            }
        } finally {
            clients.shutdown();
        }
    }

    @Test
    void aStopStringEndsTheChoiceAndIsLeftOut() throws Exception {
        String free = http.post("v1/completions", completion("\"max_tokens\": 300, \"seed\": 9")).json()
                .get("choices").get(0).get("text").asText();
        int at = free.indexOf("e ");
        assertTrue(at >= 0, "the model writes 'e ' within 300 characters: " + free);
        JsonNode stopped = http.post("v1/completions", completion("\"max_tokens\": 300, \"seed\": 9,"
                + " \"stop\": [\"e \", \"zzz\"]")).json().get("choices").get(0);
        assertEquals(free.substring(0, at), stopped.get("text").asText());
        assertEquals("stop", stopped.get("finish_reason").asText());
    }

    @Test
    void aStreamSendsTheSameTextAsEventsEndingWithDone() throws Exception {
        String fields = "\"max_tokens\": 120, \"seed\": 3, \"stop\": \"e \", \"logprobs\": 3";
        JsonNode whole = http.post("v1/completions", completion(fields)).json().get("choices").get(0);
        List<String> events = http.events(completion(fields + ", \"stream\": true"));
        assertEquals("[DONE]", events.get(events.size() - 1));
        StringBuilder text = new StringBuilder();
        List<JsonNode> tokens = new ArrayList<>();
        String finish = null;
        for (String event : events.subList(0, events.size() - 1)) {
            JsonNode chunk = Http.JSON.readTree(event);
            assertEquals("text_completion", chunk.get("object").asText());
            JsonNode choice = chunk.get("choices").get(0);
            assertFalse(choice.get("text").asText().contains("e "), "a stop string never shows: " + event);
            text.append(choice.get("text").asText());
            choice.get("logprobs").get("top_logprobs").forEach(tokens::add);
            if (!choice.get("finish_reason").isNull()) {
                finish = choice.get("finish_reason").asText();
            }
        }
        assertTrue(events.size() > 3, "one event per character: " + events);
        assertEquals(whole.get("text").asText(), text.toString());
        assertEquals(whole.get("finish_reason").asText(), finish);
        assertEquals(whole.get("logprobs").get("top_logprobs").size(), tokens.size());
        for (JsonNode top : tokens) {
            assertEquals(3, top.size(), top.toString());
        }
    }

    @Test
    void logprobsGiveEachCharacterAndItsLikeliestRivals() throws Exception {
        JsonNode choice = http.post("v1/completions", completion("\"max_tokens\": 20, \"temperature\": 0,"
                + " \"logprobs\": 4")).json().get("choices").get(0);
        JsonNode logprobs = choice.get("logprobs");
        assertEquals(20, logprobs.get("tokens").size());
        for (int i = 0; i < 20; i++) {
            JsonNode top = logprobs.get("top_logprobs").get(i);
            assertEquals(4, top.size());
            double previous = 0;
            for (JsonNode value : top) {
                assertTrue(value.asDouble() <= previous);
                previous = value.asDouble();
            }
            String token = logprobs.get("tokens").get(i).asText();
            assertEquals(top.fieldNames().next(), token, "greedy takes the likeliest");
            assertEquals(top.get(token).asDouble(), logprobs.get("token_logprobs").get(i).asDouble(), 1e-12);
            assertEquals(PROMPT.length() + i, logprobs.get("text_offset").get(i).asInt());
        }
    }

    @Test
    void scoreGivesBitsPerCharacterAndEachCharactersSurprise() throws Exception {
        String text = "She was a little person.";
        JsonNode score = http.post("v1/score", "{\"text\": \"" + text + "\"}").json();
        double expected = new Tracer(saved.model(), saved.vocabulary()).score("", text).bitsPerCharacter();
        assertEquals(expected, score.get("bits_per_character").asDouble(), 1e-9);
        assertEquals(text.length(), score.get("surprise").size());
        double sum = 0;
        for (JsonNode character : score.get("surprise")) {
            sum += character.get("bits").asDouble();
        }
        assertEquals(expected, sum / text.length(), 1e-9);
        assertEquals("S", score.get("surprise").get(0).get("char").asText());

        JsonNode unknown = http.post("v1/score", "{\"text\": \"a\u2211b\"}").json();
        assertEquals(1, unknown.get("skipped").asInt());
        assertTrue(unknown.get("surprise").get(1).get("bits").isNull());
    }

    @Test
    void malformedJsonIsDescribedInPlainWords() throws Exception {
        String[][] cases = {
                {"{\"prompt\": \"a\", \"temperature\": NaN}", "The body is not valid JSON: NaN is not a number JSON"
                        + " allows (line 1, column 35)."},
                {"{\"prompt\": \"a\", \"prompt\": \"b\"}", "The field 'prompt' is given twice."},
                {"[".repeat(1200) + "]".repeat(1200), "The body is not valid JSON: it is nested deeper than 1000"
                        + " levels."},
                {"{\"prompt\": \"a\"} {}", "The body is not valid JSON: more follows the end of its value (line 1,"
                        + " column 17)."},
        };
        for (String[] c : cases) {
            for (String endpoint : new String[]{"v1/completions", "v1/score"}) {
                Http.Reply reply = http.post(endpoint, c[0]);
                assertEquals(400, reply.status(), c[0]);
                assertEquals(c[1], reply.error("message"), c[0]);
            }
        }
    }

    @Test
    void badRequestsGetAnOpenAiErrorNamingTheField() throws Exception {
        Object[][] cases = {
                {"{\"prompt\": ", 400, null, "invalid_json"},
                {"[1, 2]", 400, null, "invalid_json"},
                {"{\"prompt\": 5}", 400, "prompt", "invalid_type"},
                {"{\"max_tokens\": \"many\"}", 400, "max_tokens", "invalid_type"},
                {"{\"max_tokens\": 2.5}", 400, "max_tokens", "invalid_type"},
                {"{\"max_tokens\": 2001}", 400, "max_tokens", "invalid_value"},
                {"{\"max_tokens\": 0}", 400, "max_tokens", "invalid_value"},
                {"{\"temperature\": -1}", 400, "temperature", "invalid_value"},
                {"{\"top_p\": 0}", 400, "top_p", "invalid_value"},
                {"{\"n\": 17}", 400, "n", "invalid_value"},
                {"{\"stream\": \"yes\"}", 400, "stream", "invalid_type"},
                {"{\"stop\": [1]}", 400, "stop", "invalid_type"},
                {"{\"stop\": [\"a\", \"b\", \"c\", \"d\", \"e\"]}", 400, "stop", "invalid_type"},
                {"{\"stop\": \"\"}", 400, "stop", "invalid_value"},
                {"{\"logprobs\": 6}", 400, "logprobs", "invalid_value"},
                {"{\"seed\": 1e3}", 400, "seed", "invalid_type"},
                {"{\"prompt\": \"\u2211\"}", 400, "prompt", "unknown_characters"},
                {"{\"prompt\": \"" + "a".repeat(1001) + "\"}", 413, "prompt", "too_large"},
        };
        for (Object[] c : cases) {
            Http.Reply reply = http.post("v1/completions", (String) c[0]);
            assertEquals(c[1], reply.status(), (String) c[0]);
            assertEquals(c[2], reply.error("param"), (String) c[0]);
            assertEquals(c[3], reply.error("code"), (String) c[0]);
            assertEquals("invalid_request_error", reply.error("type"));
            assertFalse(reply.error("message").isBlank());
        }
        assertEquals("missing", http.post("v1/score", "{}").error("code"));
        assertEquals("invalid_type", http.post("v1/score", "{\"text\": true}").error("code"));
        assertEquals(413, http.post("v1/score", "{\"text\": \"" + "a".repeat(1001) + "\"}").status());
        assertEquals(404, http.get("v1/chat/completions").status());
        assertEquals(405, http.get("v1/completions").status());
        assertEquals(405, http.post("v1/models", "{}").status());
    }

    @Test
    void aBodyOverTheLimitIsRefused() throws Exception {
        String huge = "{\"prompt\": \"" + "a".repeat((int) ScribeServer.MAX_BODY_BYTES) + "\"}";
        Http.Reply reply = http.post("v1/completions", huge);
        assertEquals(413, reply.status());
        assertEquals("too_large", reply.error("code"));
        assertEquals(200, http.get("health").status(), "the server goes on");
    }

    @Test
    void theAppsWayInServesASnapshotOfAModelInMemory() throws Exception {
        SavedModel own = new ModelFile().load(modelFile);
        ScribeServer app = ScribeServer.start(own, "in memory", ServerOptions.defaults().withPort(0));
        try {
            Http client = new Http(app.address(), null);
            assertEquals("in memory", client.get("v1/models").json().get("data").get(0).get("id").asText());
            String greedy = completion("\"max_tokens\": 40, \"temperature\": 0");
            JsonNode before = client.post("v1/completions", greedy).json().get("choices");
            ParameterSet parameters = own.model().parameters();
            parameters.arrays().values().forEach(a -> Arrays.fill(a.data(), 0f));
            own.model().load(parameters);
            assertEquals(before, client.post("v1/completions", greedy).json().get("choices"),
                    "changing the app's model after the start changes nothing served");
        } finally {
            app.stop();
            app.stop();
        }
    }

    @Test
    void theModelFileIsNeverWritten() throws Exception {
        http.post("v1/completions", completion("\"max_tokens\": 50"));
        http.post("v1/score", "{\"text\": \"abc\"}");
        assertArrayEquals(modelBytes, Files.readAllBytes(modelFile));
        assertEquals(modelTime, Files.getLastModifiedTime(modelFile));
    }
}
