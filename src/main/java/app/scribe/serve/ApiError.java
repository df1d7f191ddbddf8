package app.scribe.serve;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A request the server refuses, answered with its HTTP status and an OpenAI-style error object:
 * {@code {"error": {"message", "type", "param", "code"}}}.
 */
final class ApiError extends RuntimeException {
    final int status;
    final String type;
    final String param;
    final String code;

    ApiError(int status, String type, String param, String code, String message) {
        super(message);
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
    }

    /** 400: a field (or the body, {@code param} null) is malformed or out of range. */
    static ApiError invalid(String param, String code, String message) {
        return new ApiError(400, "invalid_request_error", param, code, message);
    }

    /** 413: the body, or a text in it, is over the server's limit. */
    static ApiError tooLarge(String param, String message) {
        return new ApiError(413, "invalid_request_error", param, "too_large", message);
    }

    /** 429 (all workers busy and the queue full) or 503 (a request waited longer than its time limit). */
    static ApiError busy(int status, String code, String message) {
        return new ApiError(status, "server_busy", null, code, message);
    }

    ObjectNode body() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode error = body.putObject("error");
        error.put("message", getMessage());
        error.put("type", type);
        error.put("param", param);
        error.put("code", code);
        return body;
    }
}
