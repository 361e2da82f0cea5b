// simulate's info overlay as a panel: simulated time, real-time factor, steps per second, size (constraints and
// contacts), solver (log10 of the final residual and iterations) and, where the model enables energy, potential +
// kinetic energy, from the host's panel stream. Everybody may watch.

import { registerPanel } from '../../registry.js';
import { element, followModel } from './live.js';

const FIELDS = [
  ['time', 'Time', (s) => `${s.time.toFixed(3)} s`],
  ['rtf', 'Real time', (s) => (s.playing ? `${s.info.realTimeFactor.toFixed(2)}×` : 'paused')],
  ['steps', 'Steps/s', (s) => s.info.stepsPerSecond.toFixed(0)],
  ['size', 'Size', (s) => `${s.info.solver.constraints} (${s.info.contacts} con)`],
  ['solver', 'Solver', (s) => `${s.info.solver.residual.toFixed(1)} (${s.info.solver.iterations} it)`],
  ['energy', 'Energy', (s) => `${s.info.potentialEnergy.toFixed(3)} + ${s.info.kineticEnergy.toFixed(3)}`],
];

function mount(body, session) {
  const values = new Map();
  const list = element('dl', { id: 'info-values', className: 'info-values' });
  for (const [id, label] of FIELDS) {
    const value = element('dd', { id: `info-${id}` });
    values.set(id, value);
    list.append(element('dt', { textContent: label }), value);
  }
  body.append(list);
  followModel(session, {
    build() {},
    update(sample) {
      for (const [id, , show] of FIELDS) values.get(id).textContent = show(sample);
    },
  });
}

registerPanel({ id: 'info', title: 'Info', role: 'viewer', order: 58, shown: false, mount });
