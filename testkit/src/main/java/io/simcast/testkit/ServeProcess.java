package io.simcast.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code simcast serve} in a child process, exactly as a user starts it, so benchmarks measure the product and its
 * resident size alone, and the installer's test watches the installed copy: by default with this JVM, its flags and
 * class path, or with a given launcher (the installed {@code /usr/bin/simcast}) in a given environment. Its log goes
 * to this process's stderr. Started and stopped by the caller's thread; {@code simcast-serve-log} forwards the log.
 */
public final class ServeProcess implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("Simcast serving (http://\\S+)");
    private static final long STOP_SECONDS = 15;
    /** A failure guard only: at load average 50 on two cores serve took over a minute to its first line. */
    private static final long START_SECONDS = 180;

    /** The variable serve reads its operator token from (docs/SECURITY.md). */
    public static final String OPERATOR_TOKEN_VARIABLE = "SIMCAST_OPERATOR_TOKEN";

    private final Process process;
    private final URI address;
    private final String operatorToken;

    private ServeProcess(Process process, URI address, String operatorToken) {
        this.process = process;
        this.address = address;
        this.operatorToken = operatorToken;
    }

    /** Starts {@code simcast serve} with {@code arguments} on a free port with this JVM and waits until it serves. */
    public static ServeProcess start(List<String> arguments) throws IOException, InterruptedException {
        List<String> launcher = new ArrayList<>();
        launcher.add(ProcessHandle.current().info().command().orElse("java"));
        launcher.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        launcher.add("-cp");
        launcher.add(System.getProperty("java.class.path"));
        launcher.add("io.simcast.app.cli.SimcastCommand");
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.putIfAbsent("MALLOC_ARENA_MAX", "2");
        // A token of its own, so that the process neither reads nor makes the user's operator token file.
        byte[] secret = new byte[24];
        new java.security.SecureRandom().nextBytes(secret);
        environment.putIfAbsent(OPERATOR_TOKEN_VARIABLE, java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(secret));
        return start(launcher, environment, arguments);
    }

    /**
     * Starts {@code launcher serve --port P arguments} on a free port, in exactly {@code environment} (which names the
     * operator token: {@value #OPERATOR_TOKEN_VARIABLE}), and waits until it serves.
     */
    public static ServeProcess start(List<String> launcher, Map<String, String> environment, List<String> arguments)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(launcher);
        command.add("serve");
        command.add("--port");
        command.add(Integer.toString(port));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        CompletableFuture<URI> serving = new CompletableFuture<>();
        Thread log = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    System.err.println("  [serve] " + line);
                    Matcher matcher = SERVING.matcher(line);
                    if (matcher.find()) {
                        serving.complete(URI.create(matcher.group(1)));
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            serving.completeExceptionally(new IOException("simcast serve exited before serving"));
        }, "simcast-serve-log");
        log.setDaemon(true);
        log.start();
        try {
            return new ServeProcess(process, serving.get(START_SECONDS, TimeUnit.SECONDS),
                    environment.get(OPERATOR_TOKEN_VARIABLE));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("simcast serve did not start: " + e.getMessage(), e);
        }
    }

    public URI address() {
        return address;
    }

    /** The operator token, which scripts send as {@code Authorization: Bearer}. */
    public String operatorToken() {
        return operatorToken;
    }

    /** The operator's page, from a new operator link made with the operator token (it opens once). */
    public URI operatorPage() throws IOException, InterruptedException {
        java.net.http.HttpResponse<String> made = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(address.resolve("/api/links"))
                        .header("Authorization", "Bearer " + operatorToken)
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"role\": \"operator\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        Matcher url = Pattern.compile("\"url\"\\s*:\\s*\"([^\"]+)\"").matcher(made.body());
        if (made.statusCode() != 201 || !url.find()) {
            throw new IOException("no operator link: HTTP " + made.statusCode() + " " + made.body());
        }
        return URI.create(url.group(1));
    }

    public long pid() {
        return process.pid();
    }

    /** Resident set size in MiB, from /proc. */
    public double residentMiB() throws IOException {
        return ProcessCpu.residentKiB(process.pid()) / 1024.0;
    }

    /**
     * Stops it as systemd or Ctrl+C would (SIGTERM: the host shuts down in order) and returns its exit code.
     *
     * @throws IllegalStateException when it did not stop within 15 s (it is then killed)
     */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            throw new IllegalStateException("simcast serve did not stop within " + STOP_SECONDS + " s of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
