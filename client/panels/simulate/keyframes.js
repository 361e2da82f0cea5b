// simulate's keyframes: load any keyframe of the model (everybody's simulation resets to it; controllers and the
// operator), and "Copy state": the current state as an MJCF <key .../> (GET /api/sim/key) to paste into the scene's
// <keyframe>; it is put on the clipboard and shown, selected, for copying by hand.

import { get } from '../../api.js';
import { registerPanel } from '../../registry.js';
import { command, element, followModel } from './live.js';

function mount(body, session) {
  const keys = element('select', { id: 'key-select' });
  keys.setAttribute('aria-label', 'Keyframe');
  const load = element('button', { id: 'key-load', type: 'button', textContent: 'Load' });
  const name = element('input', { id: 'key-name', type: 'text', placeholder: 'name (optional)', size: 12 });
  const copy = element('button', { id: 'key-copy', type: 'button', textContent: 'Copy state' });
  const text = element('textarea', { id: 'key-mjcf', readOnly: true, rows: 4, hidden: true });
  const status = element('p', { id: 'key-status', className: 'status' });
  status.setAttribute('role', 'status');
  const loading = element('div', { className: 'toolbar' }, keys, load);
  loading.hidden = !session.may('controller');
  body.append(loading, element('div', { className: 'toolbar' }, name, copy), text, status);

  load.addEventListener('click', () => {
    if (keys.value === '') return;
    command(session, 'keyframe', { key: Number(keys.value) });
    status.textContent = `Loaded keyframe ${keys.selectedOptions[0].textContent}`;
  });
  copy.addEventListener('click', async () => {
    try {
      const { mjcf } = await get(`/api/sim/key?name=${encodeURIComponent(name.value.trim())}`);
      text.value = mjcf;
      text.hidden = false;
      text.select();
      await navigator.clipboard?.writeText(mjcf).catch(() => {});
      status.dataset.kind = 'ok';
      status.textContent = 'The state as <key>: paste it into the scene’s <keyframe>.';
    } catch (error) {
      status.dataset.kind = 'error';
      status.textContent = error.message;
    }
  });
  followModel(session, {
    build(model) {
      keys.replaceChildren(...model.keyframes.map((key) => new Option(key.name, key.index)));
      keys.disabled = load.disabled = model.keyframes.length === 0;
      if (model.keyframes.length === 0) keys.append(new Option('no keyframes', ''));
    },
    update() {},
  });
}

registerPanel({ id: 'keyframes', title: 'Keyframes', role: 'viewer', order: 54, shown: false, mount });
