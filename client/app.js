// The Simcast page: connects to the host, shows the video and what it measures, turns clicks, keys and gestures
// into requests, and hands what the host says to the workspace's panels (registry.js, features.js).
// signaling.js moves messages, webrtc.js owns the peer connection, input.js the input, session.js the shared state.

import { Signaling } from './signaling.js';
import { PeerConnection } from './webrtc.js';
import { captureInput } from './input.js';
import { LatencyProbe } from './latency.js';
import { ALLOWED, authorized } from './access.js';
import { Session } from './session.js';
import { mountWorkspace, workspace } from './registry.js';
import { followOverlayKeys } from './panels/simulate/overlay-keys.js';
import * as say from './messages.js';
import './features.js';
import { SfuPlayer } from './sfu.js';
import { RecordButton } from './record.js';

const RETRY_MIN_MS = 1000;
const RETRY_MAX_MS = 15000;
const FULL_RETRY_MS = 10000;
/** ICE restarts tried after a failed path before the page reconnects from scratch (each waits for libwebrtc's ~15 s). */
const MAX_ICE_RESTARTS = 3;
const STATS_PERIOD_MS = 1000;
const SMALL_SCREEN = '(max-width: 600px)';
const STATS = ['fps', 'latency', 'bitrate', 'codec', 'rtf', 'viewers'];
/** How long the video's size must hold still before the host is asked to render at it. */
const SIZE_SETTLE_MS = 300;
/** How long a new camera's name stays in the view. */
const CAMERA_NAME_MS = 2500;

const $ = (id) => document.getElementById(id);
const video = $('video');
const stage = $('stage');

const simcast = new Session();
simcast.viewMode = new URLSearchParams(location.search).get('view') === 'host' ? 'host' : 'own';
simcast.latency = new LatencyProbe(video);
simcast.workspace = workspace;
/** When each step toward the first picture happened, in ms since the page was opened (simcast bench page). */
simcast.timings = {};
const mark = (step) => {
  simcast.timings[step] ??= performance.now();
};
window.simcast = simcast;
followOverlayKeys(simcast);

const signaling = new Signaling();
simcast.sender = (message) => signaling.send(message);
// A follower plays the host's broadcast from the SFU when the host has one; it says so once the picture arrives,
// then lets go of its own connection to the host.
const sfu = new SfuPlayer(video, () => {
  signaling.send({ type: 'broadcast' });
  closePeer();
  setConnection('connected', 'connected (SFU)');
  hideLost();
});
Object.defineProperty(simcast, 'broadcast', { get: () => sfu.state });
const recorder = new RecordButton($('controls'), () => (sfu.active ? { view: 'shared' } : { viewer: simcast.viewerId }));
let welcomed = null;
let peer = null;
let retryDelay = RETRY_MIN_MS;
let retryTimer = null;
/** ICE restarts since the connection last worked, and whether one waits for its answer. */
let iceRestarts = 0;
let restartPending = false;
let statsTimer = null;
let countdownTimer = null;
let cameraNameTimer = null;
let sizeTimer = null;
/** The display size last asked for ("WxH"), so that an unchanged size is not asked again. */
let sizeAsked = '';
/** What a viewer can do, said once when its video first arrives. */
let hint = '';

function setConnection(state, text = state) {
  simcast.state = state;
  $('connection').dataset.state = state;
  $('connection').textContent = text;
}

/** Shows `text` over the video until the person dismisses it (× or Esc) or another message replaces it. */
function showMessage(text, kind = 'error') {
  const box = $('message');
  $('message-text').textContent = text;
  box.dataset.kind = kind;
  box.hidden = !text;
}

/** Says over the video that the connection is lost and counts down to the next try; the stats show nothing. */
function showLost(delay) {
  clearInterval(countdownTimer);
  const until = Date.now() + delay;
  const tick = () => {
    $('lost').textContent = say.connectionLost(Math.max(0, Math.ceil((until - Date.now()) / 1000)));
  };
  tick();
  countdownTimer = setInterval(tick, 250);
  $('lost').hidden = false;
  for (const stat of STATS) $(`stat-${stat}`).textContent = '–';
}

