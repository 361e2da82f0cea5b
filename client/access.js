// Access: the share-link token this page was opened with (…/?token=…), handed on to everything the page asks of the
// host: REST and WHEP as "Authorization: Bearer", the signalling WebSocket as ?token= (browsers cannot set its
// headers). A page opened on the host's own machine without a token sends none (docs/SECURITY.md).

const token = new URLSearchParams(location.search).get('token');

/** `headers` plus the Authorization header when the page has a token. */
export function authorized(headers = {}) {
  return token ? { ...headers, Authorization: `Bearer ${token}` } : headers;
}

/** `url` with the token as a query parameter, for the WebSocket. */
export function withToken(url) {
  return token ? `${url}${url.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}` : url;
}

/** What each role may use in the control bar: the rest is disabled (the host refuses it anyway). */
const CAMERA = ['follow', 'reset-camera', 'camera', 'fullscreen'];
export const ALLOWED = {
  viewer: new Set(CAMERA),
  controller: new Set([...CAMERA, 'play', 'step', 'reset', 'slower', 'faster']),
};
