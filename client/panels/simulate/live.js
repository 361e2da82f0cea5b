// What simulate's panels in the page share: the model they are built for and its live values, and a slider row
// that shows the live value and sends what a person drags. The values come from the host's panel stream (10 Hz,
// one code path with the console: sim.physics.PanelSampler); the panels only draw them and send named commands
// (streaming.input.Commands) on the signalling socket, where a viewer's are refused.

export function element(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/**
 * Builds with `build(model)` for the running model (now and after each scene change) and hands each panel sample of
 * that model to `update(sample)`; samples of another scene are left out.
 */
export function followModel(session, { build, update }) {
  let generation = null;
  const rebuild = (described) => {
    if (!described) return;
    generation = described.generation;
    build(described.model);
  };
  rebuild(session.model);
  session.addEventListener('model', (event) => rebuild(event.detail));
  const take = (sample) => {
    if (sample && sample.generation === generation) update(sample);
  };
  take(session.panel);
  session.addEventListener('panel', (event) => take(event.detail));
}

/** Sends a named simulation command (the same ones the console's panels use). */
export function command(session, cmd, params = {}) {
  session.send({ type: 'command', cmd, params });
}

const SEND_MS = 30;
const digits = (value) => (Math.abs(value) >= 100 ? value.toFixed(1) : value.toFixed(3));

/**
 * A labelled slider from `min` to `max`. `show(value)` moves it to a live value unless a person holds it;
 * `onMove(value)` gets what the person drags, at most every SEND_MS (the last value wins), so a fast drag does not
 * flood the host.
 */
export function sliderRow({ id, label, min, max, onMove }) {
  const input = element('input', { id, type: 'range', min, max, step: (max - min) / 1000, value: 0 });
  input.setAttribute('aria-label', label);
  const value = element('output', { className: 'slider-value', htmlFor: id, textContent: digits(0) });
  const row = element('div', { className: 'slider-row' }, element('label', { htmlFor: id, textContent: label }),
    input, value);
  let held = false;
  let pending = null;
  input.addEventListener('pointerdown', () => { held = true; });
  input.addEventListener('pointerup', () => { held = false; });
  input.addEventListener('change', () => { held = false; });
  input.addEventListener('input', () => {
    value.textContent = digits(Number(input.value));
    if (pending === null) setTimeout(() => {
      onMove(pending);
      pending = null;
    }, SEND_MS);
    pending = Number(input.value);
  });
  return {
    row,
    input,
    show(live) {
      value.textContent = digits(live);
      if (!held && pending === null) input.value = live;
    },
  };
}
