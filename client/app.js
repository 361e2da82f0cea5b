// The Simcast page: connects to the host, shows the video and what it measures, and turns clicks, keys and
// gestures into requests. signaling.js moves messages, webrtc.js owns the peer connection, input.js the input.

import { Signaling } from './signaling.js';
import { PeerConnection } from './webrtc.js';
import { captureInput } from './input.js';
import { LatencyProbe } from './latency.js';
import { ALLOWED, authorized } from './access.js';
import { SfuPlayer } from './sfu.js';
import { RecordButton } from './record.js';

const RETRY_MIN_MS = 1000;
const RETRY_MAX_MS = 15000;
const FULL_RETRY_MS = 10000;
const STATS_PERIOD_MS = 1000;

const $ = (id) => document.getElementById(id);
const video = $('video');
const stage = $('stage');

// What tests, benchmarks and curious people can read from the console.
const simcast = {
  state: 'connecting',
  viewerId: null,
  role: null,
  viewMode: new URLSearchParams(location.search).get('view') === 'host' ? 'host' : 'own',
  scene: null,
  simulation: null,
  environments: [],
  watching: { source: 'simulation' },
  stats: null,
  errors: [],
  ended: null,
  latency: new LatencyProbe(video),
  send: (message) => signaling.send(message),
};
window.simcast = simcast;

const signaling = new Signaling();
// A follower plays the host's broadcast from the SFU when the host has one; it says so once the picture arrives,
// then lets go of its own connection to the host.
const sfu = new SfuPlayer(video, () => {
  signaling.send({ type: 'broadcast' });
  closePeer();
  setConnection('connected', 'connected (SFU)');
});
Object.defineProperty(simcast, 'broadcast', { get: () => sfu.state });
const recorder = new RecordButton($('controls'), () => (sfu.active ? { view: 'shared' } : { viewer: simcast.viewerId }));
let welcomed = null;
let peer = null;
let retryDelay = RETRY_MIN_MS;
let retryTimer = null;
let statsTimer = null;

function setConnection(state, text = state) {
  simcast.state = state;
  $('connection').dataset.state = state;
  $('connection').textContent = text;
}

function showMessage(text, kind = 'error') {
  const box = $('message');
  box.textContent = text;
  box.dataset.kind = kind;
  box.hidden = !text;
}

function connect() {
  clearTimeout(retryTimer);
  setConnection('connecting');
  signaling.connect(simcast.viewMode);
}

/** Tries again after `delay`; a refused page keeps saying so until the retry. */
function scheduleReconnect(delay, refused = false) {
  clearTimeout(retryTimer);
  if (!refused) {
    setConnection('reconnecting', `reconnecting in ${Math.round(delay / 1000)} s`);
    retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
  }
  retryTimer = setTimeout(connect, delay);
}

function closePeer() {
  clearInterval(statsTimer);
  if (peer) peer.close();
  peer = null;
}

async function startPeer(welcome) {
  closePeer();
  peer = new PeerConnection(welcome.iceServers, {
    onCandidate: (candidate) => signaling.send({ type: 'candidate', ...candidate }),
    onTrack: (stream) => {
      video.srcObject = stream;
      video.play().catch(() => {});
    },
    onState: (state) => {
      if (state === 'connected') {
        setConnection('connected');
        showMessage('');
        retryDelay = RETRY_MIN_MS;
      } else if (state === 'failed') {
        setConnection('failed', 'connection failed');
        signaling.close();
      }
    },
  });
  signaling.send({ type: 'offer', sdp: await peer.offer() });
  statsTimer = setInterval(updateStats, STATS_PERIOD_MS);
}

/** The host's video over a connection of this page's own, or, following the host view, the broadcast from the SFU. */
function watchVideo() {
  if (sfu.wants(simcast.viewMode)) {
    // A page switching from its own camera keeps its connection until the SFU's picture arrives.
    sfu.play(welcomed.iceServers).catch((error) => showMessage(`Could not play from the SFU: ${error.message}`));
  } else if (!peer) {
    startPeer(welcomed).catch((error) => showMessage(`Could not start WebRTC: ${error.message}`));
  }
}