function hideLost() {
  clearInterval(countdownTimer);
  $('lost').hidden = true;
}

function connect() {
  mark('script');
  clearTimeout(retryTimer);
  setConnection('connecting');
  signaling.connect(simcast.viewMode);
}

/** Tries again after `delay`; a refused page keeps saying so until the retry. */
function scheduleReconnect(delay, refused = false) {
  clearTimeout(retryTimer);
  if (!refused) {
    setConnection('reconnecting', `reconnecting in ${Math.round(delay / 1000)} s`);
    showLost(delay);
    retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
  }
  retryTimer = setTimeout(connect, delay);
}

function closePeer() {
  clearInterval(statsTimer);
  if (peer) peer.close();
  peer = null;
  iceRestarts = 0;
  restartPending = false;
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
        mark('connected');
        setConnection('connected');
        hideLost();
        showMessage(hint, 'info');
        hint = '';
        simcast.log('info', say.connected());
        retryDelay = RETRY_MIN_MS;
        iceRestarts = 0;
      } else if (state === 'failed' && iceRestarts < MAX_ICE_RESTARTS) {
        restartIce();
      } else if (state === 'failed') {
        setConnection('failed', 'connection failed');
        simcast.log('error', say.connectionFailed());
        signaling.close();
      }
    },
  });
  signaling.send({ type: 'offer', sdp: await peer.offer() });
  mark('offer');
  statsTimer = setInterval(updateStats, STATS_PERIOD_MS);
}

/**
 * The media path failed (this page's libwebrtc or the host's gave it up, about 15 s into an outage) while the page and
 * its socket are fine: an offer with new ICE credentials on the same connection brings the video back as the same
 * viewer, without a new admission. One at a time; the host or this page may ask first.
 */
async function restartIce() {
  if (!peer || restartPending) return;
  restartPending = true;
  iceRestarts += 1;
  simcast.iceRestarts += 1;
  setConnection('reconnecting', 'restoring video');
  simcast.log('info', say.restartingVideo());
  try {
    signaling.send({ type: 'restart', sdp: await peer.offer({ iceRestart: true }) });
  } catch (error) {
    restartPending = false;
    showMessage(say.webRtcFailed(error.message));
  }
}

/** The host's video over a connection of this page's own, or, following the host view, the broadcast from the SFU. */
function watchVideo() {
  if (sfu.wants(simcast.viewMode)) {
    // A page switching from its own camera keeps its connection until the SFU's picture arrives.
    sfu.play(welcomed.iceServers).catch((error) => showMessage(say.sfuFailed(error.message)));
  } else if (!peer) {
    startPeer(welcomed).catch((error) => showMessage(say.webRtcFailed(error.message)));
  }
}

