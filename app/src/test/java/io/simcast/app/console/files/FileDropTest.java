package io.simcast.app.console.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDropTest {

    @Test
    void theFirstSceneFileOrFolderIsWhatADropLoads(@TempDir Path folder) throws Exception {
        File mesh = Files.createFile(folder.resolve("arm.stl")).toFile();
        File scene = Files.createFile(folder.resolve("arm.XML")).toFile();
        File assets = Files.createDirectories(folder.resolve("assets")).toFile();
        assertThat(FileDrop.sceneIn(List.of(mesh, scene, assets))).contains(scene.toPath());
        assertThat(FileDrop.sceneIn(List.of(mesh, assets))).contains(assets.toPath());
        assertThat(FileDrop.sceneIn(List.of(mesh))).isEmpty();
    }
}
