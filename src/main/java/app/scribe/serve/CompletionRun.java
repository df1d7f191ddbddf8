package app.scribe.serve;

import app.scribe.generation.SamplingSettings;
import app.scribe.model.Stepper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * Writes the choices of one completions request, one character at a time, each on its own state. A stop string
 * ends a choice and is left out of it (as OpenAI does); while the text so far ends with the beginning of a stop
 * string, those characters are held back from the listener, so that a stream never shows a stop string's start
 * that the choice then drops. Choice {@code i} draws with seed {@code seed + i}.
 */
final class CompletionRun {
    /** One generated character: its text, its natural-log probability and, when asked, its likeliest rivals. */
    record Token(String text, double logprob, Map<String, Double> top) {
    }

    /** A finished choice. {@code finishReason} is "stop" (a stop string) or "length" (max_tokens or time). */
    record Choice(int index, List<Token> tokens, String finishReason) {
        String text() {
            StringBuilder out = new StringBuilder();
            tokens.forEach(t -> out.append(t.text()));
            return out.toString();
        }
    }

    /**
     * Receives a choice's characters as soon as they are final (a view, to be used before returning); the last call
     * has the finish reason.
     */
    interface Listener {
        Listener NONE = (index, tokens, finishReason) -> {
        };

        void accept(int index, List<Token> tokens, String finishReason) throws IOException;
    }

    private final ServedModel served;
    private final CompletionRequest request;
    private final SamplingSettings sampling;
    private final int[] context;

    /** Encodes the prompt: throws the model's message when it holds characters the model does not know. */
    CompletionRun(ServedModel served, CompletionRequest request) {
        this.served = served;
        this.request = request;
        this.sampling = request.sampling();
        this.context = request.prompt().isEmpty() ? served.generator.startContext()
                : served.generator.encodePrompt(request.prompt());
    }

    /** Characters of the prompt as the model read it (OpenAI's prompt_tokens). */
    int promptTokens() {
        return request.prompt().isEmpty() ? 0 : context.length;
    }

    /** Writes choice {@code index}; stops (finish reason "length") as soon as {@code stopped} turns true. */
    Choice choice(int index, Listener listener, BooleanSupplier stopped) throws IOException {
        Stepper stepper = served.model.stepper();
        float[] probabilities = null;
        for (int c : context) {
            probabilities = stepper.step(c);
        }
        SplittableRandom random = new SplittableRandom(request.seed() + index);
        List<Token> tokens = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int sent = 0;
        int[] none = new int[0];
        int longestStop = request.stop().stream().mapToInt(String::length).max().orElse(0);
        for (int i = 0; i < request.maxTokens() && !stopped.getAsBoolean(); i++) {
            int next = sampling.pick(probabilities, none, random);
            Token token = token(probabilities, next);
            tokens.add(token);
            text.append(token.text());
            String tail = longestStop == 0 ? "" : text.substring(Math.max(0, text.length() - longestStop));
            int stopAt = stopStart(tail);
            if (stopAt >= 0) {
                int keep = text.length() - tail.length() + stopAt;
                while (text.length() > keep) {
                    text.setLength(text.length() - tokens.remove(tokens.size() - 1).text().length());
                }
                listener.accept(index, tokens.subList(Math.min(sent, tokens.size()), tokens.size()), "stop");
                return new Choice(index, tokens, "stop");
            }
            int ready = tokens.size();
            for (int held = heldBack(tail); held > 0; ready--) {
                held -= tokens.get(ready - 1).text().length();
            }
            if (ready > sent) {
                listener.accept(index, tokens.subList(sent, ready), null);
                sent = ready;
            }
            if (i + 1 < request.maxTokens()) {
                probabilities = stepper.step(next);
            }
        }
        listener.accept(index, tokens.subList(sent, tokens.size()), "length");
        return new Choice(index, tokens, "length");
    }

    private Token token(float[] probabilities, int chosen) {
        double logprob = Math.log(probabilities[chosen]);
        if (request.logprobs() == null) {
            return new Token(served.characters[chosen], logprob, null);
        }
        Map<String, Double> top = new LinkedHashMap<>();
        boolean[] taken = new boolean[probabilities.length];
        for (int k = 0; k < Math.min(request.logprobs(), probabilities.length); k++) {
            int best = -1;
            for (int i = 0; i < probabilities.length; i++) {
                if (!taken[i] && (best < 0 || probabilities[i] > probabilities[best])) {
                    best = i;
                }
            }
            taken[best] = true;
            top.put(served.characters[best], Math.log(probabilities[best]));
        }
        return new Token(served.characters[chosen], logprob, top);
    }

    /** Where in {@code tail} (the text's last characters) a stop string it ends with begins; -1 for none. */
    private int stopStart(String tail) {
        for (String stop : request.stop()) {
            if (tail.endsWith(stop)) {
                return tail.length() - stop.length();
            }
        }
        return -1;
    }

    /** The length of the longest end of {@code tail} that a stop string begins with (and so might yet complete). */
    private int heldBack(String tail) {
        int held = 0;
        for (String stop : request.stop()) {
            for (int k = Math.min(stop.length() - 1, tail.length()); k > held; k--) {
                if (stop.regionMatches(0, tail, tail.length() - k, k)) {
                    held = k;
                    break;
                }
            }
        }
        return held;
    }
}
