// Plays the host's broadcast from an SFU (a Janus VideoRoom) instead of connecting to the host's own video, so that
// watchers cost the SFU, not the host. The host says where in a `broadcast` message; the page uses this when it
// follows the host view. janus.js and the WebRTC adapter are served by the host (vendor/), loaded on first use.
// Keeps trying: a restarted SFU or a reconnected publisher is noticed by the picture stalling, and watched again.

const STALL_MS = 3000;
const RETRY_MS = 1000;

let loading = null;

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

/** janus.js and its adapter, once. */
function janusLibrary() {
  loading ??= loadScript('vendor/adapter.js').then(() => loadScript('vendor/janus.js')).then(() => new Promise(
    (resolve) => window.Janus.init({ debug: false, dependencies: window.Janus.useDefaultDependencies({ adapter: window.adapter }), callback: resolve })));
  return loading;
}

export class SfuPlayer {
  #video;
  #onPlaying;
  #info = null;
  #iceServers = [];
  #janus = null;
  #watchdog = null;
  #retry = null;
  #lastFrames = -1;
  #lastProgress = 0;
  #active = false;
  state = 'off';

  /**
   * @param video the page's <video>
   * @param onPlaying called each time pictures start arriving (the page tells the host, which sends a key frame)
   */
  constructor(video, onPlaying) {
    this.#video = video;
    this.#onPlaying = onPlaying;
  }

  /** Where the broadcast plays: {janus, room} from the host's `broadcast` message. */
  configure(info) {
    this.#info = { janus: info.janus, room: info.room };
  }

  /** Whether a page in `mode` plays from the SFU. */
  wants(mode) {
    return this.#info !== null && mode === 'host';
  }

  get active() {
    return this.#active;
  }

  async play(iceServers = []) {
    this.stop();
    this.#active = true;
    this.#iceServers = iceServers;
    this.#watchdog = setInterval(() => this.#check(), 1000);
    await this.#connect();
  }

  stop() {
    this.#active = false;
    clearInterval(this.#watchdog);
    clearTimeout(this.#retry);
    this.#teardown();
    this.state = 'off';
  }

  #teardown() {
    const janus = this.#janus;
    this.#janus = null;
    if (janus) {
      try { janus.destroy({ cleanupHandles: true, notifyDestroyed: false }); } catch { /* gone already */ }
    }
  }

  #again() {
    if (!this.#active) return;
    this.#teardown();
    this.state = 'retrying';
    clearTimeout(this.#retry);
    this.#retry = setTimeout(() => this.#connect(), RETRY_MS);
  }

  /** Watch again when no picture arrived for a while (the SFU restarted, or the host published anew). */
  #check() {
    const frames = this.#video.getVideoPlaybackQuality?.().totalVideoFrames ?? 0;
    const now = Date.now();
    if (frames !== this.#lastFrames) {
      this.#lastFrames = frames;
      this.#lastProgress = now;
    } else if (this.state !== 'retrying' && now - this.#lastProgress > STALL_MS) {
      this.#again();
    }
  }

  async #connect() {
    if (!this.#active) return;
    this.state = 'connecting';
    this.#lastProgress = Date.now();
    try {
      await janusLibrary();
    } catch (error) {
      this.state = `failed: ${error.message}`;
      return;
    }
    const janus = new window.Janus({
      server: this.#info.janus,
      iceServers: this.#iceServers,
      success: () => this.#attach(janus),
      error: () => this.#again(),
      destroyed: () => {},
    });
    this.#janus = janus;
  }

  #attach(janus) {
    const room = this.#info.room;
    let handle = null;
    janus.attach({
      plugin: 'janus.plugin.videoroom',
      success: (attached) => {
        handle = attached;
        handle.send({
          message: { request: 'listparticipants', room },
          success: (result) => {
            const publisher = (result?.participants ?? []).find((p) => p.publisher);
            if (!publisher) {
              this.#again(); // the host is not publishing (yet, or again)
              return;
            }
            handle.send({ message: { request: 'join', room, ptype: 'subscriber', streams: [{ feed: publisher.id }] } });
          },
        });
      },
      error: () => this.#again(),
      onmessage: (message, jsep) => {
        if (message.error) {
          this.#again();
          return;
        }
        if (jsep) {
          handle.createAnswer({
            jsep,
            tracks: [{ type: 'data' }],
            success: (answer) => handle.send({ message: { request: 'start', room }, jsep: answer }),
            error: () => this.#again(),
          });
        }
      },
      onremotetrack: (track, mid, on) => {
        if (track.kind !== 'video' || !on) return;
        this.#video.srcObject = new MediaStream([track]);
        this.#video.play().catch(() => {});
        this.state = 'playing';
        this.#onPlaying();
      },
      oncleanup: () => {},
    });
  }
}