async function updateStats() {
  const measured = peer;
  if (!measured) return;
  const stats = await measured.stats().catch(() => null);
  if (!stats || peer !== measured) return; // the connection closed meanwhile: its numbers are not true any more
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

/**
 * Hides (and disables) what the role may not use, names the role in the header, tells a viewer once what it can do,
 * and adds the panels and controls the role may use.
 */
function showRole(role) {
  const first = simcast.role === null;
  simcast.set('role', role);
  const allowed = ALLOWED[role];
  for (const control of document.querySelectorAll('#controls button, #controls select, #controls input')) {
    if (control.closest('[data-control]')) continue;
    control.disabled = allowed !== undefined && !allowed.has(control.id);
    (control.closest('label') ?? control).hidden = control.disabled;
  }
  $('speed').hidden = $('faster').hidden;
  $('role').textContent = role;
  $('role').dataset.role = role;
  $('role').title = say.roleMeans(role);
  $('role').hidden = false;
  if (first && role === 'viewer') hint = say.viewerCan();
  mountWorkspace(simcast, { dock: $('dock'), toggles: $('panel-toggles'), bar: $('controls') });
}

function onMessage(message) {
  switch (message.type) {
    case 'welcome':
      mark('welcome');
      simcast.refused = null;
      simcast.viewerId = message.viewerId;
      forgetOwnView();
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
      mark('answer');
      restartPending = false;
      peer?.answer(message.sdp).catch((error) => showMessage(say.answerRefused(error.message)));
      break;
    case 'restart':
      restartIce();
      break;
    case 'candidate':
      peer?.addCandidate(message).catch(() => {});
      break;
    case 'state':
      showState(message);
      break;
    case 'scene':
      simcast.log('scene', say.sceneLoaded(message.title, message.id));
      showScene(message);
      break;
    case 'view':
      forgetOwnView();
      simcast.set('viewMode', message.mode);
      $('follow').checked = message.mode === 'host';
      if (welcomed && sfu.wants(message.mode) !== sfu.active) {
        sfu.stop();
        watchVideo();
      }
      break;
    case 'model':
      simcast.set('model', message);
      break;
    case 'panel':
      simcast.set('panel', message.sample);
      break;
    case 'keys':
      simcast.set('help', message.help);
      simcast.set('keys', message.panels);
      break;
    case 'visual':
      simcast.set('visual', message.visual);
      break;
    case 'environments':
      simcast.set('environments', message.environments);
      break;
    case 'sources':
      simcast.set('sandboxes', message.sandboxes);
      break;
    case 'watch':
      simcast.set('watching', message);
      if (message.reason) {
        showMessage(message.reason, 'info');
        simcast.log('info', message.reason);
      }
      break;
    case 'camera':
      showCamera(message);
      break;
    case 'event':
      if (message.event === 'diverged') {
        showMessage(say.diverged(message.detail), 'info');
        simcast.log('error', say.diverged(message.detail));
      } else if (message.event === 'reset') {
        simcast.log('info', say.reset());
      }
      break;
    case 'error':
      simcast.errors.push(message);
      showMessage(message.message);
      simcast.log('error', message.message);
      break;
    case 'refused':
      simcast.refused = message;
      setConnection('refused', 'refused');
      showMessage(message.reason === 'viewer_limit' ? say.fullRetrying(message.message, FULL_RETRY_MS) : message.message);
      break;
    case 'bye':
      if (message.reconnect === false) {
        simcast.ended = message;
        setConnection('ended', 'disconnected');
      }
      showMessage(say.ended(message.reason), 'info');
      simcast.log('info', say.ended(message.reason));
      break;
    default:
      break;
  }
}

function showScene(scene) {
  const changed = simcast.scene?.generation !== scene.generation;
  $('scene-title').textContent = scene.title;
  $('presets').value = scene.id;
  if (changed) {
    simcast.camera = null; // a new scene starts every view on its free camera
    const cameras = $('camera');
    cameras.replaceChildren(new Option(say.freeCamera(), ''),
      ...(scene.cameras ?? []).map((name, i) => new Option(name || say.unnamedCamera(i), String(i))));
  }
  simcast.set('scene', scene);
}

/**
 * Where this page's own camera is, as the host says after each change: the camera list follows it, and a new camera
 * is named in the view for a moment ("Camera: top", "Free camera"), as the console names it.
 */
function showCamera(camera) {
  const before = simcast.camera?.fixed ?? null; // a view starts on the free camera
  simcast.set('camera', camera);
  const fixed = camera.fixed ?? null;
  $('camera').value = fixed === null ? '' : String(fixed);
  askForDisplaySize(); // the host reports a camera once the page has a view of its own
  if (fixed === before) return;
  $('camera-name').textContent = fixed === null ? say.freeCamera() : say.camera(camera.name);
  $('camera-name').hidden = false;
  clearTimeout(cameraNameTimer);
  cameraNameTimer = setTimeout(() => { $('camera-name').hidden = true; }, CAMERA_NAME_MS);
}

/**
 * Asks the host to render this page's own view at the size the video is shown (CSS pixels times devicePixelRatio)
 * once that size holds still; the host fits it within its video size. Only a view of its own follows the page: until
 * the person steers, and while following the host, the shared view keeps the host's size.
 */
function askForDisplaySize() {
  clearTimeout(sizeTimer);
  sizeTimer = setTimeout(() => {
    if (!simcast.camera || simcast.viewMode !== 'own' || simcast.watching.source !== 'simulation') return;
    const box = video.getBoundingClientRect();
    // Whole device pixels inside the box: a picture a fraction larger would be scaled down, and blurred.
    const width = Math.floor(box.width * devicePixelRatio);
    const height = Math.floor(box.height * devicePixelRatio);
    if (!width || !height || `${width}x${height}` === sizeAsked) return;
    sizeAsked = `${width}x${height}`;
    sendInput({ type: 'size', width, height });
  }, SIZE_SETTLE_MS);
}

/** This page has no view of its own (yet, or any more): the next one starts at the host's size and camera. */
function forgetOwnView() {
  simcast.camera = null;
  sizeAsked = '';
}

function showState(state) {
  const before = simcast.simulation?.viewers;
  if (before !== undefined && state.viewers !== before) {
    simcast.log('people', state.viewers > before ? say.joined(state.viewers) : say.left(state.viewers));
  }
  simcast.set('simulation', state);
  $('play').textContent = state.playing ? 'Pause' : 'Play';
  $('step').disabled = state.playing; // as Right arrow and the console's Step: one step while paused
  $('speed').textContent = `${state.speed >= 1 ? state.speed : `1/${Math.round(1 / state.speed)}`}×`;
  $('stat-rtf').textContent = state.playing ? state.realTimeFactor.toFixed(2) : 'paused';
  $('paused').hidden = state.playing;
  $('selected').hidden = !state.selected;
  $('selected').textContent = state.selected ? say.selected(state.selected) : '';
  $('stat-viewers').textContent = state.viewers;
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
    const text = say.refusedKeptRunning(result.line, result.error);
    showMessage(text);
    simcast.log('error', text);
  } else {
    showMessage('');
  }
}

