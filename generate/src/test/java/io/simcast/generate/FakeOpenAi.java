package io.simcast.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** OpenAI's chat completions API ({@code POST /v1/chat/completions}), also spoken by Ollama and vLLM. */
final class FakeOpenAi extends FakeProvider {
    private final Provider provider;

    FakeOpenAi(Provider provider) {
        this.provider = provider;
    }

    @Override
    public Provider provider() {
        return provider;
    }

    @Override
    String basePath() {
        return "/v1";
    }

    @Override
    String chatPath() {
        return "/v1/chat/completions";
    }

    @Override
    ObjectNode answerBody(String text, Finish finish) {
        ObjectNode body = NODES.objectNode().put("id", "chatcmpl-fake").put("object", "chat.completion")
                .put("created", 1_700_000_000L).put("model", MODEL);
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason",
                switch (finish) {
                    case STOP -> "stop";
                    case LENGTH -> "length";
                    case CONTENT_FILTER -> "content_filter";
                });
        choice.putObject("message").put("role", "assistant").put("content", text);
        body.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 20).put("total_tokens", 30);
        return body;
    }

    @Override
    ObjectNode errorBody(int status, String message) {
        ObjectNode body = NODES.objectNode();
        body.putObject("error").put("message", message).put("type", status == 429 ? "requests" : "invalid_request_error")
                .putNull("param").put("code", status == 401 ? "invalid_api_key" : null);
        return body;
    }

    @Override
    List<String> userTexts(Request request) {
        return userTurns(request.json().path("messages"));
    }

    @Override
    String systemText(Request request) {
        for (JsonNode message : request.json().path("messages")) {
            if (message.path("role").asText().equals("system")) {
                return message.path("content").asText();
            }
        }
        return null;
    }

    @Override
    String sentKey(Request request) {
        String authorization = request.header("Authorization");
        return authorization == null ? null : authorization.replaceFirst("^Bearer ", "");
    }

    @Override
    String requestedModel(Request request) {
        return request.json().path("model").asText();
    }
}
