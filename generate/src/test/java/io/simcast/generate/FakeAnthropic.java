package io.simcast.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Anthropic's Messages API ({@code POST /v1/messages}, key in {@code x-api-key}). */
final class FakeAnthropic extends FakeProvider {
    @Override
    public Provider provider() {
        return Provider.ANTHROPIC;
    }

    @Override
    String basePath() {
        return "/v1";
    }

    @Override
    String chatPath() {
        return "/v1/messages";
    }

    @Override
    ObjectNode answerBody(String text, Finish finish) {
        ObjectNode body = NODES.objectNode().put("id", "msg_fake").put("type", "message").put("role", "assistant")
                .put("model", MODEL);
        body.putArray("content").addObject().put("type", "text").put("text", text);
        body.put("stop_reason", switch (finish) {
            case STOP -> "end_turn";
            case LENGTH -> "max_tokens";
            case CONTENT_FILTER -> "refusal";
        }).putNull("stop_sequence");
        body.putObject("usage").put("input_tokens", 10).put("output_tokens", 20);
        return body;
    }

    @Override
    ObjectNode errorBody(int status, String message) {
        ObjectNode body = NODES.objectNode().put("type", "error");
        body.putObject("error").put("type", switch (status) {
            case 401 -> "authentication_error";
            case 429 -> "rate_limit_error";
            case 529 -> "overloaded_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        }).put("message", message);
        return body;
    }

    @Override
    List<String> userTexts(Request request) {
        return userTurns(request.json().path("messages"));
    }

    @Override
    String systemText(Request request) {
        JsonNode system = request.json().path("system");
        return system.isTextual() ? system.asText() : system.path(0).path("text").asText();
    }

    @Override
    String sentKey(Request request) {
        return request.header("x-api-key");
    }

    @Override
    String requestedModel(Request request) {
        return request.json().path("model").asText();
    }
}
