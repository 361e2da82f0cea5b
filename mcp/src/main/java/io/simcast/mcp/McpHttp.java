package io.simcast.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.simcast.streaming.Role;
import io.simcast.streaming.access.Access;
import io.simcast.streaming.access.Gatekeeper;
import io.simcast.streaming.access.Grant;
import io.simcast.streaming.host.HostExtension;
import io.simcast.streaming.host.HostServices;
import io.simcast.streaming.host.Rendering;
import io.undertow.server.HttpHandler;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.spec.HttpServletRequestImpl;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import jakarta.servlet.ServletException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MCP's Streamable HTTP transport at {@code /mcp} on the running host (serve and the console's embedded host), as a
 * {@link HostExtension} that app mounts: the SDK's servlet runs in an Undertow servlet deployment behind the host's
 * own {@code Guard}. Every request needs at least the controller role (an operator token or a controller link, as
 * {@code Authorization: Bearer}; local operator access where the host allows it); viewers get 403. A request whose
 * {@code Origin} is not the host's own is refused ({@link OriginCheck}). The caller's role travels to the tools in
 * the MCP transport context; a session's sandboxes close when the client ends the session ({@code DELETE}).
 *
 * <p>Undertow IO threads check and dispatch; the servlet and the tools run on the host's worker threads.
 */
public final class McpHttp implements HostExtension {
    public static final String PATH = "/mcp";
    /** An MJCF document may be 2 MiB; JSON escaping can double it. */
    private static final int MAX_REQUEST_BYTES = 8 << 20;
    private static final HttpString SESSION_HEADER = HttpString.tryFromString("Mcp-Session-Id");

    private final Sandboxes.Limits limits;
    private Workspace workspace;
    private McpSyncServer server;
    private DeploymentManager deployment;

    public McpHttp() {
        this(Sandboxes.Limits.DEFAULT);
    }

    McpHttp(Sandboxes.Limits limits) {
        this.limits = limits;
    }

    @Override
    public List<Route> mount(HostServices host) {
        Target shared = new Target(Workspace.SHARED, host.simulation(), host.rendering(), false);
        boolean renders = host.rendering() instanceof Rendering.Available;
        workspace = new Workspace("http", shared, host.scenes(), host.rl(),
                new Sandboxes(limits, () -> renders, Optional.of(host.sandboxes())),
                Optional.of(new Sharing(host.links(), host.pageAddress(), host.sandboxes())), host.generator(),
                new Grant(Role.VIEWER, null));
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(SimcastMcpServer.jsonMapper()).mcpEndpoint(PATH).maxRequestSize(MAX_REQUEST_BYTES)
                .keepAliveInterval(Duration.ofSeconds(30)).contextExtractor(McpHttp::context).build();
        server = SimcastMcpServer.http(transport, workspace);
        HttpHandler servlet = deploy(transport);
        HttpHandler handler = new OriginCheck(host.pageAddress(), dispatching(endingSessions(servlet)));
        return List.of(new Route("POST", PATH, Access.CONTROLLER, handler),
                new Route("GET", PATH, Access.CONTROLLER, handler),
                new Route("DELETE", PATH, Access.CONTROLLER, handler));
    }

    /** The caller's grant (role and link), as the Guard found it, for the tools. */
    private static McpTransportContext context(jakarta.servlet.http.HttpServletRequest request) {
        Grant grant = request instanceof HttpServletRequestImpl impl
                ? impl.getExchange().getAttachment(Gatekeeper.GRANT) : null;
        return grant == null ? McpTransportContext.EMPTY
                : McpTransportContext.create(Map.of(ToolCall.GRANT, grant));
    }

    private HttpHandler deploy(HttpServletStreamableServerTransportProvider transport) {
        DeploymentInfo info = Servlets.deployment().setClassLoader(McpHttp.class.getClassLoader())
                .setContextPath("").setDeploymentName("simcast-mcp")
                .addServlet(Servlets.servlet("mcp", HttpServletStreamableServerTransportProvider.class,
                        new ImmediateInstanceFactory<>(transport)).addMapping(PATH).setAsyncSupported(true));
        deployment = Servlets.newContainer().addDeployment(info);
        deployment.deploy();
        try {
            return deployment.start();
        } catch (ServletException e) {
            throw new IllegalStateException("The MCP servlet did not start: " + e.getMessage(), e);
        }
    }

    /** Runs the servlet on a worker: it blocks on reading bodies and on the tools. */
    private static HttpHandler dispatching(HttpHandler next) {
        return exchange -> {
            if (exchange.isInIoThread()) {
                exchange.dispatch(next);
            } else {
                next.handleRequest(exchange);
            }
        };
    }

    /** A {@code DELETE} ends the client's session: its sandboxes close with it. */
    private HttpHandler endingSessions(HttpHandler next) {
        return exchange -> {
            String session = exchange.getRequestHeaders().getFirst(SESSION_HEADER);
            if (session != null && exchange.getRequestMethod().equals(Methods.DELETE)) {
                exchange.addExchangeCompleteListener((done, nextListener) -> {
                    workspace.sandboxes().sessionEnded(session);
                    nextListener.proceed();
                });
            }
            next.handleRequest(exchange);
        };
    }

    /** The workspace the tools act on (tests and the benchmark look at its sandboxes). */
    Workspace workspace() {
        return workspace;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        if (deployment != null) {
            try {
                deployment.stop();
            } catch (ServletException e) {
                // the host is going away; nothing left to serve
            }
            deployment.undeploy();
        }
        if (workspace != null) {
            workspace.close();
        }
    }
}
