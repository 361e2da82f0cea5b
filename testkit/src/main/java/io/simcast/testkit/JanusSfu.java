package io.simcast.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real SFU for the broadcast tests and benchmarks: Debian's Janus (VideoRoom room {@value #ROOM}, H.264, with
 * its WebSocket API on {@value #JANUS_PORT}) and simple-whip-server in front of it (WHIP on {@value #WHIP_PORT},
 * unpacked by scripts/whip-server-setup.sh), both started from a folder of their own with their output in files
 * there. Run it inside the test's network namespace: Janus offers ICE candidates on its veth only. Both can be
 * stopped the hard way and started again, as after a crash or an upgrade ({@link #restart()}). The caller's thread.
 */
public final class JanusSfu implements AutoCloseable {
    public static final int JANUS_PORT = 8188;
    public static final int WHIP_PORT = 7080;
    public static final long ROOM = 1234;
    /** The WHIP endpoint the host publishes to. */
    public static final String ENDPOINT = "simcast";
    /** Where scripts/whip-server-setup.sh unpacks simple-whip-server. */
    public static final Path WHIP_SERVER = Path.of(System.getenv().getOrDefault("SIMCAST_WHIP_SERVER",
            "/opt/simcast-test/simple-whip-server"));
    private static final String LIBRARIES = "/usr/lib/x86_64-linux-gnu/janus";
    private static final Duration START = Duration.ofSeconds(20);

    private final Path folder;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process janus;
    private Process whip;
    private int janusStarts;

    private JanusSfu(Path folder) {
        this.folder = folder;
    }

    /**
     * Starts Janus and simple-whip-server and makes the {@value #ENDPOINT} endpoint for room {@value #ROOM}.
     *
     * @param interfaceName the network interface Janus offers ICE candidates on (the namespace's veth)
     */
    public static JanusSfu start(Path folder, String interfaceName) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/bin/janus")) || !Files.exists(WHIP_SERVER.resolve("src/server.js"))) {
            throw new IllegalStateException("Janus or simple-whip-server is missing: run scripts/setup.sh --test");
        }
        JanusSfu sfu = new JanusSfu(folder);
        try {
            sfu.configure(interfaceName);
            sfu.startJanus();
            sfu.startWhipServer();
            return sfu;
        } catch (IOException | InterruptedException | RuntimeException e) {
            sfu.close();
            throw e;
        }
    }

    /** Where the host publishes (WHIP). */
    public URI whipUrl() {
        return URI.create("http://127.0.0.1:" + WHIP_PORT + "/whip/endpoint/" + ENDPOINT);
    }

    /** Where pages play from (Janus's WebSocket API). */
    public URI janusUrl() {
        return URI.create("ws://127.0.0.1:" + JANUS_PORT + "/");
    }

    /**
     * Kills simple-whip-server and Janus (as a crash would: no goodbye to anyone) and starts both again with the
     * same endpoint; a publisher must come back by itself.
     */
    public void restart() throws IOException, InterruptedException {
        whip.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        janus.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        startJanus();
        startWhipServer();
    }

    /** Janus's process id, for CPU measurements. */
    public long janusPid() {
        return janus.pid();
    }

    private void configure(String interfaceName) throws IOException {
        Files.writeString(folder.resolve("janus.jcfg"), """
                general: {
                  configs_folder = "%s"
                  plugins_folder = "%s/plugins"
                  transports_folder = "%s/transports"
                  events_folder = "%s/events"
                  loggers_folder = "%s/loggers"
                  debug_level = 3
                }
                nat: {
                  ice_enforce_list = "%s"
                }
                plugins: {
                  disable = "libjanus_audiobridge.so,libjanus_echotest.so,libjanus_nosip.so,libjanus_recordplay.so,\
                libjanus_sip.so,libjanus_streaming.so,libjanus_textroom.so,libjanus_videocall.so,libjanus_voicemail.so,\
                libjanus_duktape.so,libjanus_lua.so"
                }
                transports: {
                  disable = "libjanus_mqtt.so,libjanus_nanomsg.so,libjanus_pfunix.so,libjanus_rabbitmq.so,libjanus_http.so"
                }
                """.formatted(folder, LIBRARIES, LIBRARIES, LIBRARIES, LIBRARIES, interfaceName));
        Files.writeString(folder.resolve("janus.plugin.videoroom.jcfg"), """
                room-%d: {
                  description = "Simcast"
                  publishers = 6
                  bitrate = 8000000
                  fir_freq = 10
                  videocodec = "h264"
                  audiocodec = "opus"
                }
                """.formatted(ROOM));
        Files.writeString(folder.resolve("janus.transport.websockets.jcfg"), """
                general: {
                  ws = true
                  ws_port = %d
                  wss = false
                }
                """.formatted(JANUS_PORT));
    }

    private void startWhipServer() throws IOException, InterruptedException {
        whip = new ProcessBuilder("node", "src/server.js").directory(WHIP_SERVER.toFile())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("simple-whip-server-" + janusStarts + ".log").toFile())
                .start();
        createEndpoint();
    }

    private void startJanus() throws IOException, InterruptedException {
        janusStarts++;
        janus = new ProcessBuilder("janus", "-F", folder.toString(), "-C", folder.resolve("janus.jcfg").toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("janus-" + janusStarts + ".log").toFile())
                .start();
        long deadline = System.nanoTime() + START.toNanos();
        while (!listening(JANUS_PORT)) {
            if (!janus.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("Janus did not start: see " + folder.resolve("janus-" + janusStarts
                        + ".log"));
            }
            Thread.sleep(100);
        }
    }

    /** simple-whip-server needs a moment to reach Janus: ask until it makes the endpoint. */
    private void createEndpoint() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        String body = "{\"id\": \"" + ENDPOINT + "\", \"room\": " + ROOM + "}";
        while (true) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + WHIP_PORT + "/whip/create"))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(5))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!whip.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("simple-whip-server did not start: see "
                        + folder.resolve("simple-whip-server-" + janusStarts + ".log"));
            }
            Thread.sleep(200);
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        for (Process process : java.util.stream.Stream.of(whip, janus).filter(p -> p != null).toList()) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
