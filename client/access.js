// Access: the token this page was opened with (…/?token=…) proves who it is, and is handed on to everything the page
// asks of the host: REST and WHEP as "Authorization: Bearer", the signalling WebSocket in its first message ("auth";
// browsers cannot set a WebSocket's headers, and URLs end up in logs). The token leaves the address bar at once.
// An operator link opens once: POST /api/session spends it and answers with this page's own token, kept in memory
// only (docs/SECURITY.md). The same answer gives the browser a session cookie (HttpOnly: no script here can read it),
// so that a reload, which has no token any more, is still let in: the host reads the cookie on same-origin requests.
// "Forget this browser" ends that session. A page with neither a token nor a session has no access, and the host
// says what to do.

const params = new URLSearchParams(location.search);
let token = params.get('token');
if (token !== null) {
  params.delete('token');
  const query = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
}

/** Spends an operator link's token for the page's own (any other token is kept as it is), or, after a reload, asks
 * whether this browser's session still holds. */
async function openSession() {
  const response = await fetch('/api/session', { method: 'POST', headers: authorized() });
  if (response.status === 201) {
    token = (await response.json()).token;
  }
  return response.status;
}

/** What POST /api/session answered: 201 opened, 200 confirmed (the token, or this browser's session), 401 refused. */
export const session = await openSession().catch(() => null);

/** Ends this browser's session (its cookie) and forgets the token: the page then needs its link again. */
export async function forgetBrowser() {
  await fetch('/api/session', { method: 'DELETE' });
  token = null;
  location.reload();
}
document.getElementById('forget')?.addEventListener('click', () => forgetBrowser());

/** `headers` plus the Authorization header when the page has a token. */
export function authorized(headers = {}) {
  return token ? { ...headers, Authorization: `Bearer ${token}` } : headers;
}

/** The first message of the signalling socket: the page's token, or null when it has none (its cookie then counts). */
export function authMessage() {
  return token ? { type: 'auth', token } : null;
}

/** What each role may use in the control bar: the rest is disabled (the host refuses it anyway). */
const CAMERA = ['follow', 'reset-camera', 'camera', 'fullscreen'];
export const ALLOWED = {
  viewer: new Set(CAMERA),
  controller: new Set([...CAMERA, 'play', 'step', 'reset', 'slower', 'faster']),
};
