// simulate's overlay keys in the page: F1 to F4 show or hide a panel (F2 Info, F3 Profiler, F4 Sensors), as the
// host's one key table says (the `keys` message; streaming.input.KeyMap). The key is the page's own business: the
// host ignores it. Keys typed into a text field or the editor stay there.

import { workspace } from '../../registry.js';

function typing(target) {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target?.isContentEditable;
}

/** Starts listening for `session`'s overlay keys. */
export function followOverlayKeys(session) {
  document.addEventListener('keydown', (event) => {
    const panel = session.keys?.[event.code];
    if (!panel || event.repeat || event.ctrlKey || event.altKey || event.metaKey || typing(event.target)) return;
    event.preventDefault(); // F1 and F3 are the browser's help and find otherwise
    if (workspace.shown().includes(panel)) workspace.hide(panel);
    else workspace.show(panel);
  });
}
