package io.simcast.generate;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every message about language models that a user can read, in one place (tests assert these words): settings
 * refusals, provider errors, the progress of a generation and the checks a generated scene failed.
 */
final class LlmMessages {
    private LlmMessages() {}

    // ---- settings ------------------------------------------------------------------------------------------------

    static String unknownProvider(String id) {
        return "Unknown provider '" + id + "'; use one of " + Arrays.stream(Provider.values()).map(Provider::id)
                .collect(Collectors.joining(", "));
    }

    static String missingProvider() {
        return "Name the provider: one of " + Arrays.stream(Provider.values()).map(Provider::id)
                .collect(Collectors.joining(", "));
    }

    static String unknownSetting(String name) {
        return "Unknown setting '" + name + "'; the settings are provider, api_key, model and base_url";
    }

    static String settingsJsonInvalid() {
        return "The settings are not valid JSON; send {\"provider\": ..., \"api_key\": ..., \"model\": ..., "
                + "\"base_url\": ...}";
    }

    static String baseUrlRequired(Provider provider) {
        return provider.displayName() + " needs base_url, its address (for a local Ollama: http://localhost:11434/v1)";
    }

    static String keyRequiredForNewAddress(Provider provider, String url) {
        return provider.displayName() + "'s API key goes only to the address it was given for: send api_key again to"
                + " use " + url;
    }

    static String modelRequired(Provider provider) {
        return provider.displayName() + " needs the name of the model it serves (for Ollama, e.g. qwen2.5-coder:32b)";
    }

    static String baseUrlInvalid(String url) {
        return "base_url '" + url + "' is not an http:// or https:// address";
    }

    static String keyRequired(Provider provider) {
        return provider.displayName() + " needs an API key";
    }

    static String keyMalformed() {
        return "The API key contains spaces or line breaks; paste only the key";
    }

    static String notConfigured(Provider provider) {
        return provider.displayName() + " is not set up: add its API key in Settings";
    }

    static String noProviderConfigured() {
        return "No language model is set up: open Settings and add an API key for OpenAI, Anthropic or Gemini, "
                + "or the address of an OpenAI-compatible server (Ollama, vLLM)";
    }

    static String keyStoreFailed(String detail) {
        return "The API key could not be stored: " + detail;
    }

    static String keyReadFailed(String detail) {
        return "The API key could not be read: " + detail;
    }

    static String settingsUnreadable(String file, String detail) {
        return "The language model settings in " + file + " cannot be read (" + detail
                + "); set the provider up again in Settings";
    }

    static String settingsUnwritable(String file, String detail) {
        return "The language model settings could not be saved to " + file + ": " + detail;
    }

    // ---- provider errors -----------------------------------------------------------------------------------------

    static String keyRefused(Provider provider, int status, String said) {
        return provider.displayName() + " refused the API key (HTTP " + status + "): check the key in Settings"
                + saying(provider, said);
    }

    static String rateLimited(Provider provider, String said) {
        return provider.displayName() + " rate limit (HTTP 429): try again in a minute" + saying(provider, said);
    }

    static String serverError(Provider provider, int status, String said) {
        return provider.displayName() + " had a server error (HTTP " + status + "): try again later"
                + saying(provider, said);
    }

    static String modelUnknown(Provider provider, String model, String said) {
        return provider.displayName() + " does not know the model '" + model
                + "' (HTTP 404): check the model name in Settings" + saying(provider, said);
    }

    static String noApiAt(Provider provider, String baseUrl, String said) {
        return provider.displayName() + " has no chat API at " + baseUrl
                + " (HTTP 404): check the address in Settings (Ollama's ends in /v1)" + saying(provider, said);
    }

    static String requestRejected(Provider provider, int status, String said) {
        return provider.displayName() + " rejected the request (HTTP " + status + ")" + saying(provider, said);
    }

    static String timedOut(Provider provider, Duration timeout) {
        return provider.displayName() + " did not answer within " + timeout.toSeconds() + " s";
    }

    static String unreachable(Provider provider, String baseUrl, String reason) {
        return "Could not reach " + provider.displayName() + " at " + baseUrl + " (" + reason
                + "): check the address and the network";
    }

