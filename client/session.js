// What the page knows about the host and this viewer, and the events that change it. app.js writes it from the
// signalling messages; panels read it and listen to its events:
//   "role"          the viewer was admitted with its role (after every welcome)
//   "scene"         the running scene: {id, title, generation, cameras}
//   "simulation"    the simulation's state: {playing, speed, time, realTimeFactor, viewers}
//   "model"         the running model as data (simulate's panels): {generation, model: {joints, actuators, ...}}
//   "panel"         the panels' live values, 10 times a second: {generation, time, playing, qpos, ctrl, sensors, info,
//                   profiler}
//   "keys"          simulate's overlay keys: DOM key code to the panel it shows or hides ({F3: "profiler"})
//   "help"          simulate's help (F1), from the host's key table: {keys: [{input, does}], mouse: [{input, does}]}
//   "camera"        this page's own camera after a change it made: {fixed, name, distance, azimuth, elevation}
//   "visual"        what a view of this page's own draws at first: {flags: [...], frame, label}
//   "viewMode"      the page switched between its own camera ("own") and following the host's view ("host")
//   "environments"  the open RL environments: [{id, robot, task, numEnvs}]
//   "sandboxes"     the sandboxes MCP agents opened, which people may watch: [{id, name, kind}]
//   "watching"      what this viewer watches: {source: "simulation"}, {source: "rl", env, copy} or
//                   {source: "sandbox", id}
//   "log"           a line for the event log: {kind, text, time}
//   "picture"       the video showed its first picture
//   "providers"     the language-model settings changed (the API Keys panel saved or removed one)
// It is also window.simcast, which tests, benchmarks and curious people read.

const ROLES = ['viewer', 'controller', 'operator'];
const LOG_LINES = 200;

export class Session extends EventTarget {
  state = 'connecting';
  viewerId = null;
  /** ICE restarts this page sent after its media path failed (each kept it the same viewer). */
  iceRestarts = 0;
  role = null;
  viewMode = 'own';
  scene = null;
  simulation = null;
  model = null;
  panel = null;
  keys = {};
  help = null;
  visual = null;
  camera = null;
  environments = [];
  sandboxes = [];
  watching = { source: 'simulation' };
  stats = null;
  errors = [];
  refused = null;
  ended = null;
  /** The event log so far, oldest first (a panel opened later shows it too). */
  lines = [];
  /** Where send() goes: the signalling socket, set by app.js. */
  sender = null;

  /** Sets `name` and tells its listeners. */
  set(name, value) {
    this[name] = value;
    this.dispatchEvent(new CustomEvent(name, { detail: value }));
  }

  /** Whether this viewer's role includes `role` (an operator may do what a controller may). */
  may(role) {
    return this.role !== null && ROLES.indexOf(this.role) >= ROLES.indexOf(role);
  }

  /** Adds a line to the event log; `kind` is "info", "scene", "people" or "error". */
  log(kind, text) {
    const line = { kind, text, time: new Date() };
    this.lines.push(line);
    if (this.lines.length > LOG_LINES) this.lines.shift();
    this.dispatchEvent(new CustomEvent('log', { detail: line }));
  }

  /** Sends a signalling message (app.js connects it to the socket). */
  send(message) {
    this.sender?.(message);
  }
}
