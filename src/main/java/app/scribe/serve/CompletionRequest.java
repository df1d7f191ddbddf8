package app.scribe.serve;

import app.scribe.generation.SamplingSettings;

import java.util.List;

/**
 * The part of OpenAI's completions request that fits a character model. {@code max_tokens} counts characters and
 * defaults to OpenAI's 16; {@code temperature} 0 means greedy; {@code logprobs} (0-5) asks for each character's
 * log-probability and its likeliest alternatives; without {@code seed} every request draws its own.
 */
record CompletionRequest(String prompt, int maxTokens, double temperature, double topP, int n, List<String> stop,
                         long seed, boolean stream, Integer logprobs) {
    static final int DEFAULT_MAX_TOKENS = 16;
    static final int MAX_N = 16;
    static final int MAX_STOPS = 4;
    static final int MAX_LOGPROBS = 5;

    /** Reads and checks a request body's fields against the server's limits; throws an {@link ApiError}. */
    static CompletionRequest parse(RequestFields fields, ServerOptions limits, long randomSeed) {
        // Checked for its type only: the server has one model, whatever name a client sends.
        fields.string("model", "");
        String prompt = fields.string("prompt", "");
        int length = prompt.codePointCount(0, prompt.length());
        if (length > limits.maxPromptChars()) {
            throw ApiError.tooLarge("prompt", "The prompt has " + length + " characters; this server takes at most "
                    + limits.maxPromptChars() + ".");
        }
        int maxTokens = fields.integer("max_tokens", Math.min(DEFAULT_MAX_TOKENS, limits.maxTokens()), 1,
                limits.maxTokens());
        double temperature = fields.number("temperature", 1);
        if (!(temperature >= 0 && temperature <= SamplingSettings.MAX_TEMPERATURE)) {
            throw RequestFields.outOfRange("temperature", "between 0 (greedy) and "
                    + (int) SamplingSettings.MAX_TEMPERATURE, temperature);
        }
        double topP = fields.number("top_p", 1);
        if (!(topP > 0 && topP <= 1)) {
            throw RequestFields.outOfRange("top_p", "above 0 and at most 1", topP);
        }
        int n = fields.integer("n", 1, 1, MAX_N);
        List<String> stop = fields.strings("stop", MAX_STOPS);
        Long seed = fields.longValue("seed");
        boolean stream = fields.bool("stream", false);
        Integer logprobs = fields.longValue("logprobs") == null ? null
                : fields.integer("logprobs", 0, 0, MAX_LOGPROBS);
        return new CompletionRequest(prompt, maxTokens, temperature, topP, n, List.copyOf(stop),
                seed == null ? randomSeed : seed, stream, logprobs);
    }

    /** How each character is drawn. */
    SamplingSettings sampling() {
        if (temperature == 0) {
            return SamplingSettings.greedy();
        }
        return SamplingSettings.plain().withTemperature(temperature).withTopP(topP);
    }
}
