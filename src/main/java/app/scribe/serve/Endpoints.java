package app.scribe.serve;

import app.scribe.ErrorLog;
import app.scribe.ScribeException;
import app.scribe.analysis.TextScore;
import app.scribe.analysis.TextTrace;
import app.scribe.analysis.Tracer;
import app.scribe.model.Progress;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/**
 * What each endpoint does. A POST body is checked on the network thread (a bad one is answered at once); the
 * model's work is then queued for a worker, or refused with 429 when the queue is full.
 */
final class Endpoints {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ServedModel served;
    private final ServerOptions options;
    private final Workers workers;

    Endpoints(ServedModel served, ServerOptions options, Workers workers) {
        this.served = served;
        this.options = options;
        this.workers = workers;
    }

    ObjectNode health() {
        ObjectNode health = NODES.objectNode();
        health.put("status", workers.stopping() ? "stopping" : "ok");
        health.put("model", served.id);
        health.put("workers", workers.size());
        health.put("busy", workers.busy());
        health.put("queued", workers.queued());
        health.put("served", workers.served());
        health.put("clients_gone", workers.clientsGone());
        return health;
    }

    ObjectNode models() {
        ObjectNode list = NODES.objectNode();
        list.put("object", "list");
        list.putArray("data").add(served.card());
        return list;
    }

    void completions(Exchange exchange, RequestFields fields) {
        CompletionRequest request = CompletionRequest.parse(fields, options, ThreadLocalRandom.current().nextLong());
        CompletionRun run;
        try {
            run = new CompletionRun(served, request);
        } catch (ScribeException e) {
            throw ApiError.invalid("prompt", "unknown_characters", e.getMessage());
        }
        queue(exchange, () -> complete(exchange, request, run));
    }

    void score(Exchange exchange, RequestFields fields) {
        String text = fields.string("text", null);
        if (text == null || text.isEmpty()) {
            throw ApiError.invalid("text", "missing", "'text' must be a non-empty string: the text to score.");
        }
        String context = fields.string("context", "");
        checkLength("text", text);
        checkLength("context", context);
        if (!context.isEmpty()) {
            try {
                served.generator.encodePrompt(context);
            } catch (ScribeException e) {
                throw ApiError.invalid("context", "unknown_characters", e.getMessage());
            }
        }
        queue(exchange, () -> score(exchange, text, context));
    }

    private void checkLength(String name, String text) {
        int length = text.codePointCount(0, text.length());
        if (length > options.maxPromptChars()) {
            throw ApiError.tooLarge(name, "'" + name + "' has " + length + " characters; this server takes at most "
                    + options.maxPromptChars() + ".");
        }
    }

    private void queue(Exchange exchange, Runnable work) {
        boolean queued = workers.offer(() -> {
            if (exchange.expired()) {
                exchange.error(ApiError.busy(503, "timeout", "The request waited longer than the server's time"
                        + " limit of " + options.timeLimit().toSeconds() + " s for a worker; try again."));
                return;
            }
            try {
                work.run();
            } catch (RuntimeException e) {
                ErrorLog.write(e);
                if (exchange.committed()) {
                    exchange.failed(e);
                } else {
                    exchange.error(new ApiError(500, "server_error", null, "internal_error",
                            "The server failed to answer: " + e));
                }
            }
        });
        if (!queued) {
            throw ApiError.busy(429, "queue_full", "All " + workers.size() + " workers are busy and the queue is"
                    + " full; try again shortly.");
        }
    }

    private BooleanSupplier stopped(Exchange exchange) {
        return () -> exchange.expired() || workers.stopping();
    }

    private void complete(Exchange exchange, CompletionRequest request, CompletionRun run) {
        CompletionJson json = new CompletionJson(served.id, request);
        try {
            if (!request.stream()) {
                List<CompletionRun.Choice> choices = new ArrayList<>();
                for (int i = 0; i < request.n(); i++) {
                    choices.add(run.choice(i, CompletionRun.Listener.NONE, stopped(exchange)));
                }
                exchange.json(200, json.response(choices, run.promptTokens()));
                return;
            }
            exchange.startEvents();
            for (int i = 0; i < request.n(); i++) {
                int[] offset = {0};
                run.choice(i, (index, tokens, finish) -> {
                    exchange.event(json.chunk(index, tokens, offset[0], finish));
                    tokens.forEach(t -> offset[0] += t.text().length());
                }, stopped(exchange));
            }
            exchange.endEvents();
        } catch (IOException e) {
            workers.clientGone();
            exchange.failed(e);
        }
    }

    private void score(Exchange exchange, String text, String context) {
        Tracer tracer = new Tracer(served.model, served.vocabulary);
        String prepared = served.vocabulary.prepare(text);
        TextTrace trace = tracer.trace(context, prepared, false, Progress.NONE, stopped(exchange));
        if (trace.length() < prepared.codePointCount(0, prepared.length())) {
            exchange.error(ApiError.busy(503, "timeout", "Scoring took longer than the server's time limit of "
                    + options.timeLimit().toSeconds() + " s; score a shorter text."));
            return;
        }
        TextScore score = trace.score();
        ObjectNode body = NODES.objectNode();
        body.put("object", "score");
        body.put("model", served.id);
        body.put("characters", score.characters());
        body.put("scored", score.known());
        body.put("skipped", score.unknown());
        if (score.known() == 0) {
            body.putNull("bits_per_character");
        } else {
            body.put("bits_per_character", score.bitsPerCharacter());
        }
        ArrayNode surprise = body.putArray("surprise");
        for (int i = 0; i < trace.length(); i++) {
            ObjectNode character = surprise.addObject();
            character.put("char", Character.toString(trace.codePoint(i)));
            if (trace.known(i)) {
                character.put("bits", trace.surprise(i));
            } else {
                character.putNull("bits");
            }
        }
        exchange.json(200, body);
    }
}