async function updateStats() {
  if (!peer) return;
  const stats = await peer.stats().catch(() => null);
  if (!stats) return;
  const latency = simcast.latency.summary();
  simcast.stats = { ...stats, videoWidth: video.videoWidth, videoHeight: video.videoHeight };
  $('stat-fps').textContent = stats.fps.toFixed(0);
  $('stat-bitrate').textContent = stats.bitrateKbps < 1000
    ? `${stats.bitrateKbps.toFixed(0)} kb/s` : `${(stats.bitrateKbps / 1000).toFixed(2)} Mb/s`;
  $('stat-codec').textContent = stats.codec || '–';
  $('stat-latency').textContent = latency
    ? `${latency.p50.toFixed(0)} ms (p95 ${latency.p95.toFixed(0)})`
    : stats.roundTripMs != null && stats.jitterBufferMs != null
      ? `≈${(stats.roundTripMs / 2 + stats.jitterBufferMs).toFixed(0)} ms` : '–';
  signaling.send({
    type: 'stats',
    fps: stats.fps,
    framesDropped: stats.framesDropped,
    latencyMs: latency ? latency.p50 : -1,
  });
}

/** Disables what the role may not use, so a viewer is not offered buttons the host would refuse. */
function showRole(role) {
  simcast.role = role;
  const allowed = ALLOWED[role];
  for (const control of document.querySelectorAll('#controls button, #controls select, #controls input')) {
    control.disabled = allowed !== undefined && !allowed.has(control.id);
  }
}

function onMessage(message) {
  switch (message.type) {
    case 'welcome':
      simcast.refused = null;
      simcast.viewerId = message.viewerId;
      showRole(message.role);
      simcast.viewMode = message.viewMode;
      $('follow').checked = message.viewMode === 'host';
      showScene(message.scene);
      showState(message.state);
      if (message.latencyStamp) simcast.latency.start();
      welcomed = message;
      recorder.show(message.role === 'operator');
      sfu.stop();
      watchVideo();
      break;
    case 'broadcast':
      sfu.configure(message);
      break;
    case 'answer':
      peer?.answer(message.sdp).catch((error) => showMessage(`The host's answer was refused: ${error.message}`));
      break;
    case 'candidate':
      peer?.addCandidate(message).catch(() => {});
      break;
    case 'state':
      showState(message);
      break;
    case 'scene':
      showScene(message);
      break;
    case 'view':
      simcast.viewMode = message.mode;
      $('follow').checked = message.mode === 'host';
      if (welcomed && sfu.wants(message.mode) !== sfu.active) {
        sfu.stop();
        watchVideo();
      }
      break;
    case 'environments':
      showEnvironments(message.environments);
      break;
    case 'watch':
      showWatching(message);
      if (message.reason) showMessage(message.reason, 'info');
      break;
    case 'event':
      if (message.event === 'diverged') showMessage(`The simulation diverged and was reset: ${message.detail}`, 'info');
      break;
    case 'error':
      simcast.errors.push(message);
      showMessage(message.message);
      break;
    case 'refused':
      simcast.refused = message;
      setConnection('refused', 'refused');
      showMessage(message.reason === 'viewer_limit'
        ? `${message.message} (retrying every ${FULL_RETRY_MS / 1000} s)` : message.message);
      break;
    case 'bye':
      if (message.reconnect === false) {
        simcast.ended = message;
        setConnection('ended', 'disconnected');
      }
      showMessage(`The host ended this session: ${message.reason}`, 'info');
      break;
    default:
      break;
  }
}

function showScene(scene) {
  simcast.scene = scene;
  $('scene-title').textContent = scene.title;
  $('presets').value = scene.id;
}

