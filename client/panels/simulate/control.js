// simulate's Control panel: a slider per actuator within its control range (the host's `slider`: -1..1 without one),
// showing the live control everybody sees, and "Clear all", which sets every control to zero. Controllers and the
// operator only: a viewer's page has no such panel and the host refuses a viewer's command anyway.

import { registerPanel } from '../../registry.js';
import { command, element, followModel, sliderRow } from './live.js';

function mount(body, session) {
  const clear = element('button', { id: 'control-clear', type: 'button', textContent: 'Clear all' });
  clear.addEventListener('click', () => command(session, 'clear_controls'));
  const list = element('div', { id: 'control-sliders', className: 'sliders' });
  const none = element('p', { className: 'note', textContent: 'This model has no actuators.' });
  body.append(element('div', { className: 'toolbar' }, clear), none, list);
  let sliders = [];
  followModel(session, {
    build(model) {
      sliders = model.actuators.map((actuator) => {
        const [min, max] = actuator.slider;
        return sliderRow({
          id: `control-${actuator.index}`,
          label: actuator.name,
          min,
          max,
          onMove: (value) => command(session, 'control', { actuator: actuator.index, value }),
        });
      });
      list.replaceChildren(...sliders.map((slider) => slider.row));
      none.hidden = sliders.length > 0;
      clear.disabled = sliders.length === 0;
    },
    update(sample) {
      sliders.forEach((slider, i) => slider.show(sample.ctrl[i]));
    },
  });
}

registerPanel({ id: 'control', title: 'Control', role: 'controller', order: 50, shown: false, mount });
