package io.simcast.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import io.simcast.sim.SimcastVersion;
import io.simcast.streaming.http.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One set of tools and resources for both transports: builds the SDK's synchronous MCP server over a stdio or a
 * Streamable HTTP transport provider and the {@link Workspace} the tools act on. The SDK does JSON-RPC, sessions,
 * listing and schema checks of the arguments; our tools do the rest.
 */
public final class SimcastMcpServer {
    /** The name clients show. */
    public static final String NAME = "simcast";
    /** Long enough for a scene generation (several language-model round trips); pictures and state take ms. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(10);
    private static final String INSTRUCTIONS = "Simcast runs a MuJoCo simulation that people may be watching live."
            + " Start with host_info and describe_model; read with get_state and render_picture; act with"
            + " set_controls, set_joint_positions, apply_force, step and simulation_command. Load scenes with"
            + " load_scene (a preset or your MJCF) or generate_scene. Try risky things in a private sandbox"
            + " (open_sandbox) and pass its id as 'sandbox'. make_viewer_link gives a person a link to watch.";

    private SimcastMcpServer() {}

    /** The SDK's JSON mapper over our Jackson 2 (Optional fields included). */
    static McpJsonMapper jsonMapper() {
        return new JacksonMcpJsonMapper(Json.MAPPER);
    }

    /** Every tool, in the order clients list them. */
    static List<SyncToolSpecification> tools(Workspace workspace) {
        ToolKit kit = new ToolKit(workspace);
        List<SyncToolSpecification> tools = new ArrayList<>();
        tools.addAll(HostTools.all(kit));
        tools.addAll(SceneTools.all(kit));
        tools.addAll(StateTools.all(kit));
        tools.addAll(ActionTools.all(kit));
        tools.addAll(PictureTools.all(kit));
        tools.addAll(SandboxTools.all(kit));
        tools.addAll(ShareTools.all(kit));
        tools.addAll(RlTools.all(kit));
        return tools;
    }

    /** The running scene's MJCF and the presets, as resources. */
    static List<McpServerFeatures.SyncResourceSpecification> resources(Workspace workspace) {
        McpSchema.Resource scene = McpSchema.Resource.builder().uri("simcast://scene/current.xml")
                .name("scene").title("The running scene's MJCF")
                .description("The MJCF XML of the scene the shared simulation runs now.").mimeType("application/xml")
                .build();
        McpSchema.Resource presets = McpSchema.Resource.builder().uri("simcast://presets").name("presets")
                .title("Simcast's presets").description("The built-in scenes: id, title, description (JSON).")
                .mimeType("application/json").build();
        return List.of(
                new McpServerFeatures.SyncResourceSpecification(scene, (exchange, request) ->
                        new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(request.uri(),
                                "application/xml", workspace.shared().snapshot().scene().xml())))),
                new McpServerFeatures.SyncResourceSpecification(presets, (exchange, request) ->
                        new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(request.uri(),
                                "application/json", Json.write(SceneTools.presets()))))));
    }

    private static McpSchema.ServerCapabilities capabilities() {
        return McpSchema.ServerCapabilities.builder().tools(false).resources(false, false).build();
    }

    /** A server over stdio (one session: the process that launched us). */
    public static McpSyncServer stdio(McpServerTransportProvider transport, Workspace workspace) {
        return McpServer.sync(transport).serverInfo(NAME, SimcastVersion.version()).instructions(INSTRUCTIONS)
                .jsonMapper(jsonMapper()).requestTimeout(REQUEST_TIMEOUT).capabilities(capabilities())
                .tools(tools(workspace)).resources(resources(workspace)).build();
    }

    /**
     * A server over Streamable HTTP (many sessions). Tools run on the host's worker thread that carries the request
     * (it waits for the answer anyway; each request has its own), not on Reactor's bounded-elastic pool: one thread
     * hand-off less per call. Over stdio one reader thread takes every message, so there the pool stays.
     */
    public static McpSyncServer http(McpStreamableServerTransportProvider transport, Workspace workspace) {
        return McpServer.sync(transport).serverInfo(NAME, SimcastVersion.version()).instructions(INSTRUCTIONS)
                .jsonMapper(jsonMapper()).requestTimeout(REQUEST_TIMEOUT).capabilities(capabilities())
                .immediateExecution(true).tools(tools(workspace)).resources(resources(workspace)).build();
    }
}
