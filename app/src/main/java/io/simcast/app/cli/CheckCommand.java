package io.simcast.app.cli;

import io.simcast.encode.EncodeMessages;
import io.simcast.encode.EncoderChoice;
import io.simcast.encode.EncoderProbe;
import io.simcast.encode.EncoderUnavailableException;
import io.simcast.encode.Ffmpeg;
import io.simcast.sim.SimcastVersion;
import io.simcast.sim.core.MuJoCoLibrary;
import io.simcast.sim.render.RenderUnavailableException;
import io.simcast.sim.render.Renderer;
import io.simcast.sim.scene.Preset;
import io.simcast.sim.scene.PresetCatalog;
import io.simcast.sim.scene.SceneCompiler;
import io.simcast.sim.scene.SceneLoadException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code simcast check}: what this machine can run, one line per component. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Print versions and check that MuJoCo and the presets load, that rendering works, and which"
                + " H.264 encoders work here (and why the others do not).")
final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Simcast " + SimcastVersion.version());
        out.println("Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")");
        boolean ok = true;
        try {
            out.println("MuJoCo " + MuJoCoLibrary.version() + " (JavaCPP " + SimcastVersion.javacpp() + ")");
        } catch (RuntimeException | LinkageError e) {
            out.println("MuJoCo: NOT LOADED: " + e.getMessage());
            out.flush();
            return 1;
        }
        List<String> failed = new ArrayList<>();
        SceneCompiler compiler = new SceneCompiler();
        PresetCatalog catalog = PresetCatalog.builtIn();
        for (Preset preset : catalog.presets()) {
            try {
                compiler.compile(catalog.source(preset)).release();
            } catch (SceneLoadException e) {
                failed.add(preset.id() + ": " + e.getMessage());
                ok = false;
            }
        }
        out.printf("Presets: %d of %d compile%n", catalog.presets().size() - failed.size(), catalog.presets().size());
        failed.forEach(f -> out.println("  FAILED " + f));
        try {
            out.println("Rendering: " + Renderer.probe().summary());
        } catch (RenderUnavailableException e) {
            out.println("Rendering: NOT AVAILABLE: " + e.getMessage());
            ok = false;
        }
        ok &= encoders(out);
        out.flush();
        return ok ? 0 : 1;
    }

    /** Every H.264 encoder, opened for real, with why it does not work here; then the one auto picks. */
    private static boolean encoders(PrintWriter out) {
        try {
            out.println("FFmpeg " + Ffmpeg.load() + " (JavaCPP, GPL build with libx264)");
            for (EncoderProbe.Result result : EncoderProbe.results()) {
                out.println("  " + result.describe());
            }
            out.println(EncodeMessages.chosen(EncoderProbe.choose(EncoderChoice.AUTO)));
            return true;
        } catch (EncoderUnavailableException e) {
            out.println("H.264 encoding: NOT AVAILABLE: " + e.getMessage());
            return false;
        }
    }
}
