package io.simcast.app.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code simcast serve} in a child process, exactly as a user starts it (same JVM, flags and class path as this
 * one), so benchmarks measure the product and its resident size alone. Its log goes to this process's stderr.
 * Started and closed by the benchmark's thread; {@code simcast-serve-log} forwards the log.
 */
public final class ServeProcess implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("Simcast serving (http://\\S+)");

    private final Process process;
    private final URI address;

    private ServeProcess(Process process, URI address) {
        this.process = process;
        this.address = address;
    }

    /** Starts {@code simcast serve} with {@code arguments} on a free port and waits until it serves. */
    public static ServeProcess start(List<String> arguments) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.simcast.app.cli.SimcastCommand");
        command.add("serve");
        command.add("--port");
        command.add(Integer.toString(port));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
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
            return new ServeProcess(process, serving.get(60, TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("simcast serve did not start: " + e.getMessage(), e);
        }
    }

    public URI address() {
        return address;
    }

    public long pid() {
        return process.pid();
    }

    /** Resident set size in MiB, from /proc. */
    public double residentMiB() throws IOException {
        return ProcessCpu.residentKiB(process.pid()) / 1024.0;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: the host shuts down in order
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
