// The page's workspace: every feature is one module that registers a panel (a dockable section with a header
// button to show and hide it) or a control (something in the control bar under the video). The registry adds each
// only for a role that may use it, mounts a panel the first time it is shown (so a panel nobody opens costs
// nothing, the editor's CodeMirror included), and remembers which panels the person keeps open (browser storage:
// panel names only). features.js lists the modules the page loads.
//
//   registerPanel({ id, title, role, order, shown, mount(body, session), visible(shown, session) })
//     role: the least role that sees it ("viewer", "controller", "operator"); order: position in the dock;
//     shown: open the first time (on a wide screen); mount: builds the panel into `body` (may be async);
//     visible (optional): told each time the panel is shown or hidden (a panel whose host-side work runs only
//     while someone looks, the profiler).
//   registerControl({ id, role, order, create(session) })  create returns the element for the control bar.

const STORAGE = 'simcast.panels';
const NARROW = '(max-width: 700px)';
const FIRST_PICTURE_WAIT_MS = 3000;
const IDLE_WAIT_MS = 2000;
const panels = [];
const controls = [];
const mounted = new Map(); // id -> {spec, section, toggle, ready}

export function registerPanel(spec) {
  panels.push(spec);
}

export function registerControl(spec) {
  controls.push(spec);
}

function remembered() {
  try {
    return JSON.parse(localStorage.getItem(STORAGE)) ?? {};
  } catch {
    return {};
  }
}

function remember(id, shown) {
  localStorage.setItem(STORAGE, JSON.stringify({ ...remembered(), [id]: shown }));
}

/**
 * Adds the panels and controls `session`'s role may use: panels into `dock` with their buttons in `toggles`,
 * controls into `bar`. Called after every welcome; what is there already stays.
 */
export function mountWorkspace(session, { dock, toggles, bar }) {
  const choices = remembered();
  const narrow = matchMedia(NARROW).matches;
  // Panels open from the start are built once the video shows and the page is idle, so that they never delay the
  // first picture or compete with it.
  const later = new Promise((resolve) => {
    const idle = () => (window.requestIdleCallback ?? setTimeout)(resolve, { timeout: IDLE_WAIT_MS });
    session.addEventListener('picture', idle, { once: true });
    setTimeout(idle, FIRST_PICTURE_WAIT_MS);
  });
  for (const spec of [...panels].sort(byOrder)) {
    if (mounted.has(spec.id) || !session.may(spec.role)) continue;
    const section = document.createElement('section');
    section.className = 'panel';
    section.id = `panel-${spec.id}`;
    section.hidden = true;
    section.style.order = spec.order ?? 0;
    const header = document.createElement('header');
    const title = Object.assign(document.createElement('h2'), { textContent: spec.title });
    const close = Object.assign(document.createElement('button'), {
      type: 'button', className: 'panel-close', textContent: '×', title: `Hide ${spec.title}`,
    });
    close.addEventListener('click', () => hidePanel(spec.id));
    header.append(title, close);
    const body = Object.assign(document.createElement('div'), { className: 'panel-body' });
    section.append(header, body);
    dock.append(section);
    const toggle = Object.assign(document.createElement('button'), {
      type: 'button', className: 'panel-toggle', textContent: spec.title, id: `toggle-${spec.id}`,
    });
    toggle.setAttribute('aria-pressed', 'false');
    toggle.style.order = spec.order ?? 0;
    toggle.addEventListener('click', () => (section.hidden ? showPanel(spec.id) : hidePanel(spec.id)));
    toggles.append(toggle);
    mounted.set(spec.id, { spec, section, toggle, body, session, ready: null });
    if (choices[spec.id] ?? (spec.shown && !narrow)) showPanel(spec.id, false, later);
  }
  for (const spec of [...controls].sort(byOrder)) {
    if (bar.querySelector(`[data-control="${spec.id}"]`) || !session.may(spec.role)) continue;
    const element = spec.create(session);
    element.dataset.control = spec.id;
    bar.append(element);
  }
}

function byOrder(a, b) {
  return (a.order ?? 0) - (b.order ?? 0);
}

/**
 * Shows a panel, building it (after `when`) the first time; resolves with whether it is ready. Unknown or
 * forbidden ids do nothing.
 */
export function showPanel(id, rememberChoice = true, when = Promise.resolve()) {
  const panel = mounted.get(id);
  if (!panel) return Promise.resolve(false);
  if (panel.section.hidden) panel.spec.visible?.(true, panel.session);
  panel.section.hidden = false;
  panel.toggle.setAttribute('aria-pressed', 'true');
  if (rememberChoice) remember(id, true);
  panel.ready ??= when
    .then(() => panel.spec.mount(panel.body, panel.session))
    .then(() => true, (error) => {
      panel.body.textContent = `${panel.spec.title} could not start: ${error.message}`;
      return false;
    });
  return panel.ready;
}

export function hidePanel(id) {
  const panel = mounted.get(id);
  if (!panel) return;
  if (!panel.section.hidden) panel.spec.visible?.(false, panel.session);
  panel.section.hidden = true;
  panel.toggle.setAttribute('aria-pressed', 'false');
  remember(id, false);
}

/** What tests and people can ask: the panels this page has, and which are shown. */
export const workspace = {
  panels: () => [...mounted.keys()],
  shown: () => [...mounted.values()].filter((p) => !p.section.hidden).map((p) => p.spec.id),
  show: showPanel,
  hide: hidePanel,
};
