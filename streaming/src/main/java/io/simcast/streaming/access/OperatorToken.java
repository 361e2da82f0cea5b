package io.simcast.streaming.access;

import io.simcast.sim.UserFolders;
import io.simcast.sim.PrivateFiles;
import io.simcast.streaming.StreamingMessages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where the operator's token comes from, in this order: the environment variable {@value #VARIABLE}; the file named by
 * {@code --operator-token-file} (made with a new token when it does not exist); otherwise {@value #FILE_NAME} in the
 * user's settings folder ({@code UserFolders}), made on first use. Files are written with mode 0600 and refused when others may read them.
 * The token itself is never logged or printed: only where it is. Called once at start on the main thread.
 */
public final class OperatorToken {
    public static final String VARIABLE = "SIMCAST_OPERATOR_TOKEN";
    public static final String FILE_NAME = "operator-token";
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    /**
     * @param token the secret
     * @param where where it came from, in words (no secret in it)
     */
    public record Resolved(String token, String where) {
        @Override
        public String toString() {
            return "OperatorToken[" + where + "]";
        }
    }

    private OperatorToken() {}

    /**
     * @param file the file the operator named, or null
     * @throws IllegalArgumentException naming the variable or file and what is wrong with it
     */
    public static Resolved resolve(Map<String, String> env, Path file) {
        String fromEnvironment = env.get(VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new Resolved(check(fromEnvironment.strip(), VARIABLE), StreamingMessages.tokenFromVariable(VARIABLE));
        }
        Path path = file != null ? file : UserFolders.forThisUser().settings().resolve(FILE_NAME);
        try {
            if (Files.exists(path)) {
                if (file != null && readableByOthers(path)) {
                    throw new IllegalArgumentException(StreamingMessages.tokenFileTooOpen(path));
                }
                PrivateFiles.restrictToOwner(path); // our own default file: tighten it again if someone loosened it
                String token = Files.readString(path, StandardCharsets.UTF_8).strip();
                return new Resolved(check(token, path.toString()), StreamingMessages.tokenFromFile(path));
            }
            String token = Tokens.generate();
            PrivateFiles.write(path, (token + "\n").getBytes(StandardCharsets.UTF_8));
            return new Resolved(token, StreamingMessages.tokenGenerated(path));
        } catch (IOException e) {
            throw new IllegalArgumentException(StreamingMessages.tokenFileUnusable(path, e.getMessage()), e);
        }
    }

    private static String check(String token, String where) {
        if (token.length() < Tokens.MIN_LENGTH || token.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(StreamingMessages.tokenTooWeak(where, Tokens.MIN_LENGTH));
        }
        return token;
    }

    private static boolean readableByOthers(Path path) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return false;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        permissions.retainAll(OTHERS);
        return !permissions.isEmpty();
    }
}