function showState(state) {
  simcast.simulation = state;
  $('play').textContent = state.playing ? 'Pause' : 'Play';
  $('speed').textContent = `${state.speed >= 1 ? state.speed : `1/${Math.round(1 / state.speed)}`}×`;
  $('stat-rtf').textContent = state.playing ? state.realTimeFactor.toFixed(2) : 'paused';
  $('stat-viewers').textContent = state.viewers;
}

/** The picker lists the simulation and every open RL environment; the copy field shows for an environment. */
function showEnvironments(environments) {
  simcast.environments = environments;
  const select = $('watch');
  select.replaceChildren(new Option('Simulation', ''),
    ...environments.map((e) => new Option(`${e.id}: ${e.robot}/${e.task} (${e.numEnvs} ${e.numEnvs === 1 ? 'copy' : 'copies'})`, e.id)));
  showWatching(simcast.watching);
}

function showWatching(watching) {
  simcast.watching = watching;
  const rl = watching.source === 'rl';
  $('watch').value = rl ? watching.env : '';
  $('watch-copy-label').hidden = !rl;
  if (rl) {
    $('watch-copy').value = watching.copy;
    const env = simcast.environments.find((e) => e.id === watching.env);
    if (env) $('watch-copy').max = env.numEnvs - 1;
  }
}

function watch() {
  const env = $('watch').value;
  signaling.send(env
    ? { type: 'watch', source: 'rl', env, copy: Math.max(0, Number.parseInt($('watch-copy').value, 10) || 0) }
    : { type: 'watch', source: 'simulation' });
}

function sendInput(event) {
  if (!peer?.sendInput(event)) signaling.send(event);
}

function command(cmd, params = {}) {
  sendInput({ type: 'command', cmd, params });
}

async function loadPresets() {
  const response = await fetch('/api/scene/presets', { headers: authorized() });
  const { current, presets } = await response.json();
  const select = $('presets');
  select.replaceChildren(...presets.map((p) => new Option(p.title, p.id)));
  select.value = current;
}

async function postScene(url, body, contentType) {
  const headers = authorized(contentType ? { 'Content-Type': contentType } : {});
  const response = await fetch(url, { method: 'POST', body, headers });
  const result = await response.json().catch(() => ({ error: `HTTP ${response.status}` }));
  if (!response.ok) {
    showMessage(result.line ? `Line ${result.line}: ${result.error}` : result.error);
  } else {
    showMessage('');
  }
}

signaling.addEventListener('message', (event) => onMessage(event.detail));
signaling.addEventListener('close', () => {
  closePeer();
  sfu.stop();
  if (simcast.ended) {
    // the operator disconnected this viewer: reloading the page is the way back
  } else if (simcast.refused?.reason === 'viewer_limit') {
    scheduleReconnect(FULL_RETRY_MS, true);
  } else if (!simcast.refused) {
    scheduleReconnect(retryDelay);
  } // else: the host cannot serve video at all; retrying will not help
});

captureInput(stage, video, sendInput);
$('play').addEventListener('click', () => command('toggle'));
$('step').addEventListener('click', () => command('step', { count: 1 }));
$('reset').addEventListener('click', () => command('reset'));
const speed = () => simcast.simulation?.speed ?? 1;
$('slower').addEventListener('click', () => command('speed', { factor: Math.max(1 / 16, speed() / 2) }));
$('faster').addEventListener('click', () => command('speed', { factor: Math.min(16, speed() * 2) }));
$('presets').addEventListener('change', (event) => postScene(`/api/scene/preset/${encodeURIComponent(event.target.value)}`));
$('upload').addEventListener('change', async (event) => {
  const file = event.target.files[0];
  if (file) await postScene('/api/scene/load', await file.text(), 'application/xml');
  event.target.value = '';
});
$('watch').addEventListener('change', () => {
  $('watch-copy').value = 0;
  watch();
});
$('watch-copy').addEventListener('change', watch);
$('follow').addEventListener('change', (event) => {
  signaling.send({ type: 'view', mode: event.target.checked ? 'host' : 'own' });
});
window.addEventListener('pagehide', () => signaling.close());

loadPresets().catch(() => {});
connect();
