package io.simcast.sim.rl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The {@code simcast} Python package (the repository's {@code python/} folder, copied into this jar by the build), so
 * that an installed Simcast can hand it to a training machine: {@code simcast rl package --out DIR}, then
 * {@code pip install DIR}. Stateless; any thread.
 */
public final class PythonPackage {
    /** Every file of the package, as the build copies them (PythonPackageFilesTest keeps this list complete). */
    public static final List<String> FILES = List.of("pyproject.toml", "README.md", "simcast/__init__.py",
            "simcast/_compat.py", "simcast/_standins.py", "simcast/bench.py", "simcast/client.py", "simcast/env.py",
            "simcast/errors.py", "simcast/registration.py", "simcast/sb3.py", "simcast/vector.py");
    private static final String RESOURCES = "python/";

    private PythonPackage() {}

    /**
     * Writes the package into {@code folder} (created when missing; files there are replaced).
     *
     * @return the files written
     */
    public static List<Path> write(Path folder) throws IOException {
        Files.createDirectories(folder.resolve("simcast"));
        for (String file : FILES) {
            try (InputStream in = PythonPackage.class.getResourceAsStream(RESOURCES + file)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCES + file + " missing from the classpath");
                }
                Files.copy(in, folder.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return FILES.stream().map(folder::resolve).toList();
    }
}