    static String providerFailed(Provider provider, String detail) {
        return provider.displayName() + " failed: " + detail;
    }

    static String refused(Provider provider) {
        return provider.displayName() + " declined to answer this request (content filter): rephrase the scene";
    }

    static String connectionOk(Provider provider, String model, Duration took) {
        return provider.displayName() + " answered with model " + model + " in " + seconds(took) + " s";
    }

    private static String saying(Provider provider, String said) {
        return said == null || said.isBlank() ? "" : ". " + provider.displayName() + " said: " + said;
    }

    // ---- generation progress -------------------------------------------------------------------------------------

    static String promptEmpty() {
        return "Describe the scene to generate";
    }

    static String promptTooLong(int length, int limit) {
        return "The description is " + length + " characters long; the limit is " + limit;
    }

    static String attemptStarted(int attempt, int maxAttempts, Provider provider, String model) {
        return "Attempt " + attempt + " of " + maxAttempts + ": asking " + provider.displayName() + " (" + model + ")";
    }

    static String replyReceived(int attempt, int characters, Duration took) {
        return "Attempt " + attempt + ": reply received after " + seconds(took) + " s (" + characters
                + " characters)";
    }

    /** Prefixes what happened with the attempt it happened in. */
    static String inAttempt(int attempt, String text) {
        return "Attempt " + attempt + ": " + text;
    }

    static String noDocument() {
        return "the reply held no complete MJCF document (<mujoco> ... </mujoco>)";
    }

    static String truncated() {
        return "the reply was cut off at the model's output limit before the scene was complete";
    }

    static String compileProblem(String error) {
        return "MuJoCo could not compile the scene: " + error;
    }

    static String checkProblem(List<String> problems) {
        return "the scene compiled but failed the run check: " + String.join("; ", problems);
    }

    static String succeeded(double seconds) {
        return "the scene compiled and ran " + number(seconds, 1) + " s cleanly";
    }

    static String outOfAttempts(int attempts, String lastProblem) {
        return "No working scene after " + attempts + (attempts == 1 ? " attempt" : " attempts") + "; the last one: "
                + lastProblem + ". The running scene was not changed";
    }

    static String unexpected(Exception e) {
        return "Generation stopped on an unexpected error: " + e;
    }

    static String cancelled() {
        return "Generation cancelled; the running scene was not changed";
    }

    static String compositeRefused(int line) {
        return "Line " + line + ": <composite> is not allowed in generated scenes (MuJoCo 2.2.2 can abort the whole "
                + "program on it); write the bodies out one by one";
    }

    // ---- what the run check found --------------------------------------------------------------------------------

    static String noFloor() {
        return "there is no floor: add <geom name=\"floor\" type=\"plane\" size=\"0 0 0.05\"/> to the worldbody";
    }

    static String noLight() {
        return "there is no light: add a <light> to the worldbody";
    }

    static String unnamedBodies(int count) {
        return count + (count == 1 ? " body has" : " bodies have") + " no name: give every <body> a name attribute";
    }

    static String runFailed(String error) {
        return "MuJoCo failed while running it: " + error;
    }

    static String compileWarning(String warning) {
        return "MuJoCo warned while compiling: " + warning;
    }

    static String runWarning(String warning, double time) {
        return "MuJoCo warned at t = " + number(time, 3) + " s: " + warning;
    }

    static String notFinite(double time) {
        return "the state became NaN or infinite at t = " + number(time, 3) + " s";
    }

    static String fellThroughFloor(String body, double time, double z, double floor) {
        return "body '" + body + "' fell through the floor: after " + number(time, 1) + " s it is at z = "
                + number(z, 2) + " m, below the floor at z = " + number(floor, 2) + " m";
    }

    static String flewAway(String body, double time, double distance) {
        return "body '" + body + "' ended " + number(distance, 1) + " m from the origin after " + number(time, 1)
                + " s (an explosion?)";
    }

    static String tooFast(String what, double time, double speed, String unit) {
        return what + " still moves at " + number(speed, 1) + " " + unit + " after " + number(time, 1)
                + " s (an explosion?)";
    }

    private static String seconds(Duration duration) {
        return number(duration.toMillis() / 1000.0, 1);
    }

    private static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
