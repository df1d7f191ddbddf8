package app.scribe.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * OpenAI's completion objects for one request: the whole response, or the chunks of a stream (the same object,
 * one choice with the characters since the last chunk). {@code logprobs} follows OpenAI's legacy layout: tokens,
 * token_logprobs, top_logprobs and text_offset (counted from the start of the prompt).
 */
final class CompletionJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String id = "cmpl-" + UUID.randomUUID();
    private final long created = System.currentTimeMillis() / 1000;
    private final String model;
    private final boolean logprobs;
    private final int promptLength;

    CompletionJson(String model, CompletionRequest request) {
        this.model = model;
        this.logprobs = request.logprobs() != null;
        this.promptLength = request.prompt().length();
    }

    /** A stream's chunk: choice {@code index}'s tokens from UTF-16 offset {@code offset} of its text. */
    ObjectNode chunk(int index, List<CompletionRun.Token> tokens, int offset, String finishReason) {
        ObjectNode chunk = head();
        chunk.putArray("choices").add(choice(index, tokens, offset, finishReason));
        return chunk;
    }

    ObjectNode response(List<CompletionRun.Choice> choices, int promptTokens) {
        ObjectNode response = head();
        ArrayNode array = response.putArray("choices");
        int completionTokens = 0;
        for (CompletionRun.Choice c : choices) {
            array.add(choice(c.index(), c.tokens(), 0, c.finishReason()));
            completionTokens += c.tokens().size();
        }
        ObjectNode usage = response.putObject("usage");
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", promptTokens + completionTokens);
        return response;
    }

    private ObjectNode head() {
        ObjectNode head = NODES.objectNode();
        head.put("id", id);
        head.put("object", "text_completion");
        head.put("created", created);
        head.put("model", model);
        return head;
    }

    private ObjectNode choice(int index, List<CompletionRun.Token> tokens, int offset, String finishReason) {
        ObjectNode choice = NODES.objectNode();
        StringBuilder text = new StringBuilder();
        tokens.forEach(t -> text.append(t.text()));
        choice.put("text", text.toString());
        choice.put("index", index);
        if (logprobs) {
            choice.set("logprobs", logprobs(tokens, promptLength + offset));
        } else {
            choice.putNull("logprobs");
        }
        choice.put("finish_reason", finishReason);
        return choice;
    }

    private static ObjectNode logprobs(List<CompletionRun.Token> tokens, int offset) {
        ObjectNode node = NODES.objectNode();
        ArrayNode texts = node.putArray("tokens");
        ArrayNode values = node.putArray("token_logprobs");
        ArrayNode tops = node.putArray("top_logprobs");
        ArrayNode offsets = node.putArray("text_offset");
        int at = offset;
        for (CompletionRun.Token t : tokens) {
            texts.add(t.text());
            values.add(t.logprob());
            ObjectNode top = tops.addObject();
            for (Map.Entry<String, Double> e : t.top().entrySet()) {
                top.put(e.getKey(), e.getValue());
            }
            offsets.add(at);
            at += t.text().length();
        }
        return node;
    }
}
