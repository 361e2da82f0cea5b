// Access: the token this page was opened with (…/?token=…) proves who it is, and is handed on to everything the page
// asks of the host: REST and WHEP as "Authorization: Bearer", the signalling WebSocket in its first message ("auth";
// browsers cannot set a WebSocket's headers, and URLs end up in logs). The token leaves the address bar at once.
// An operator link opens once: POST /api/session spends it and answers with this page's own token, kept in memory
// only (docs/SECURITY.md). A page opened without a token has none, and the host says what to do.

const params = new URLSearchParams(location.search);
let token = params.get('token');
if (token !== null) {
  params.delete('token');
  const query = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
}

/** Spends an operator link's token for the page's own; any other token is kept as it is. */
async function openSession() {
  if (!token) return null;
  const response = await fetch('/api/session', { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
  if (response.status === 201) {
    token = (await response.json()).token;
  }
  return response.status;
}

/** What POST /api/session answered (201 opened, 200 confirmed, 401 refused), or null without a token. */
export const session = await openSession().catch(() => null);

/** `headers` plus the Authorization header when the page has a token. */
export function authorized(headers = {}) {
  return token ? { ...headers, Authorization: `Bearer ${token}` } : headers;
}

/** The first message of the signalling socket: the page's token, or null when it has none. */
export function authMessage() {
  return token ? { type: 'auth', token } : null;
}

/** What each role may use in the control bar: the rest is disabled (the host refuses it anyway). */
const CAMERA = ['follow', 'reset-camera', 'camera', 'fullscreen'];
export const ALLOWED = {
  viewer: new Set(CAMERA),
  controller: new Set([...CAMERA, 'play', 'step', 'reset', 'slower', 'faster']),
};
