package io.simcast.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Google's Gemini API ({@code POST /v1beta/models/MODEL:generateContent}, key in {@code x-goog-api-key}). */
final class FakeGemini extends FakeProvider {
    @Override
    public Provider provider() {
        return Provider.GEMINI;
    }

    @Override
    String basePath() {
        return "/v1beta";
    }

    @Override
    String chatPath() {
        return "/v1beta/models/" + MODEL + ":generateContent";
    }

    @Override
    ObjectNode answerBody(String text, Finish finish) {
        ObjectNode body = NODES.objectNode();
        ObjectNode candidate = body.putArray("candidates").addObject();
        ObjectNode content = candidate.putObject("content").put("role", "model");
        if (finish != Finish.CONTENT_FILTER) {
            content.putArray("parts").addObject().put("text", text);
        }
        candidate.put("finishReason", switch (finish) {
            case STOP -> "STOP";
            case LENGTH -> "MAX_TOKENS";
            case CONTENT_FILTER -> "SAFETY";
        }).put("index", 0);
        body.putObject("usageMetadata").put("promptTokenCount", 10).put("candidatesTokenCount", 20)
                .put("totalTokenCount", 30);
        body.put("modelVersion", MODEL);
        return body;
    }

    @Override
    ObjectNode errorBody(int status, String message) {
        ObjectNode body = NODES.objectNode();
        body.putObject("error").put("code", status).put("message", message).put("status", switch (status) {
            case 400 -> "INVALID_ARGUMENT";
            case 403 -> "PERMISSION_DENIED";
            case 429 -> "RESOURCE_EXHAUSTED";
            default -> status >= 500 ? "INTERNAL" : "FAILED_PRECONDITION";
        });
        return body;
    }

    @Override
    List<String> userTexts(Request request) {
        List<String> texts = new ArrayList<>();
        for (JsonNode content : request.json().path("contents")) {
            if (content.path("role").asText().equals("user")) {
                texts.add(content.path("parts").path(0).path("text").asText());
            }
        }
        return texts;
    }

    @Override
    String systemText(Request request) {
        return request.json().path("systemInstruction").path("parts").path(0).path("text").asText();
    }

    @Override
    String sentKey(Request request) {
        return request.header("x-goog-api-key");
    }

    @Override
    String requestedModel(Request request) {
        return request.path().replaceFirst("^/v1beta/models/", "").replaceFirst(":generateContent$", "");
    }
}
