// A scene from plain language: the prompt and the provider go to POST /api/scene/generate, whose Server-Sent Events
// (each attempt: the model's answer, MuJoCo's error, the repair) appear here as they happen. Cancel stops it; a
// working scene loads for everybody and lands in the editor (the editor follows scene changes). Controllers and
// the operator: generating is a controller's route.

import { HostError, get, remove, request } from '../api.js';
import { registerPanel, showPanel } from '../registry.js';
import * as say from '../messages.js';

/** Reads a text/event-stream body, calling `onEvent(name, data)` for each event; comments are skipped. */
async function readEvents(response, onEvent) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length) onEvent(name, JSON.parse(data.join('\n')));
    }
  }
}

function element(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

async function mount(body, session) {
  const prompt = element('textarea', {
    id: 'generate-prompt', rows: 3, placeholder: 'Create a double pendulum with friction',
  });
  prompt.setAttribute('aria-label', 'Describe the scene');
  const provider = element('select', { id: 'generate-provider', title: 'The language model to ask' },
    new Option(say.defaultProvider(), ''));
  const start = element('button', { id: 'generate-start', type: 'button', textContent: 'Generate' });
  const cancel = element('button', { id: 'generate-cancel', type: 'button', textContent: 'Cancel', disabled: true });
  const notice = element('div', { id: 'generate-notice', className: 'banner', hidden: true });
  const steps = element('ol', { id: 'generate-steps', className: 'steps' });
  const status = element('p', { id: 'generate-status', className: 'status' });
  status.setAttribute('role', 'status');
  body.append(prompt, element('div', { className: 'toolbar' }, provider, start, cancel), notice, steps, status);

  const tell = (text, kind = 'info') => {
    status.textContent = text;
    status.dataset.kind = kind;
  };
  const noModel = () => {
    notice.replaceChildren(say.noModel(), ' ');
    if (session.may('operator')) {
      notice.append(say.noModelOperator(), ' ',
        element('button', { type: 'button', textContent: 'Open API Keys', onclick: () => showPanel('keys') }));
    } else {
      notice.append(say.noModelController());
    }
    notice.hidden = false;
  };

  /** The operator picks among the providers set up; a controller cannot read the settings and gets the default. */
  async function listProviders() {
    if (!session.may('operator')) return;
    const { providers, available } = await get('/api/config/api-key');
    const names = new Map(available.map((p) => [p.provider, p.name]));
    provider.replaceChildren(new Option(say.defaultProvider(), ''),
      ...providers.map((p) => new Option(`${names.get(p.provider)} (${p.model})`, p.provider)));
    notice.hidden = providers.length > 0;
    if (!providers.length) noModel();
  }
  await listProviders().catch(() => {});
  session.addEventListener('providers', () => listProviders().catch(() => {}));

  function show(event) {
    const item = element('li', { className: event.type }, event.message ?? event.type);
    item.dataset.attempt = event.attempt ?? '';
    if (event.reply) item.append(element('details', {}, element('summary', { textContent: 'The model’s answer' }),
      element('pre', { textContent: event.reply })));
    steps.append(item);
    steps.scrollTop = steps.scrollHeight;
  }

  async function generate() {
    const text = prompt.value.trim();
    if (!text) {
      tell(say.describeFirst(), 'error');
      return;
    }
    steps.replaceChildren();
    start.disabled = true;
    cancel.disabled = false;
    tell(say.generating());
    try {
      const response = await request('POST', '/api/scene/generate', { prompt: text, provider: provider.value || null },
        { headers: { Accept: 'text/event-stream' } });
      if (!response.ok) throw new HostError(response.status, await response.json().catch(() => ({})));
      await readEvents(response, (name, data) => {
        if (name !== 'result') {
          show(data);
        } else if (data.success) {
          tell(say.generated(data.scene.title, data.attempts.length));
          session.log('scene', say.generated(data.scene.title, data.attempts.length));
        } else {
          tell(say.generationFailed(data.error), 'error');
          session.log('error', say.generationFailed(data.error));
        }
      });
    } catch (error) {
      if (error.status === 503) noModel(); // refused before any attempt: nothing is set up
      tell(error.message, 'error');
      session.log('error', error.message);
    } finally {
      start.disabled = false;
      cancel.disabled = true;
    }
  }

  start.addEventListener('click', generate);
  prompt.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) generate();
  });
  cancel.addEventListener('click', () => remove('/api/scene/generate').catch(() => {}));
}

registerPanel({ id: 'generate', title: 'Generate', role: 'controller', order: 20, shown: true, mount });
