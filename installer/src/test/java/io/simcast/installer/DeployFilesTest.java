package io.simcast.installer;

import static io.simcast.installer.DeployFiles.container;
import static io.simcast.installer.DeployFiles.strings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.app.cli.ServeCommand;
import io.simcast.sim.physics.Simulation;
import io.simcast.sim.scene.PresetCatalog;
import io.simcast.sim.scene.SceneCompiler;
import io.simcast.sim.scene.SceneLimits;
import io.simcast.sim.scene.SceneLocator;
import io.simcast.streaming.host.Rendering;
import io.simcast.streaming.host.StreamingConfig;
import io.simcast.streaming.host.StreamingHost;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deployment files (deploy/: Dockerfile, compose with nginx, Kubernetes, systemd) configure Simcast only in ways
 * the real {@code simcast serve} understands. The truth comes from the code: the variables serve reads are
 * {@link ServeCommand#ENVIRONMENT} (the host's own list, {@link StreamingConfig#ENVIRONMENT}, which
 * {@code fromEnvironment} is held to, plus SCENE); values go through {@link StreamingConfig#fromEnvironment} and the
 * scene through {@link SceneLocator}, as serve does; the logging variables come from the app's logback.xml; ports are
 * compared with the port that configuration listens on, and probe paths are asked of a real host. A file that sets a
 * variable nobody reads, a value serve refuses, a scene it cannot find, a port nobody listens on or a probe path the
 * host does not serve fails here.
 */
class DeployFilesTest {
    /**
     * Read by the C library, not by Simcast: glibc's malloc arenas, which keep the resident size of the native WebRTC
     * threads down (docs/PERFORMANCE.md).
     */
    private static final Set<String> C_LIBRARY_VARIABLES = Set.of("MALLOC_ARENA_MAX");
    private static final Pattern LOGBACK_VARIABLE = Pattern.compile("\\$\\{([A-Z_]+):-");
    private static final Pattern PROXY_PASS = Pattern.compile("proxy_pass http://([\\d.]+):(\\d+);");
    private static final Pattern BASH_HTTP_GET = Pattern.compile("/dev/tcp/([\\d.]+)/(\\d+).*GET (\\S+) HTTP");

    private static Simulation simulation;
    private static StreamingHost host;
    private final DeployFiles files = DeployFiles.ofRepository();

    /** A real host to ask for the probes' paths; it needs no renderer to answer them. */
    @BeforeAll
    static void startAHost() throws Exception {
        PresetCatalog catalog = PresetCatalog.builtIn();
        simulation = Simulation.start(new SceneCompiler().compile(catalog.source(catalog.find("pendulum")
                .orElseThrow())));
        host = StreamingHost.start(StreamingConfig.builder().port(0).build(), simulation,
                Rendering.unavailable("not needed to answer probes"));
    }

    @AfterAll
    static void stopTheHost() {
        host.close();
        simulation.close();
    }

    @Test
    void theImageRunsServeOnEveryInterfaceWithVariablesServeReads() throws Exception {
        String dockerfile = files.text("Dockerfile");
        Map<String, String> environment = DeployFiles.imageEnvironment(dockerfile);
        List<String> command = DeployFiles.imageInstruction(dockerfile, "CMD");

        StreamingConfig settings = serveSettings("Dockerfile", environment, command);

        assertThat(settings.host()).as("a container is reached from outside").isEqualTo("0.0.0.0");
        assertThat(dockerfile).contains("EXPOSE " + settings.port() + "/tcp")
                .contains("setup.sh --runtime");
    }

    @Test
    void composeRunsServeBehindNginxOnTheSamePortWithAHealthcheckTheHostAnswers() throws Exception {
        JsonNode simcast = files.compose().path("services").path("simcast");
        StreamingConfig settings = serveSettings("compose.yaml", DeployFiles.composeEnvironment(simcast),
                List.of("serve"));

        assertThat(nginxUpstream()).isEqualTo(settings.host() + ":" + settings.port());
        assertThat(files.text("nginx/simcast.conf")).as("TLS, and the upgrade the signalling WebSocket needs")
                .contains("listen 443 ssl;", "proxy_set_header Upgrade $http_upgrade;",
                        "proxy_set_header Connection $connection_upgrade;");
        String nginx = files.text("nginx/simcast.conf");
        String logFormat = nginx.substring(nginx.indexOf("log_format"), nginx.indexOf(';', nginx.indexOf("log_format")));
        assertThat(nginx).as("share links carry tokens in their query: the access log uses a format without it")
                .contains("access_log /var/log/nginx/access.log simcast_no_query;");
        assertThat(logFormat).contains("simcast_no_query", "$uri")
                .doesNotContain("$request ", "$request\"", "$request_uri", "$args", "$query_string", "$http_referer");
        assertThat(files.compose().path("services").path("nginx").path("volumes").toString())
                .contains("./nginx/simcast.conf:/etc/nginx/conf.d/default.conf");
        assertThat(simcast.path("network_mode").asText()).as("WebRTC's UDP ports on the server's own addresses")
                .isEqualTo("host");
        assertThat(settings.udpPorts()).as("a UDP range to open in the firewall").isNotNull();

        Matcher healthcheck = BASH_HTTP_GET.matcher(String.join(" ", strings(simcast.path("healthcheck")
                .path("test"))));
        assertThat(healthcheck.find()).as("the healthcheck asks the host over HTTP").isTrue();
        assertThat(Integer.parseInt(healthcheck.group(2))).isEqualTo(settings.port());
        assertThat(theHostServes(healthcheck.group(3))).isTrue();
    }

    @Test
    void kubernetesRunsOneServePodWithProbesTheHostAnswersOnItsPort() throws Exception {
        Map<String, JsonNode> objects = files.kubernetes();
        JsonNode deployment = objects.get("Deployment/simcast");
        JsonNode container = container(deployment, "simcast");
        StreamingConfig settings = serveSettings("kubernetes/simcast.yaml",
                DeployFiles.containerEnvironment(container), strings(container.path("args")));

        assertThat(deployment.path("spec").path("replicas").asInt()).as("one simulation, one pod").isEqualTo(1);
        assertThat(settings.host()).as("the Service reaches the pod's address").isEqualTo("0.0.0.0");
        JsonNode port = container.path("ports").path(0);
        assertThat(port.path("containerPort").asInt()).isEqualTo(settings.port());
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            JsonNode get = container.path(probe).path("httpGet");
            assertThat(get.path("port").asText()).as(probe).isEqualTo(port.path("name").asText());
            assertThat(theHostServes(get.path("path").asText())).as(probe + " " + get.path("path")).isTrue();
        }
        assertThat(container.path("resources").path("requests").path("cpu").asText()).isNotEmpty();
        assertThat(container.path("resources").path("requests").path("memory").asText()).isNotEmpty();

        JsonNode service = objects.get("Service/simcast");
        assertThat(service.path("spec").path("ports").path(0).path("targetPort").asText())
                .isEqualTo(port.path("name").asText());
        assertThat(service.path("spec").path("sessionAffinity").asText()).isEqualTo("ClientIP");
        JsonNode backend = objects.get("Ingress/simcast").path("spec").path("rules").path(0).path("http")
                .path("paths").path(0).path("backend").path("service");
        assertThat(backend.path("name").asText()).isEqualTo("simcast");
        assertThat(backend.path("port").path("name").asText())
                .isEqualTo(service.path("spec").path("ports").path(0).path("name").asText());
    }

    @Test
    void kubernetesHandsViewersTheTurnServerThatRunsTheShippedConfigurationWithTheSameSecret() throws Exception {
        Map<String, JsonNode> objects = files.kubernetes();
        JsonNode simcast = container(objects.get("Deployment/simcast"), "simcast");
        JsonNode coturn = container(objects.get("Deployment/coturn"), "coturn");
        StreamingConfig settings = serveSettings("kubernetes/simcast.yaml",
                DeployFiles.containerEnvironment(simcast), strings(simcast.path("args")));

        var turn = settings.iceServers().servers().stream().filter(server -> server.isTurn()).findFirst()
                .orElseThrow(() -> new AssertionError("ICE_SERVERS names no TURN server"));
        assertThat(settings.iceServers().secret()).as("credentials minted per viewer").isPresent();
        int turnPort = Integer.parseInt(turn.url().replaceAll(".*:(\\d+)(\\?.*)?$", "$1"));
        String conf = objects.get("ConfigMap/simcast-coturn").path("data").path("turnserver.conf").asText();
        assertThat(conf).as("the ConfigMap holds deploy/coturn/turnserver.conf")
                .isEqualTo(files.text("coturn/turnserver.conf"));
        assertThat(conf.lines()).contains("listening-port=" + turnPort);
        assertThat(String.join(" ", strings(coturn.path("command"))))
                .contains("static-auth-secret=$TURN_SECRET", "turnserver -c /tmp/turnserver.conf");
        assertThat(coturn.path("volumeMounts").path(0).path("mountPath").asText()).isEqualTo("/etc/simcast");
        assertThat(coturn.path("ports").path(0).path("containerPort").asInt()).isEqualTo(turnPort);
        assertThat(objects.get("Deployment/coturn").path("spec").path("template").path("spec").path("hostNetwork")
                .asBoolean()).as("browsers reach the relay ports on the node's address").isTrue();
        assertThat(secretsOf(coturn)).containsExactlyElementsOf(secretsOf(simcast).stream()
                .filter(secret -> secret.startsWith("TURN_")).toList()).contains("TURN_SECRET=simcast-turn/secret");
        assertThat(secretsOf(simcast)).as("the operator's token, to make share links")
                .contains("SIMCAST_OPERATOR_TOKEN=simcast-operator/token");
    }

    @Test
    void theShippedTurnServerMintsPerViewerCredentialsAndRelaysToNoPrivateNetwork() throws Exception {
        List<String> conf = files.text("coturn/turnserver.conf").lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();

        assertThat(conf).contains("use-auth-secret", "no-tcp-relay", "no-multicast-peers", "no-cli");
        assertThat(conf).as("no static users, no secret in the file").noneMatch(line -> line.startsWith("user=")
                || line.startsWith("lt-cred-mech") || line.startsWith("static-auth-secret")
                || line.startsWith("allowed-peer-ip"));
        List<String> denied = conf.stream().filter(line -> line.startsWith("denied-peer-ip="))
                .map(line -> line.substring("denied-peer-ip=".length())).toList();
        for (String address : List.of("10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.255", "192.168.0.1",
                "192.168.255.255", "169.254.169.254", "100.64.0.1", "100.127.255.255", "127.0.0.1", "0.0.0.0",
                "224.0.0.1", "::1", "fc00::1", "fdff::1", "fe80::1", "::ffff:10.0.0.1", "64:ff9b::a00:1")) {
            assertThat(denied).as(address).anyMatch(range -> PeerRange.parse(range).contains(address));
        }
        for (String address : List.of("8.8.8.8", "172.32.0.1", "100.128.0.1", "2001:4860:4860::8888")) {
            assertThat(denied).as(address + " is public").noneMatch(range -> PeerRange.parse(range).contains(address));
        }

        JsonNode services = files.compose().path("services");
        JsonNode coturn = services.path("coturn");
        assertThat(coturn.path("volumes").toString()).contains("./coturn/turnserver.conf:/etc/simcast/turnserver.conf");
        assertThat(String.join(" ", strings(coturn.path("entrypoint"))))
                .contains("static-auth-secret=$$TURN_SECRET", "exec turnserver -c /tmp/turnserver.conf");
        assertThat(List.of(coturn, services.path("simcast"))).as("both take TURN_SECRET from the shell or .env")
                .allMatch(service -> service.path("environment").has("TURN_SECRET")
                        && service.path("environment").path("TURN_SECRET").isNull());
        assertThat(services.path("simcast").path("environment").has("TURN_CREDENTIAL"))
                .as("no user shared by every viewer").isFalse();
    }

    @Test
    void theSystemdUnitRunsTheInstalledServeWithVariablesServeReads() throws Exception {
        String unit = files.text("systemd/simcast.service");
        List<String> command = DeployFiles.unitCommand(unit);

        assertThat(command.getFirst()).as("the .deb's command").isEqualTo("/usr/bin/simcast");
        StreamingConfig settings = serveSettings("systemd/simcast.service", DeployFiles.unitEnvironment(unit),
                command.subList(1, command.size()));
        assertThat(settings.host() + ":" + settings.port()).as("behind the same nginx set-up")
                .isEqualTo(nginxUpstream());
    }

    /**
     * What serve would run with for a file's environment and command line, after checking that the command is plain
     * {@code serve} (deployments configure it through the environment only), that every variable the file sets is
     * one serve, its logging or the C library reads, and that serve finds the scene it names.
     */
    private static StreamingConfig serveSettings(String file, Map<String, String> environment, List<String> command)
            throws Exception {
        assertThat(command).as(file + " runs serve, configured by its environment").containsExactly("serve");
        Set<String> understood = new HashSet<>(ServeCommand.ENVIRONMENT);
        understood.addAll(loggingVariables());
        understood.addAll(C_LIBRARY_VARIABLES);
        Set<String> unknown = new TreeSet<>(environment.keySet());
        unknown.removeAll(understood);
        assertThat(unknown).as(file + " sets variables Simcast does not read").isEmpty();
        if (environment.containsKey("SCENE")) {
            assertThat(SceneLocator.locate(environment.get("SCENE"), SceneLimits.DEFAULT)).as(file + " SCENE")
                    .isNotNull();
        }
        return StreamingConfig.fromEnvironment(environment).build();
    }

    /** The ${NAME:-default} variables of the app's logback.xml (LOG_LEVEL). */
    private static Set<String> loggingVariables() throws IOException {
        try (InputStream config = DeployFilesTest.class.getClassLoader().getResourceAsStream("logback.xml")) {
            assertThat(config).as("the app's logback.xml on the class path").isNotNull();
            Matcher matcher = LOGBACK_VARIABLE.matcher(new String(config.readAllBytes(), StandardCharsets.UTF_8));
            Set<String> variables = new TreeSet<>();
            while (matcher.find()) {
                variables.add(matcher.group(1));
            }
            return variables;
        }
    }

    /** Where deploy/nginx/simcast.conf sends requests: "address:port". */
    private String nginxUpstream() throws IOException {
        Matcher proxy = PROXY_PASS.matcher(files.text("nginx/simcast.conf"));
        assertThat(proxy.find()).as("nginx proxies to the host").isTrue();
        return proxy.group(1) + ":" + proxy.group(2);
    }

    private static Set<String> secretsOf(JsonNode container) {
        Set<String> secrets = new TreeSet<>();
        for (JsonNode variable : container.path("env")) {
            JsonNode reference = variable.path("valueFrom").path("secretKeyRef");
            if (!reference.isMissingNode()) {
                secrets.add(variable.path("name").asText() + "=" + reference.path("name").asText() + "/"
                        + reference.path("key").asText());
            }
        }
        return secrets;
    }

    /** Whether the real host answers GET {@code path} with 200. */
    private static boolean theHostServes(String path) throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                host.address().resolve(path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.discarding());
        return response.statusCode() == 200;
    }
}
