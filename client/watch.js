// The Watch list: what this page may watch instead of the simulation, by name: the simulation itself, every copy
// of each open RL environment, and the sandboxes MCP agents opened (the host's `sources` message, sent after
// welcome and on every change). Choosing one sends a `watch` message; the host switches the video without
// renegotiating and answers with a `watch` message (session "watching"), also when it sends the page back because
// what it watched closed. A link made for a sandbox (make_viewer_link with `sandbox`) carries `?watch=ID`: the page
// switches to it once its first picture shows. Every role may watch.

import { registerControl, registerPanel } from './registry.js';
import * as say from './messages.js';

const SIMULATION = { source: 'simulation' };
const asked = new URLSearchParams(location.search).get('watch');

function element(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** Everything the page may watch now: {key, label, message}. */
function choices(session) {
  const all = [{ key: 'simulation', label: say.theSimulation(), message: SIMULATION }];
  for (const env of session.environments) {
    for (let copy = 0; copy < env.numEnvs; copy++) {
      all.push({ key: `rl:${env.id}/${copy}`, label: say.rlCopy(env.id, env.robot, env.task, copy),
        message: { source: 'rl', env: env.id, copy } });
    }
  }
  for (const sandbox of session.sandboxes ?? []) {
    all.push({ key: `sandbox:${sandbox.id}`, label: sandbox.name, kind: sandbox.kind,
      message: { source: 'sandbox', id: sandbox.id } });
  }
  return all;
}

/** The key of what the page watches now, as choices() names it. */
function current(watching) {
  if (watching.source === 'rl') return `rl:${watching.env}/${watching.copy}`;
  if (watching.source === 'sandbox') return `sandbox:${watching.id}`;
  return 'simulation';
}

function mount(body, session) {
  const list = element('ul', { id: 'watch-list', className: 'environments' });
  body.append(list);
  const render = () => {
    const now = current(session.watching);
    list.replaceChildren(...choices(session).map((choice) => {
      const watching = choice.key === now;
      const button = element('button', { type: 'button', className: 'watch', disabled: watching,
        textContent: say.watchButton(watching) });
      button.addEventListener('click', () => session.send({ type: 'watch', ...choice.message }));
      const item = element('li', {}, element('span', { className: 'name', textContent: choice.label }),
        element('span', { className: 'owner', textContent: choice.kind ?? '' }), button);
      item.dataset.watch = choice.key;
      if (watching) item.setAttribute('aria-current', 'true');
      return item;
    }));
  };
  for (const event of ['environments', 'sandboxes', 'watching']) session.addEventListener(event, render);
  render();
}

registerPanel({ id: 'watch', title: 'Watch', role: 'viewer', order: 35, shown: false, mount });

// What the video shows when it is not the simulation, under the video; and a sandbox link's first switch.
registerControl({
  id: 'watching',
  role: 'viewer',
  order: 90,
  create(session) {
    const label = element('span', { id: 'watching', className: 'note', hidden: true });
    label.setAttribute('role', 'status');
    const show = () => {
      const now = current(session.watching);
      const choice = choices(session).find((c) => c.key === now);
      label.hidden = now === 'simulation';
      label.textContent = label.hidden ? '' : say.nowWatching(choice?.label ?? now);
    };
    for (const event of ['environments', 'sandboxes', 'watching']) session.addEventListener(event, show);
    if (asked) {
      session.addEventListener('picture', () => session.send({ type: 'watch', source: 'sandbox', id: asked }),
        { once: true });
    }
    return label;
  },
});
