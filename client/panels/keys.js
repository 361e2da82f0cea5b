// The language-model settings ("API Keys"): OpenAI, Anthropic, Gemini and any OpenAI-compatible server, each with
// its key, model and base address, a connection test with the answer in words, and Remove. A key is write-only: it
// goes to the host (keychain or 0600 file) and never comes back, not even masked; this page keeps it nowhere (the
// field is emptied once it is sent). Operators only: the settings are theirs.

import { get, post, remove } from '../api.js';
import { registerPanel } from '../registry.js';
import * as say from '../messages.js';

function element(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function field(label, input) {
  return element('label', {}, label, input);
}

async function mount(body, session) {
  const storage = element('p', { className: 'note' });
  const list = element('div', { className: 'providers' });
  body.append(storage, list);

  async function render() {
    const { providers, key_storage: where, available } = await get('/api/config/api-key');
    storage.textContent = say.keyStorage(where);
    list.replaceChildren(...available.map((info) => card(info, providers.find((p) => p.provider === info.provider))));
  }

  function changed() {
    session.dispatchEvent(new Event('providers'));
    return render();
  }

  /** One provider: `status` is its settings when set up. */
  function card(info, status) {
    const id = info.provider;
    const key = element('input', { type: 'password', name: `key-${id}`, autocomplete: 'off', spellcheck: false,
      placeholder: say.keyPlaceholder(status?.key_stored) });
    const model = element('input', { name: `model-${id}`, value: status?.model ?? '',
      placeholder: info.default_model ?? 'the model the server serves' });
    const address = element('input', { name: `base-${id}`, value: status?.base_url ?? '',
      placeholder: info.default_base_url ?? 'http://localhost:11434/v1' });
    const save = element('button', { type: 'submit', textContent: 'Save' });
    const test = element('button', { type: 'button', textContent: 'Test connection', disabled: !status });
    const forget = element('button', { type: 'button', textContent: 'Remove', disabled: !status });
    const result = element('p', { className: 'status' });
    result.setAttribute('role', 'status');
    const tell = (text, kind = 'info') => {
      result.textContent = text;
      result.dataset.kind = kind;
    };
    const state = status
      ? [status.model, status.base_url, status.key_stored ? say.keyStored() : say.noKey(),
        ...(status.default ? [say.isDefault()] : [])].join(' · ')
      : say.notSetUp();
    const form = element('form', { className: 'provider', id: `key-${id}` },
      element('h3', {}, info.name, element('small', { textContent: ` ${state}` })),
      field('API key', key), field('Model', model), field('Base address', address),
      element('div', { className: 'toolbar' }, save, test, forget), result);

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const settings = { provider: id, model: model.value.trim() || null, base_url: address.value.trim() || null };
      if (key.value) settings.api_key = key.value;
      key.value = ''; // sent once, kept nowhere
      try {
        await post('/api/config/api-key', settings);
        session.log('info', say.saved(info.name));
        await changed();
      } catch (error) {
        tell(error.message, 'error');
      }
    });
    test.addEventListener('click', async () => {
      tell(say.testing());
      try {
        const report = await post('/api/config/api-key/test', { provider: id });
        tell(report.message, report.ok ? 'ok' : 'error');
      } catch (error) {
        tell(error.message, 'error');
      }
    });
    forget.addEventListener('click', async () => {
      try {
        await remove(`/api/config/api-key/${encodeURIComponent(id)}`);
        session.log('info', say.removed(info.name));
        await changed();
      } catch (error) {
        tell(error.message, 'error');
      }
    });
    return form;
  }

  await render();
}

registerPanel({ id: 'keys', title: 'API Keys', role: 'operator', order: 30, shown: false, mount });
