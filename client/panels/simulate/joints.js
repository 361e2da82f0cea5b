// simulate's Joint panel: a slider per hinge and slide joint (simulate leaves out free and ball joints) showing its
// live position, within the host's `slider` (its range; unlimited: ±π for a hinge, ±1 for a slide). While it is
// paused a controller may drag one: the host sets that joint and runs a forward pass; while it runs they only show.

import { registerPanel } from '../../registry.js';
import { command, element, followModel, sliderRow } from './live.js';

const SLIDERS = ['hinge', 'slide'];

function mount(body, session) {
  const note = element('p', { id: 'joints-note', className: 'note' });
  const list = element('div', { id: 'joint-sliders', className: 'sliders' });
  body.append(note, list);
  let sliders = [];
  let editable = null;
  followModel(session, {
    build(model) {
      const joints = model.joints.filter((joint) => SLIDERS.includes(joint.type));
      sliders = joints.map((joint) => {
        const [min, max] = joint.slider;
        const slider = sliderRow({
          id: `joint-${joint.qposAddress}`,
          label: joint.name,
          min,
          max,
          onMove: (value) => command(session, 'positions', { indices: [joint.qposAddress], values: [value] }),
        });
        slider.address = joint.qposAddress;
        return slider;
      });
      list.replaceChildren(...sliders.map((slider) => slider.row));
      editable = null;
      note.textContent = sliders.length ? '' : 'This model has no hinge or slide joints.';
    },
    update(sample) {
      const may = session.may('controller') && !sample.playing;
      if (may !== editable) {
        editable = may;
        sliders.forEach((slider) => { slider.input.disabled = !may; });
        if (sliders.length) {
          note.textContent = !session.may('controller') ? 'Watching: a viewer link cannot move joints.'
            : may ? 'Paused: drag a joint to set it.' : 'Pause the simulation to set joints.';
        }
      }
      sliders.forEach((slider) => slider.show(sample.qpos[slider.address]));
    },
  });
}

registerPanel({ id: 'joints', title: 'Joints', role: 'viewer', order: 52, shown: false, mount });
