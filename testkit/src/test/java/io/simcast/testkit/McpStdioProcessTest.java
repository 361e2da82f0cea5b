package io.simcast.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link McpStdioProcess} catches, with small shell commands in place of an MCP server. */
class McpStdioProcessTest {
    @TempDir
    private Path folder;

    @Test
    void aLineOnStdoutThatIsNoMcpMessageFailsTheSession() throws Exception {
        try (McpStdioProcess mcp = McpStdioProcess.start(List.of("bash", "-c",
                "read -r request; echo 'Picked up JAVA_TOOL_OPTIONS: -Xmx1g'; cat >/dev/null"), Map.of(),
                folder.resolve("stderr.log"))) {
            assertThatThrownBy(mcp::initialize)
                    .hasMessage("stdout carried a line that is no MCP message: Picked up JAVA_TOOL_OPTIONS: -Xmx1g");
        }
    }

    @Test
    void aCommandThatEndsBeforeItAnswersFailsWithItsStderr() throws Exception {
        Path stderr = folder.resolve("stderr.log");
        McpStdioProcess mcp = McpStdioProcess.start(List.of("bash", "-c", "echo 'no JDK 25 found' >&2; exit 1"),
                Map.of(), stderr);
        assertThatThrownBy(mcp::initialize).hasMessageContaining("no JDK 25 found");
        mcp.close();
    }
}
