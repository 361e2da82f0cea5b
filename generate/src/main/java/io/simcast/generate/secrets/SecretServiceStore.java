package io.simcast.generate.secrets;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Secrets in the desktop keychain over the freedesktop Secret Service API (GNOME Keyring, KeePassXC, KWallet), through
 * the {@code secret-tool} command of libsecret ({@code apt install libsecret-tools}).
 *
 * <p>Why a command rather than a D-Bus library: libsecret is the reference client every Linux desktop tests against
 * (unlock prompts, collections, session encryption), it adds no Java dependency, and a keychain that hangs or crashes
 * takes a child process down, never the simulation. The secret travels over the child's stdin and stdout, never on
 * its command line (which other users can read in {@code ps}). Items carry the attributes
 * {@code service=simcast account=NAME}, the convention Python's keyring and many tools use.
 *
 * <p>Thread-safe (every call is its own process); a call blocks for at most the timeout.
 */
public final class SecretServiceStore implements SecretStore {
    private static final String SERVICE = "simcast";
    private static final String PROBE_ACCOUNT = "simcast-availability-probe";

    private final List<String> secretTool;
    private final Duration timeout;

    /**
     * @param secretTool the command that runs secret-tool (its path, or a wrapper)
     * @param timeout how long one keychain call may take, unlock prompt included
     */
    public SecretServiceStore(List<String> secretTool, Duration timeout) {
        this.secretTool = List.copyOf(secretTool);
        this.timeout = timeout;
    }

    /**
     * The keychain of this desktop session, when {@code secret-tool} is installed, a session bus is there, and a
     * Secret Service answers on it.
     *
     * @param env the environment to look in ({@code PATH}, {@code DBUS_SESSION_BUS_ADDRESS}, {@code XDG_RUNTIME_DIR})
     */
    public static Optional<SecretServiceStore> detect(Map<String, String> env, Duration timeout) {
        Optional<Path> executable = findOnPath("secret-tool", env.get("PATH"));
        if (executable.isEmpty() || !hasSessionBus(env)) {
            return Optional.empty();
        }
        SecretServiceStore store = new SecretServiceStore(List.of(executable.get().toString()), timeout);
        return store.answers() ? Optional.of(store) : Optional.empty();
    }

    @Override
    public Optional<String> read(String name) throws SecretStoreException {
        Result result = run("read", null, "lookup", "service", SERVICE, "account", SecretStore.checkName(name));
        if (result.exitCode() == 0) {
            // secret-tool ends the secret with a newline only when printing to a terminal; be lenient anyway.
            String secret = result.stdout();
            return Optional.of(secret.endsWith("\n") ? secret.substring(0, secret.length() - 1) : secret);
        }
        if (result.stderr().isBlank()) {
            return Optional.empty(); // exit 1 with nothing said: no such item
        }
        throw new SecretStoreException(SecretMessages.keychainFailed("read", result.stderr().strip()));
    }

    @Override
    public void write(String name, String secret) throws SecretStoreException {
        Result result = run("store", secret, "store", "--label", "Simcast: " + SecretStore.checkName(name),
                "service", SERVICE, "account", name);
        if (result.exitCode() != 0) {
            throw new SecretStoreException(SecretMessages.keychainFailed("store", detail(result)));
        }
    }

    @Override
    public void delete(String name) throws SecretStoreException {
        Result result = run("remove", null, "clear", "service", SERVICE, "account", SecretStore.checkName(name));
        // secret-tool clear exits 1, silently, when nothing matched.
        if (result.exitCode() != 0 && !result.stderr().isBlank()) {
            throw new SecretStoreException(SecretMessages.keychainFailed("remove", detail(result)));
        }
    }

    @Override
    public String description() {
        return SecretMessages.keychainDescription();
    }

    /** A lookup of an item that never exists: silence means a Secret Service answered. */
    boolean answers() {
        try {
            Result result = run("read", null, "lookup", "service", SERVICE, "account", PROBE_ACCOUNT);
            return result.exitCode() == 0 || result.stderr().isBlank();
        } catch (SecretStoreException e) {
            return false;
        }
    }

    private record Result(int exitCode, String stdout, String stderr) {}

    private Result run(String action, String stdin, String... arguments) throws SecretStoreException {
        List<String> command = new ArrayList<>(secretTool);
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new SecretStoreException(SecretMessages.keychainUnusable(e), e);
        }
        try {
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // secret-tool refused and exited before reading the key (a locked collection): its exit status and
                // its own words on stderr, read below, say why; the broken pipe says nothing.
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new SecretStoreException(SecretMessages.keychainTimeout(action, timeout));
            }
            // Outputs are a few bytes (a key, an error line): reading after the exit cannot fill a pipe.
            return new Result(process.exitValue(),
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                    new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            process.destroyForcibly();
            throw new SecretStoreException(SecretMessages.keychainFailed(action, e.getMessage()), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new SecretStoreException(SecretMessages.keychainFailed(action, "interrupted"), e);
        }
    }

    private static String detail(Result result) {
        String stderr = result.stderr().strip();
        return stderr.isEmpty() ? "secret-tool exited with status " + result.exitCode() : stderr;
    }

    private static boolean hasSessionBus(Map<String, String> env) {
        String address = env.get("DBUS_SESSION_BUS_ADDRESS");
        if (address != null && !address.isBlank()) {
            return true;
        }
        String runtime = env.get("XDG_RUNTIME_DIR"); // systemd's default session bus socket
        return runtime != null && !runtime.isBlank() && Files.exists(Path.of(runtime, "bus"));
    }

    static Optional<Path> findOnPath(String command, String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (folder.isBlank()) {
                continue;
            }
            Path candidate = Path.of(folder, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
