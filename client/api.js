// REST calls to the host, with the page's token (access.js): JSON in and out, and a refusal as a HostError that
// carries the host's own sentence and details (a scene error's line). Also saving text the page holds as a file.

import { authorized } from './access.js';

/** The host refused or failed: `message` is its sentence, `status` the HTTP status, `details` its JSON answer. */
export class HostError extends Error {
  constructor(status, details) {
    super(details.error ?? `The host answered HTTP ${status}`);
    this.status = status;
    this.details = details;
  }
}

/** The raw response to `method path`; `body` goes as JSON unless it is a string. */
export function request(method, path, body, { headers = {}, signal } = {}) {
  const init = { method, headers: authorized(headers), signal };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    if (typeof body !== 'string') init.headers['Content-Type'] = 'application/json';
  }
  return fetch(path, init);
}

/** The JSON answer of `method path`; throws HostError for an answer that is not 2xx. */
export async function call(method, path, body) {
  const response = await request(method, path, body);
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new HostError(response.status, answer);
  return answer;
}

export const get = (path) => call('GET', path);
export const post = (path, body = {}) => call('POST', path, body);
export const remove = (path) => call('DELETE', path);

/** The text answer of `GET path` (a file the host makes, such as a training script). */
export async function getText(path) {
  const response = await request('GET', path);
  if (!response.ok) throw new HostError(response.status, await response.json().catch(() => ({})));
  return response.text();
}

/** Offers `text` to the person as a download called `name`. */
export function saveFile(name, text, type = 'text/plain') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
