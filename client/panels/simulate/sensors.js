// simulate's sensor plots: tick the sensors to follow and see them as live line charts of the last 10 simulated
// seconds, with their current values. Points come from the host's panel stream (10 Hz), never per frame; uPlot
// (loaded on demand, a chunk of its own) redraws the window once per sample. Everybody may watch.

import { registerPanel } from '../../registry.js';
import { AXES, COLOURS, loadUplot } from './chart.js';
import { element, followModel } from './live.js';

const WINDOW_S = 10;
const MAX_SERIES = COLOURS.length;

async function mount(body, session) {
  const uPlot = await loadUplot();
  const picks = element('div', { id: 'sensor-picks', className: 'sensor-picks' });
  const chart = element('div', { id: 'sensor-chart', className: 'sensor-chart' });
  const note = element('p', { className: 'note' });
  body.append(picks, note, chart);

  let sensors = [];
  let chosen = []; // [{sensor, component}] one line each
  let data = [[]];
  let plot = null;
  const width = () => Math.max(240, body.clientWidth - 8);

  const redraw = () => {
    plot?.destroy();
    data = [[], ...chosen.map(() => [])];
    plot = new uPlot({
      width: width(),
      height: 180,
      scales: { x: { time: false } },
      axes: AXES,
      series: [{ label: 'time (s)' }, ...chosen.map(({ sensor, component }, i) => ({
        label: sensor.dim > 1 ? `${sensor.name}[${component}]` : sensor.name,
        stroke: COLOURS[i],
        width: 1.5,
      }))],
    }, data, chart);
    session.sensorChart = plot; // what tests and curious people read
    chart.hidden = chosen.length === 0;
  };
  const choose = () => {
    chosen = [];
    for (const box of picks.querySelectorAll('input:checked')) {
      const sensor = sensors[Number(box.value)];
      for (let c = 0; c < sensor.dim && chosen.length < MAX_SERIES; c++) chosen.push({ sensor, component: c });
    }
    note.textContent = chosen.length === MAX_SERIES ? `At most ${MAX_SERIES} lines at once.` : '';
    redraw();
  };
  followModel(session, {
    build(model) {
      sensors = model.sensors;
      picks.replaceChildren(...sensors.map((sensor, i) => element('label', {},
        element('input', { type: 'checkbox', value: i, id: `sensor-${i}` }),
        ` ${sensor.name} (${sensor.type}${sensor.dim > 1 ? `, ${sensor.dim}` : ''})`)));
      note.textContent = sensors.length ? '' : 'This model has no sensors.';
      chosen = [];
      redraw();
    },
    update(sample) {
      if (chosen.length === 0) return;
      const times = data[0];
      if (times.length && sample.time === times[times.length - 1]) return; // paused: nothing new
      if (times.length && sample.time < times[times.length - 1]) data.forEach((column) => column.splice(0));
      times.push(sample.time);
      chosen.forEach(({ sensor, component }, i) => data[i + 1].push(sample.sensors[sensor.address + component]));
      while (times[0] < sample.time - WINDOW_S) data.forEach((column) => column.shift());
      plot.setData(data);
    },
  });
  picks.addEventListener('change', choose);
}

registerPanel({ id: 'sensors', title: 'Sensors', role: 'viewer', order: 56, shown: false, mount });
