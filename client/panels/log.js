// The event log: scene changes, errors, people joining and leaving, and what the panels did, newest last.
// Everybody sees it.

import { registerPanel } from '../registry.js';

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

registerPanel({
  id: 'log',
  title: 'Log',
  role: 'viewer',
  order: 90,
  shown: true,
  mount(body, session) {
    const list = Object.assign(document.createElement('ol'), { className: 'log' });
    list.setAttribute('aria-live', 'polite');
    body.append(list);
    const add = ({ kind, text, time: at }) => {
      const item = document.createElement('li');
      item.dataset.kind = kind;
      item.append(Object.assign(document.createElement('time'), { textContent: time.format(at) }), ` ${text}`);
      list.append(item);
      while (list.children.length > 200) list.firstElementChild.remove();
      list.scrollTop = list.scrollHeight;
    };
    session.lines.forEach(add);
    session.addEventListener('log', (event) => add(event.detail));
  },
});