function toggleFullscreen() {
  if (document.fullscreenElement) document.exitFullscreen();
  else stage.requestFullscreen().catch(() => {});
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

video.requestVideoFrameCallback?.(() => {
  mark('picture');
  simcast.dispatchEvent(new Event('picture'));
});
captureInput(stage, video, sendInput);
// The window's size and the stage's width (panels shown or hidden beside it), not the video's box: on a narrow page
// that box's height follows the picture's shape, which this size sets (a loop).
window.addEventListener('resize', askForDisplaySize);
let stageWidth = 0;
new ResizeObserver(([entry]) => {
  if (entry.contentRect.width === stageWidth) return;
  stageWidth = entry.contentRect.width;
  askForDisplaySize();
}).observe(stage);
// Each button sends the named command its key stands for (streaming.input.Commands), as the console's buttons do:
// the host does the arithmetic (slower and faster halve and double the speed it holds).
const BUTTONS = { play: 'toggle', step: 'step', reset: 'reset', slower: 'slower', faster: 'faster' };
for (const [id, cmd] of Object.entries(BUTTONS)) $(id).addEventListener('click', () => command(cmd));
$('presets').addEventListener('change', (event) => postScene(`/api/scene/preset/${encodeURIComponent(event.target.value)}`));
$('upload').addEventListener('change', async (event) => {
  const file = event.target.files[0];
  if (file) await postScene('/api/scene/load', await file.text(), 'application/xml');
  event.target.value = '';
});
$('follow').addEventListener('change', (event) => {
  signaling.send({ type: 'view', mode: event.target.checked ? 'host' : 'own' });
});
$('reset-camera').addEventListener('click', () => {
  sendInput({ type: 'camera' });
  $('camera').value = '';
});
$('camera').addEventListener('change', (event) => {
  const fixed = event.target.value;
  sendInput(fixed === '' ? { type: 'camera' } : { type: 'camera', fixed: Number(fixed) });
});
$('fullscreen').addEventListener('click', toggleFullscreen);
$('message-close').addEventListener('click', () => showMessage(''));
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !$('message').hidden) showMessage('');
});
// The measurements start folded away on a small screen, where they would cover a third of the picture.
const showStats = (shown) => {
  $('overlay').hidden = !shown;
  $('stats-toggle').setAttribute('aria-expanded', String(shown));
};
showStats(!matchMedia(SMALL_SCREEN).matches);
$('stats-toggle').addEventListener('click', () => showStats($('overlay').hidden));
window.addEventListener('pagehide', () => signaling.close());

loadPresets().catch(() => {});
connect();
