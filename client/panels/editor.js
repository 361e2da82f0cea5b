// The scene editor: the running scene's MJCF in CodeMirror (editor/codemirror.js, loaded on first open). Apply
// (Ctrl+Enter) replaces the scene for every viewer; a refused text gets MuJoCo's message on the line MuJoCo names
// while the old scene keeps running. Unsaved text is kept in this browser per scene (drafts.js) and is never
// replaced behind the person's back: when someone else loads a scene, the panel says so and offers to load it.
// Operators only: loading scenes is theirs (POST /api/scene/load).

import { get, post, saveFile } from '../api.js';
import { dropDraft, loadDraft, saveDraft } from '../drafts.js';
import { registerPanel } from '../registry.js';
import * as say from '../messages.js';

const SAVE_DELAY_MS = 300;

function button(id, text, title) {
  return Object.assign(document.createElement('button'), { id, type: 'button', textContent: text, title });
}

async function mount(body, session) {
  const apply = button('editor-apply', 'Apply', 'Run this text for everybody (Ctrl+Enter)');
  const reload = button('editor-reload', 'Reload', 'Load the running scene’s text (Ctrl+Z brings yours back)');
  const download = button('editor-download', 'Download', 'Save this text as a file');
  const toolbar = Object.assign(document.createElement('div'), { className: 'toolbar' });
  toolbar.append(apply, reload, download);
  const changed = Object.assign(document.createElement('div'), { id: 'editor-changed', className: 'banner', hidden: true });
  const changedText = document.createElement('span');
  const loadIt = button('editor-load-running', 'Load it', 'Replace your text with the running scene (Ctrl+Z brings yours back)');
  const keep = button('editor-keep', 'Keep editing', 'Keep your text; Apply replaces the running scene with it');
  changed.append(changedText, loadIt, keep);
  const host = Object.assign(document.createElement('div'), { className: 'editor-host' });
  const status = Object.assign(document.createElement('p'), { id: 'editor-status', className: 'status' });
  status.setAttribute('role', 'status');
  body.append(toolbar, changed, host, status);

  const [{ createEditor }, outline, running] = await Promise.all([
    import('../editor/codemirror.js'), get('/api/scene/schema'), get('/api/scene/current')]);
  /** The scene the text started from: {id, title, generation, xml}. */
  let base = running;
  let applying = null;
  let sceneWhileApplying = null;
  let saveTimer = null;

  const tell = (text, kind = 'info') => {
    status.textContent = text;
    status.dataset.kind = kind;
  };
  const dirty = () => editor.text() !== base.xml;
  const keepDraft = () => {
    clearTimeout(saveTimer);
    saveTimer = null;
    if (dirty()) saveDraft(base.id, editor.text());
    else dropDraft(base.id);
  };

  const draft = loadDraft(base.id);
  const editor = createEditor(host, {
    text: draft ?? base.xml,
    outline,
    onChange: () => {
      clearTimeout(saveTimer);
      saveTimer = setTimeout(keepDraft, SAVE_DELAY_MS);
    },
    onApply: () => applyText(),
  });
  if (draft !== null && draft !== base.xml) tell(say.draftRestored());
  window.addEventListener('pagehide', () => saveTimer && keepDraft());

  function applyText() {
    applying ??= (async () => {
      const text = editor.text();
      apply.disabled = true;
      tell(say.applying());
      try {
        const loaded = await post('/api/scene/load', { xml: text });
        dropDraft(base.id);
        base = { id: loaded.id, title: loaded.title, generation: loaded.generation, xml: text };
        keepDraft();
        editor.clearErrors();
        changed.hidden = true;
        tell(say.applied(loaded.title, loaded.warnings));
      } catch (error) {
        const line = error.details?.line;
        if (line) editor.markError(line, error.message);
        tell(say.refusedKeptRunning(line, error.message), 'error');
        session.log('error', line ? say.atLine(line, error.message) : error.message);
      } finally {
        apply.disabled = false;
        applying = null;
        if (sceneWhileApplying) sceneChanged(sceneWhileApplying);
        sceneWhileApplying = null;
      }
    })();
    return applying;
  }

  async function loadRunning() {
    const scene = await get('/api/scene/current');
    keepDraft(); // what was typed stays in this browser for its scene, and in the undo history
    base = scene;
    editor.setText(scene.xml);
    keepDraft();
    editor.clearErrors();
    changed.hidden = true;
    tell(say.loadedIntoEditor(scene.title));
  }

  /** Someone loaded a scene: follow it when nothing is unsaved, else ask. */
  function sceneChanged(scene) {
    if (applying) {
      sceneWhileApplying = scene;
    } else if (scene.generation !== base.generation) {
      if (!dirty()) {
        loadRunning().catch((error) => tell(error.message, 'error'));
      } else {
        changedText.textContent = say.sceneChanged(scene.title);
        changed.hidden = false;
      }
    }
  }

  session.addEventListener('scene', (event) => sceneChanged(event.detail));
  apply.addEventListener('click', applyText);
  reload.addEventListener('click', () => loadRunning().catch((error) => tell(error.message, 'error')));
  loadIt.addEventListener('click', () => loadRunning().catch((error) => tell(error.message, 'error')));
  keep.addEventListener('click', () => {
    changed.hidden = true;
  });
  download.addEventListener('click', () => saveFile(`${base.id}.xml`, editor.text(), 'application/xml'));
  session.editor = { ...editor, apply: applyText, base: () => base };
  if (session.scene) sceneChanged(session.scene);
}

registerPanel({ id: 'editor', title: 'Scene editor', role: 'operator', order: 10, shown: true, mount });
