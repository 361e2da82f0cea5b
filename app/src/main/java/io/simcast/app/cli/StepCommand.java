package io.simcast.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.simcast.sim.scene.Rollout;
import io.simcast.sim.scene.Scene;
import io.simcast.sim.scene.SceneCompiler;
import io.simcast.sim.scene.SceneLimits;
import io.simcast.sim.scene.SceneLocator;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code simcast step}: run a scene unpaced and print where it ended up. */
@Command(name = "step", mixinStandardHelpOptions = true,
        description = "Run N unpaced steps from the scene's initial state and print the final state.")
final class StepCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--scene", required = true, paramLabel = "ID_OR_FILE",
            description = "A preset id (see 'simcast presets'), an MJCF/URDF file, or a folder with one.")
    String scene;

    @Option(names = "--steps", defaultValue = "1000", paramLabel = "N", description = "Steps to run (default ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--json", description = "Print JSON: time, qpos and qvel in full double precision.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (steps < 0) {
            throw new IllegalArgumentException("--steps must not be negative");
        }
        Scene compiled = new SceneCompiler().compile(SceneLocator.locate(scene, SceneLimits.DEFAULT));
        Rollout.Result result;
        try {
            result = Rollout.run(compiled, steps);
        } finally {
            compiled.release();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode node = mapper.createObjectNode();
            node.put("scene", compiled.id());
            node.put("steps", result.steps());
            node.put("time", result.time());
            node.set("qpos", mapper.valueToTree(result.qpos()));
            node.set("qvel", mapper.valueToTree(result.qvel()));
            node.set("warnings", mapper.valueToTree(result.warnings()));
            out.println(mapper.writeValueAsString(node));
        } else {
            out.printf("scene %s: %d steps, t = %.6f s%n", compiled.id(), result.steps(), result.time());
            out.println("qpos " + Arrays.toString(result.qpos()));
            out.println("qvel " + Arrays.toString(result.qvel()));
            result.warnings().forEach(w -> out.println("warning: " + w));
        }
        out.flush();
        return result.stable() ? 0 : 2;
    }
}
