// Drives `simcast mcp` over stdio with the MCP TypeScript SDK's client: the command and its arguments come as
// JSON in argv[2]. Prints one JSON line with what it saw; exits non-zero on the first thing that is wrong.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const server = JSON.parse(process.argv[2]);
const transport = new StdioClientTransport({ command: server.command, args: server.args, env: server.env,
  stderr: "inherit" });
const client = new Client({ name: "simcast-ts-test", version: "1.0.0" });

function fail(message) {
  console.error("client.mjs: " + message);
  process.exit(1);
}

async function call(name, args) {
  const result = await client.callTool({ name, arguments: args });
  if (result.isError) fail(`${name} answered an error: ${result.content[0].text}`);
  return result;
}

const text = (result) => JSON.parse(result.content.find((c) => c.type === "text").text);

await client.connect(transport);
const tools = (await client.listTools()).tools.map((t) => t.name);
for (const wanted of ["host_info", "load_scene", "step", "get_state", "render_picture", "set_controls"]) {
  if (!tools.includes(wanted)) fail(`no tool ${wanted} in ${tools}`);
}
const info = text(await call("host_info", {}));
const loaded = text(await call("load_scene", { preset: "cartpole" }));
await call("set_controls", { controls: { slide: -1 } });
const stepped = text(await call("step", { count: 200 }));
const state = text(await call("get_state", { joints: ["slider"], bodies: [], sensors: [], contacts: false }));
const picture = await call("render_picture", { width: 160, height: 120 });
const image = picture.content.find((c) => c.type === "image");
if (!image || image.mimeType !== "image/png") fail("render_picture sent no PNG");
const png = Buffer.from(image.data, "base64");
const broken = await client.callTool({ name: "load_scene", arguments: { mjcf: "<mujoco><worldbody><geom" } });
const resources = (await client.listResources()).resources.map((r) => r.uri);
const mjcf = await client.readResource({ uri: "simcast://scene/current.xml" });
console.log(JSON.stringify({
  tools: tools.length,
  transport: info.transport,
  scene: loaded.scene,
  time: stepped.time,
  slider: state.joints.slider.qpos[0],
  pngSignature: png.subarray(1, 4).toString("ascii"),
  pngBytes: png.length,
  brokenIsError: broken.isError === true,
  brokenText: broken.content[0].text,
  resources,
  mjcfModel: /model="([^"]+)"/.exec(mjcf.contents[0].text)?.[1],
}));
await client.close();
