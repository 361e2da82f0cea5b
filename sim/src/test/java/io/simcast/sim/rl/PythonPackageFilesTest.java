package io.simcast.sim.rl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Python package the jar carries is the whole of python/, and what it writes out installs and imports. */
class PythonPackageFilesTest {

    @Test
    void theListNamesEveryFileOfThePackage() throws Exception {
        Path source = Python.packageFolder();
        try (Stream<Path> files = Files.walk(source.resolve("simcast"))) {
            List<String> modules = files.filter(file -> file.toString().endsWith(".py"))
                    .map(file -> source.relativize(file).toString()).sorted().toList();
            assertThat(PythonPackage.FILES).containsAll(modules);
        }
    }

    @Test
    void theWrittenPackageIsTheSourceAndPipInstallsItForNumpyAlone(@TempDir Path folder) throws Exception {
        List<Path> written = PythonPackage.write(folder.resolve("simcast-python"));

        assertThat(written).hasSize(PythonPackage.FILES.size()).allMatch(Files::isRegularFile);
        assertThat(Files.readString(folder.resolve("simcast-python/simcast/vector.py")))
                .isEqualTo(Files.readString(Python.packageFolder().resolve("simcast/vector.py")));
        // pip as a user runs it, offline: Debian's setuptools builds it, no dependency is fetched (numpy is there)
        Python.Outcome installed = Python.run(folder, Map.of(), "-m", "pip", "install", "--no-index",
                "--no-build-isolation", "--no-deps", "--target", folder.resolve("site").toString(),
                folder.resolve("simcast-python").toString());
        assertThat(installed.exitCode()).as(installed.output()).isZero();
        Python.Outcome imported = Python.run(folder, Map.of("PYTHONPATH", folder.resolve("site").toString()),
                "-c", "import simcast; print(simcast.__version__, simcast.SimcastVecEnv.__name__)");
        assertThat(imported.exitCode()).as(imported.output()).isZero();
        assertThat(imported.output()).contains("0.1.0 SimcastVecEnv");
    }
}
