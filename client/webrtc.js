// The viewer's RTCPeerConnection: receives the host's video, sends input on the "input" data channel,
// and measures what arrives. Knows nothing about signalling: the caller moves the SDP and candidates.

export class PeerConnection {
  #pc;
  #input;
  #last = null;

  /**
   * @param iceServers RTCIceServer dictionaries from the host's welcome
   * @param handlers {onCandidate(candidate), onTrack(stream), onState(state)}
   */
  constructor(iceServers, handlers) {
    this.#pc = new RTCPeerConnection({ iceServers, bundlePolicy: 'max-bundle' });
    this.#pc.addTransceiver('video', { direction: 'recvonly' });
    // Input must arrive in order (a button release after its press); it is tiny, so reliable costs nothing.
    this.#input = this.#pc.createDataChannel('input', { ordered: true });
    this.#pc.addEventListener('icecandidate', (event) => {
      if (event.candidate) handlers.onCandidate(event.candidate.toJSON());
    });
    this.#pc.addEventListener('track', (event) => handlers.onTrack(event.streams[0] ?? new MediaStream([event.track])));
    this.#pc.addEventListener('connectionstatechange', () => handlers.onState(this.#pc.connectionState));
  }

  /** The offer, or with `{ iceRestart: true }` one with new ICE credentials on this connection (its path failed). */
  async offer(options = {}) {
    const offer = await this.#pc.createOffer(options);
    await this.#pc.setLocalDescription(offer);
    return offer.sdp;
  }

  async answer(sdp) {
    await this.#pc.setRemoteDescription({ type: 'answer', sdp });
  }

  async addCandidate(candidate) {
    await this.#pc.addIceCandidate(candidate);
  }

  /** Sends an input event on the data channel; false when it is not open (the caller uses signalling). */
  sendInput(event) {
    if (this.#input.readyState !== 'open') return false;
    this.#input.send(JSON.stringify(event));
    return true;
  }

  /** Receive-side numbers since the previous call: fps, bitrate, codec, round trip, jitter buffer, repair requests. */
  async stats() {
    const report = await this.#pc.getStats();
    let inbound = null;
    let pair = null;
    const codecs = new Map();
    report.forEach((s) => {
      if (s.type === 'inbound-rtp' && s.kind === 'video') inbound = s;
      if (s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded') pair = s;
      if (s.type === 'codec') codecs.set(s.id, s.mimeType);
    });
    if (!inbound) return null;
    const now = { t: inbound.timestamp, bytes: inbound.bytesReceived, frames: inbound.framesDecoded };
    const prev = this.#last;
    this.#last = now;
    const seconds = prev ? (now.t - prev.t) / 1000 : 0;
    return {
      fps: seconds > 0 ? (now.frames - prev.frames) / seconds : inbound.framesPerSecond ?? 0,
      bitrateKbps: seconds > 0 ? ((now.bytes - prev.bytes) * 8) / 1000 / seconds : 0,
      codec: (codecs.get(inbound.codecId) ?? '').replace('video/', ''),
      width: inbound.frameWidth ?? 0,
      height: inbound.frameHeight ?? 0,
      framesDecoded: inbound.framesDecoded ?? 0,
      framesDropped: inbound.framesDropped ?? 0,
      // What this page asked the host for to repair its picture: retransmissions and key frames.
      nackCount: inbound.nackCount ?? 0,
      pliCount: inbound.pliCount ?? 0,
      firCount: inbound.firCount ?? 0,
      roundTripMs: pair?.currentRoundTripTime != null ? pair.currentRoundTripTime * 1000 : null,
      jitterBufferMs: inbound.jitterBufferEmittedCount
        ? (inbound.jitterBufferDelay / inbound.jitterBufferEmittedCount) * 1000 : null,
    };
  }

  close() {
    this.#input.close();
    this.#pc.close();
  }
}
