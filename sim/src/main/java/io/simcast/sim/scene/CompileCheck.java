package io.simcast.sim.scene;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The child side of {@link IsolatedSceneCompiler}: {@code java ... io.simcast.sim.scene.CompileCheck --file-name NAME
 * [--folder DIR] --limits JSON} reads one MJCF (or URDF) document on stdin, checks it in the sandbox, compiles it with
 * MuJoCo (and its {@link ModelBudget}), allocates its data and runs a few steps, runs every {@link CompiledSceneCheck}
 * on the class path (the renderer's: MuJoCo's GL resources and one frame), then prints one result line on stdout and
 * exits 0. Whatever makes MuJoCo crash, hang or eat memory does it to this short-lived process, not to the host.
 *
 * <p>The result line is {@value #MARKER} followed by JSON: {@code {"ok": true}} or {@code {"ok": false, "message":
 * "..."}}. Nothing else this process prints may be mistaken for it: library output goes to stderr. Main thread only.
 */
public final class CompileCheck {
    static final String MARKER = "simcast-compile-check ";
    /** Enough steps to reach the contact, constraint and integrator code once or twice; cheap for any scene. */
    static final int STEPS = 10;

    private CompileCheck() {}

    public static void main(String[] args) throws IOException {
        PrintStream result = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err); // anything a library prints must not look like our answer
        Map<String, String> options = options(args);
        ObjectMapper json = new ObjectMapper();
        SceneLimits limits = json.readValue(options.get("--limits"), SceneLimits.class);
        String xml = readLimited(System.in, limits.maxXmlBytes() + 1);
        String folder = options.get("--folder");
        SceneSource source = new SceneSource("check", "check", xml, options.get("--file-name"),
                folder == null ? null : Path.of(folder), false);
        Map<String, Object> answer = new LinkedHashMap<>();
        try {
            Scene scene = new SceneCompiler(limits).compile(source);
            try {
                Rollout.run(scene, STEPS);
                for (CompiledSceneCheck check : ServiceLoader.load(CompiledSceneCheck.class)) {
                    check.check(scene);
                }
            } finally {
                scene.release();
            }
            answer.put("ok", true);
        } catch (SceneLoadException e) {
            answer.put("ok", false);
            answer.put("message", e.getMessage());
        } catch (RuntimeException e) {
            answer.put("ok", false);
            answer.put("message", SceneMessages.nativeFailure(e.getMessage()));
        }
        result.println(MARKER + json.writeValueAsString(answer));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    /** Reads at most {@code limit} bytes: a larger document is refused by the sandbox with its own message. */
    private static String readLimited(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        int read;
        while (bytes.size() < limit && (read = in.read(chunk, 0, (int) Math.min(chunk.length, limit - bytes.size()))) > 0) {
            bytes.write(chunk, 0, read);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
