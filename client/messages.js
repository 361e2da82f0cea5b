// Every sentence the page says to a person, in one place (the host's own sentences arrive in its answers and are
// shown as they are).

export const connected = () => 'Connected: video is arriving';
export const connectionFailed = () => 'The video connection failed; reconnecting';
export const restartingVideo = () => 'The video path was lost; restoring it on the same connection';
export const webRtcFailed = (why) => `Could not start WebRTC: ${why}`;
export const sfuFailed = (why) => `Could not play from the SFU: ${why}`;
export const answerRefused = (why) => `The host's answer was refused: ${why}`;
export const sceneLoaded = (title, id) => `Scene “${title}” (${id}) is running now`;
export const diverged = (detail) => `The simulation diverged and was reset: ${detail}`;
export const reset = () => 'The simulation was reset';
export const fullRetrying = (message, ms) => `${message} (retrying every ${ms / 1000} s)`;
export const ended = (reason) => `The host ended this session: ${reason}`;
export const joined = (count) => `Someone joined: ${count} watching`;
export const left = (count) => `Someone left: ${count} watching`;
export const atLine = (line, error) => `Line ${line}: ${error}`;
export const connectionLost = (seconds) => `Connection lost, reconnecting in ${seconds} s`;
export const viewerCan = () => 'You are watching: drag to move your own camera, scroll to zoom. The host runs the scene.';
const ROLE_MEANS = {
  viewer: 'Viewer: watch and move your own camera',
  controller: 'Controller: run, pause, step and reset the simulation for everybody',
  operator: 'Operator: everything, scenes and keys included',
};
export const roleMeans = (role) => ROLE_MEANS[role] ?? role;
export const freeCamera = () => 'Free camera';
export const camera = (name) => `Camera: ${name}`;
export const unnamedCamera = (index) => `Camera ${index}`;

// Scene editor
export const applied = (title, warnings) => warnings.length
  ? `Applied: “${title}” is running for everybody. MuJoCo warned: ${warnings.join('; ')}`
  : `Applied: “${title}” is running for everybody`;
export const applying = () => 'Compiling…';
export const refusedKeptRunning = (line, error) =>
  `${line ? `Line ${line}: ` : ''}${error}. The scene already loaded stays as it was.`;
export const sceneChanged = (title) =>
  `The running scene changed to “${title}”. Your text is not what runs now.`;
export const draftRestored = () => 'Your unsaved text from before is back (kept in this browser).';
export const loadedIntoEditor = (title) => `“${title}” is in the editor`;

// Scene from plain language
export const noModel = () => 'No language model is set up yet, so no scene can be generated.';
export const noModelOperator = () => 'Add an API key (or a local OpenAI-compatible server) under API Keys.';
export const noModelController = () =>
  'Ask the operator to add an API key: the API Keys panel of the operator’s page, or `simcast llm set` on the host.';
export const defaultProvider = () => 'The default provider';
export const generating = () => 'Asking the model…';
export const generated = (title, attempts) =>
  `“${title}” is running for everybody (${attempts} ${attempts === 1 ? 'attempt' : 'attempts'})`;
export const generationFailed = (error) => `No scene: ${error}`;
export const describeFirst = () => 'Describe the scene first';

// API keys
export const keyStored = () => 'key stored on the host';
export const noKey = () => 'no key';
export const notSetUp = () => 'not set up';
export const isDefault = () => 'default';
export const saved = (name) => `${name} is set up and is now the default`;
export const removed = (name) => `${name} was removed, its key deleted from the host`;
export const testing = () => 'Asking the provider…';
export const keyPlaceholder = (stored) => (stored ? 'stored on the host: type to replace it' : 'paste the API key');
export const keyStorage = (where) => `Keys stay on the host (${where}); this page never shows or keeps them.`;

// RL
export const copies = (n) => `${n} ${n === 1 ? 'copy' : 'copies'}`;
export const created = (id, robot, task) => `RL environment ${id} (${robot}/${task}) is open`;
export const closed = (id) => `RL environment ${id} was closed`;
export const ownedBy = (owner) => `${owner}’s`;
export const watchingCopy = (copy) => `watching copy ${copy}`;
export const noEnvironments = () => 'No RL environment is open. Create one here, or run a training script.';

// ---- the Watch list (watch.js) ----
export const theSimulation = () => 'The simulation';
export const rlCopy = (env, robot, task, copy) => `RL ${env} · ${robot}/${task} · copy ${copy}`;
export const watchButton = (watching) => (watching ? 'Watching' : 'Watch');
export const nowWatching = (what) => `Watching ${what}`;
export const selected = (body) => `Selected: ${body}`;
