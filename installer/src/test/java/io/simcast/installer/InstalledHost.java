package io.simcast.installer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code simcast serve} of the installed package in a child process, started the way a user starts it, on a free
 * port. Its log is echoed to the test's output ({@code simcast-serve-log} drains it) and kept for assertions.
 */
final class InstalledHost implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("Simcast serving (http://\\S+)");

    private final Process process;
    private final URI address;
    private final StringBuffer log;

    private InstalledHost(Process process, URI address, StringBuffer log) {
        this.process = process;
        this.address = address;
        this.log = log;
    }

    /** Starts {@code command serve --port P arguments...} in {@code environment}; returns once it says it serves. */
    static InstalledHost start(String command, Map<String, String> environment, String... arguments)
            throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> line = new ArrayList<>(List.of(command, "serve", "--port", Integer.toString(port)));
        line.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        StringBuffer log = new StringBuffer();
        CompletableFuture<URI> serving = new CompletableFuture<>();
        Thread drain = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String text;
                while ((text = out.readLine()) != null) {
                    System.out.println("  [installed serve] " + text);
                    log.append(text).append('\n');
                    Matcher matcher = SERVING.matcher(text);
                    if (matcher.find()) {
                        serving.complete(URI.create(matcher.group(1)));
                    }
                }
            } catch (IOException e) {
                // the process ended; the future below says so
            }
            serving.completeExceptionally(new AssertionError("simcast serve exited before serving:\n" + log));
        }, "simcast-serve-log");
        drain.setDaemon(true);
        drain.start();
        try {
            return new InstalledHost(process, serving.get(60, TimeUnit.SECONDS), log);
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
    }

    URI uri(String path) {
        return address.resolve(path);
    }

    String log() {
        return log.toString();
    }

    /** Stops it as systemd or Ctrl+C would (SIGTERM) and returns its exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            throw new AssertionError("simcast serve did not stop within 20 s of SIGTERM:\n" + log);
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
