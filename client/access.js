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

/** What each role may use on the page: the rest is disabled (the host refuses it anyway). */
export const ALLOWED = {
  viewer: new Set(['follow', 'watch', 'watch-copy']),
  controller: new Set(['follow', 'watch', 'watch-copy', 'play', 'step', 'reset', 'slower', 'faster']),
};
