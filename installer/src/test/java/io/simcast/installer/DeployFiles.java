package io.simcast.installer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the deployment files in deploy/ the way their tools do, into what serve is given: environment variables and
 * arguments, ports and probe paths. Stateless apart from the folder it reads.
 */
final class DeployFiles {
    /** Stands for a value that comes from a Secret or from the operator's .env, unknown to the files. */
    static final String SECRET = "value-from-a-secret";
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern COMPOSE_VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::?([-?])([^}]*))?}");

    private final Path folder;

    DeployFiles(Path folder) {
        this.folder = folder;
    }

    /** The repository's deploy/ folder (the build passes the repository root). */
    static DeployFiles ofRepository() {
        return new DeployFiles(Path.of(System.getProperty("simcast.root", "..")).resolve("deploy"));
    }

    JsonNode compose() throws IOException {
        return YAML.readTree(folder.resolve("compose.yaml").toFile());
    }

    /** Every object of every Kubernetes manifest, by kind and name ("Deployment/simcast"). */
    Map<String, JsonNode> kubernetes() throws IOException {
        Map<String, JsonNode> objects = new LinkedHashMap<>();
        try (var files = Files.list(folder.resolve("kubernetes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
                    while (documents.hasNext()) {
                        JsonNode object = documents.next();
                        if (object.has("kind") && object.has("metadata")) {
                            objects.put(object.path("kind").asText() + "/" + object.path("metadata").path("name")
                                    .asText(), object);
                        }
                    }
                }
            }
        }
        return objects;
    }

    String text(String name) throws IOException {
        return Files.readString(folder.resolve(name));
    }

    /**
     * A compose service's environment as compose hands it over with no .env: ${X:-default} is its default, and a
     * variable with no value (passed through from the shell) is not set.
     */
    static Map<String, String> composeEnvironment(JsonNode service) {
        Map<String, String> environment = new LinkedHashMap<>();
        service.path("environment").properties().forEach(entry -> {
            if (!entry.getValue().isNull()) {
                environment.put(entry.getKey(), interpolate(entry.getValue().asText()));
            }
        });
        return environment;
    }

    private static String interpolate(String value) {
        Matcher matcher = COMPOSE_VARIABLE.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String replacement = "-".equals(matcher.group(2)) ? matcher.group(3) : SECRET;
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        return matcher.appendTail(resolved).toString();
    }

    /** A Kubernetes container's environment; values from Secrets become {@link #SECRET}. */
    static Map<String, String> containerEnvironment(JsonNode container) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (JsonNode variable : container.path("env")) {
            environment.put(variable.path("name").asText(),
                    variable.has("value") ? variable.path("value").asText() : SECRET);
        }
        return environment;
    }

    static JsonNode container(JsonNode deployment, String name) {
        for (JsonNode container : deployment.path("spec").path("template").path("spec").path("containers")) {
            if (container.path("name").asText().equals(name)) {
                return container;
            }
        }
        throw new AssertionError("no container " + name + " in " + deployment.path("metadata").path("name"));
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    /** A systemd unit's Environment= assignments; one variable set twice (the last would win unseen) fails. */
    static Map<String, String> unitEnvironment(String unit) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String line : unit.lines().toList()) {
            if (line.startsWith("Environment=")) {
                String assignment = line.substring("Environment=".length());
                int equals = assignment.indexOf('=');
                String name = assignment.substring(0, equals);
                if (environment.put(name, assignment.substring(equals + 1)) != null) {
                    throw new AssertionError(name + " is set twice in the unit");
                }
            }
        }
        return environment;
    }

    /** A systemd unit's ExecStart= command line, split on blanks. */
    static List<String> unitCommand(String unit) {
        return unit.lines().filter(line -> line.startsWith("ExecStart=")).findFirst()
                .map(line -> List.of(line.substring("ExecStart=".length()).strip().split("\\s+")))
                .orElseThrow(() -> new AssertionError("no ExecStart= in the unit"));
    }

    /** The ENV assignments of a Dockerfile's last stage (the image that ships), continuation lines joined. */
    static Map<String, String> imageEnvironment(String dockerfile) {
        String joined = dockerfile.replace("\\\n", " ");
        String lastStage = joined.substring(joined.lastIndexOf("\nFROM "));
        Map<String, String> environment = new LinkedHashMap<>();
        for (String line : lastStage.lines().filter(l -> l.startsWith("ENV ")).toList()) {
            for (String assignment : line.substring(4).strip().split("\\s+")) {
                int equals = assignment.indexOf('=');
                environment.put(assignment.substring(0, equals), assignment.substring(equals + 1));
            }
        }
        return environment;
    }

    /** The JSON array of a Dockerfile instruction (CMD, ENTRYPOINT) in its last stage. */
    static List<String> imageInstruction(String dockerfile, String instruction) throws IOException {
        String lastStage = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
        String line = lastStage.lines().filter(l -> l.startsWith(instruction + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + instruction + " in the image"));
        return strings(new ObjectMapper().readTree(line.substring(instruction.length() + 1)));
    }
}
