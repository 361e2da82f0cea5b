// Signalling: the WebSocket to the host (docs/PROTOCOL.md). Moves JSON messages, nothing else.
// Events: "open", "message" (detail: the parsed message), "close" (detail: {code, reason}).

import { authMessage } from './access.js';

export class Signaling extends EventTarget {
  #socket = null;

  /**
   * Opens /ws/signaling on the page's own host and sends the page's token first; `view` is "own" or "host". A page
   * holding a token says so (auth=message): the browser's session cookie may be another tab's link. A reloaded page
   * has only the cookie, which the browser sends with the upgrade.
   */
  connect(view) {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const auth = authMessage();
    const query = `view=${encodeURIComponent(view)}${auth ? '&auth=message' : ''}`;
    const socket = new WebSocket(`${scheme}//${location.host}/ws/signaling?${query}`);
    this.#socket = socket;
    socket.addEventListener('open', () => {
      if (auth) socket.send(JSON.stringify(auth));
      this.dispatchEvent(new Event('open'));
    });
    socket.addEventListener('message', (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return; // the host only sends JSON; anything else is not for us
      }
      this.dispatchEvent(new CustomEvent('message', { detail: message }));
    });
    socket.addEventListener('close', (event) => {
      if (this.#socket === socket) this.#socket = null;
      this.dispatchEvent(new CustomEvent('close', { detail: { code: event.code, reason: event.reason } }));
    });
  }

  get open() {
    return this.#socket !== null && this.#socket.readyState === WebSocket.OPEN;
  }

  send(message) {
    if (this.open) this.#socket.send(JSON.stringify(message));
  }

  close() {
    if (this.#socket) this.#socket.close(1000, 'page closed');
    this.#socket = null;
  }
}
