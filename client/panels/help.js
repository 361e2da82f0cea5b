// simulate's help (F1) in the page: every key and mouse gesture with what it does, as the host's one key table
// says (the `help` of the `keys` message: streaming.input.Help over KeyMap and KeyAction, so the page keeps no
// list of its own). F1 shows and hides it (overlay-keys.js, like F2 to F4); Esc hides it too. Everybody may read it.

import { registerPanel, workspace } from '../registry.js';
import { element } from './simulate/live.js';

function table(id, heading, lines) {
  return element('table', { id, className: 'help-table' },
    element('thead', {}, element('tr', {},
      element('th', { textContent: heading }), element('th', { textContent: 'Does' }))),
    element('tbody', {}, ...lines.map((line) => element('tr', {},
      element('td', {}, element('kbd', { textContent: line.input })), element('td', { textContent: line.does })))));
}

function mount(body, session) {
  const render = (help) => {
    if (!help) return;
    body.replaceChildren(
      table('help-keys', 'Key', help.keys),
      table('help-mouse', 'Mouse in the view', help.mouse));
  };
  render(session.help);
  session.addEventListener('help', (event) => render(event.detail));
}

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && workspace.shown().includes('help')) workspace.hide('help');
});

registerPanel({ id: 'help', title: 'Help', role: 'viewer', order: 95, shown: false, mount });
