// simulate's Rendering switches for this page's own view: MuJoCo's visualisation flags (contact points and forces,
// joints, actuators, centre of mass, perturbation, transparency, inertia, cameras, lights), its rendering flags
// (wireframe, shadows, reflection, skybox, fog), and which frames and labels it draws. They change only this page's
// picture (the host keeps a view per viewer); following the host's view shows the host's switches, so they are
// disabled then. Everybody may use them: they are the viewer's own.

import { registerPanel } from '../../registry.js';
import { element } from './live.js';

const FLAGS = [
  ['contact_points', 'Contact points'], ['contact_forces', 'Contact forces'], ['joints', 'Joints'],
  ['actuators', 'Actuators'], ['centre_of_mass', 'Centre of mass'], ['perturbation', 'Perturbation'],
  ['transparency', 'Transparency'], ['inertia', 'Inertia'], ['cameras', 'Cameras'], ['lights', 'Lights'],
  ['wireframe', 'Wireframe'], ['shadows', 'Shadows'], ['reflections', 'Reflection'], ['skybox', 'Skybox'],
  ['fog', 'Fog'],
];
const FRAMES = ['none', 'body', 'geom', 'site', 'camera', 'light', 'contact', 'world'];
const LABELS = ['none', 'body', 'joint', 'geom', 'site', 'camera', 'light', 'tendon', 'actuator', 'constraint',
  'skin', 'selection', 'selection_point', 'contact_force'];

function choice(id, label, values) {
  const select = element('select', { id }, ...values.map((value) => new Option(value.replace('_', ' '), value)));
  return { select, row: element('label', {}, label, select) };
}

function mount(body, session) {
  const boxes = new Map(FLAGS.map(([flag, label]) => [flag, element('input', { type: 'checkbox', id: `visual-${flag}` })]));
  const frame = choice('visual-frame', 'Frame', FRAMES);
  const label = choice('visual-label', 'Label', LABELS);
  const note = element('p', { id: 'visual-note', className: 'note' });
  body.append(element('div', { className: 'visual-flags' },
    ...FLAGS.map(([flag, text]) => element('label', {}, boxes.get(flag), ` ${text}`))),
  element('div', { className: 'toolbar' }, frame.row, label.row), note);

  const current = () => ({
    flags: FLAGS.map(([flag]) => flag).filter((flag) => boxes.get(flag).checked),
    frame: frame.select.value,
    label: label.select.value,
  });
  const show = (visual) => {
    if (!visual) return;
    for (const [flag, box] of boxes) box.checked = visual.flags.includes(flag);
    frame.select.value = visual.frame;
    label.select.value = visual.label;
  };
  let changed = false;
  const send = () => {
    changed = true;
    session.send({ type: 'visual', ...current() });
  };
  const follow = () => {
    const following = session.viewMode === 'host';
    body.querySelectorAll('input, select').forEach((input) => { input.disabled = following; });
    note.textContent = following ? 'Following the host’s view: it shows the host’s switches.' : '';
  };
  show(session.visual);
  follow();
  session.addEventListener('visual', (event) => {
    changed = false;
    show(event.detail);
  });
  session.addEventListener('viewMode', () => {
    follow();
    if (session.viewMode === 'own' && changed) send(); // a view of its own starts afresh: give it these switches
  });
  body.addEventListener('change', send);
}

registerPanel({ id: 'rendering', title: 'Rendering', role: 'viewer', order: 59, shown: false, mount });
