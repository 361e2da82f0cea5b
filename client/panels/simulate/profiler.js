// simulate's profiler (F3): MuJoCo's time per stage of a step (its "CPU time" figure: total, collision, prepare,
// solve, other, the last 200 samples) and the figures in words, with the renderer's draw and readback time per
// frame. The host times MuJoCo's stages only while some page or the console shows a profiler: this panel says so
// when it is shown or hidden (a `profiler` message) and again after a reconnection. Everybody may watch.

import { registerPanel } from '../../registry.js';
import { AXES, COLOURS, loadUplot } from './chart.js';
import { element, followModel } from './live.js';

const HISTORY = 200;
const LINES = [
  ['total', (t) => t.step],
  ['collision', (t) => t.collision],
  ['prepare', (t) => t.prepare],
  ['solve', (t) => t.constraint],
  ['other', (t) => Math.max(0, t.step - t.collision - t.prepare - t.constraint)],
];
const ms = (value) => `${value.toFixed(4)} ms`;
const FIELDS = [
  ['steps', 'Steps', (t) => String(t.steps)],
  ['step', 'Step', (t) => ms(t.step)],
  ['forward', 'Forward', (t) => ms(t.forward)],
  ['position', 'Position', (t) => ms(t.position)],
  ['velocity', 'Velocity', (t) => ms(t.velocity)],
  ['actuation', 'Actuation', (t) => ms(t.actuation)],
  ['acceleration', 'Acceleration', (t) => ms(t.acceleration)],
  ['collision', 'Collision', (t) => ms(t.collision)],
  ['prepare', 'Prepare', (t) => ms(t.prepare)],
  ['solve', 'Solve', (t) => ms(t.constraint)],
];

let watching = false;

/** Tells the host whether this page shows the profiler (it counts the pages that do). */
function visible(shown, session) {
  watching = shown;
  session.send({ type: 'profiler', on: shown });
}

async function mount(body, session) {
  const uPlot = await loadUplot();
  const values = new Map();
  const list = element('dl', { id: 'profiler-values', className: 'info-values' });
  for (const [id, label] of [...FIELDS, ['render', 'Render'], ['readback', 'Readback']]) {
    const value = element('dd', { id: `profiler-${id}` });
    values.set(id, value);
    list.append(element('dt', { textContent: label }), value);
  }
  const chart = element('div', { id: 'profiler-chart', className: 'sensor-chart' });
  body.append(chart, list);
  const data = [[], ...LINES.map(() => [])];
  let index = 0;
  const plot = new uPlot({
    width: Math.max(240, body.clientWidth - 8),
    height: 160,
    scales: { x: { time: false } },
    axes: AXES,
    series: [{ label: 'sample' }, ...LINES.map(([label], i) => ({ label, stroke: COLOURS[i], width: 1.5 }))],
  }, data, chart);
  session.profilerChart = plot; // what tests and curious people read

  followModel(session, {
    build() {
      if (watching) session.send({ type: 'profiler', on: true }); // a new connection knows nothing yet
    },
    update(sample) {
      const { physics, drawing } = sample.profiler;
      values.get('render').textContent = `${drawing.drawMillis.toFixed(2)} ms (${drawing.framesPerSecond.toFixed(0)} frames/s)`;
      values.get('readback').textContent = `${drawing.readbackMillis.toFixed(2)} ms`;
      if (!physics.on) return;
      for (const [id, , show] of FIELDS) values.get(id).textContent = show(physics);
      if (!sample.playing) return;
      data[0].push(index++);
      LINES.forEach(([, value], i) => data[i + 1].push(value(physics)));
      if (data[0].length > HISTORY) data.forEach((column) => column.shift());
      plot.setData(data);
    },
  });
}

registerPanel({ id: 'profiler', title: 'Profiler', role: 'viewer', order: 57, shown: false, mount, visible });
