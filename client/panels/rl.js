// Reinforcement learning: the robots and tasks with their descriptions; open an environment (copies, seed,
// episode length); watch any copy live instead of the simulation; download a training script; close it. The list
// follows environments that scripts open and close (the host announces them on the signalling socket). Controllers
// and the operator: these are controllers' routes. Close is offered only for environments this page may close (its
// link's own, or any for the operator); the others say whose they are. The REST calls are in rl-api.js.

import { saveFile } from '../api.js';
import * as rl from '../rl-api.js';
import { registerPanel } from '../registry.js';
import * as say from '../messages.js';

function element(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function number(input) {
  return input.value.trim() === '' ? null : Number.parseInt(input.value, 10);
}

async function mount(body, session) {
  const robots = await rl.robots();
  const tasks = new Map();
  const task = element('select', { id: 'rl-task' });
  task.setAttribute('aria-label', 'Robot and task');
  for (const robot of robots) {
    const group = element('optgroup', { label: robot.title });
    for (const t of robot.tasks) {
      const value = `${robot.id}/${t.id}`;
      tasks.set(value, { robot, task: t });
      group.append(new Option(`${robot.title}: ${t.title}`, value));
    }
    task.append(group);
  }
  const description = element('p', { id: 'rl-description', className: 'note' });
  const copies = element('input', { id: 'rl-copies', type: 'number', min: 1, value: 1, step: 1 });
  const seed = element('input', { id: 'rl-seed', type: 'number', step: 1, placeholder: 'random' });
  const steps = element('input', { id: 'rl-episode', type: 'number', min: 1, step: 1 });
  const create = element('button', { id: 'rl-create', type: 'button', textContent: 'Create' });
  const algo = element('select', { id: 'rl-algo' }, new Option('PPO', 'ppo'), new Option('SAC', 'sac'));
  const script = element('button', { id: 'rl-script', type: 'button', textContent: 'Download training script' });
  const list = element('ul', { id: 'rl-environments', className: 'environments' });
  const status = element('p', { id: 'rl-status', className: 'status' });
  status.setAttribute('role', 'status');
  body.append(task, description,
    element('div', { className: 'toolbar' }, element('label', {}, 'Copies', copies), element('label', {}, 'Seed', seed),
      element('label', {}, 'Episode length', steps), create),
    element('div', { className: 'toolbar' }, algo, script), list, status);

  // Owners come from GET /api/rl, which answers for the asker; the signalling announcement is the same for everyone.
  const owners = new Map(); // id -> {owner, yours}
  const learnOwners = async () => {
    try {
      const { environments } = await rl.list();
      owners.clear();
      for (const env of environments) owners.set(env.id, { owner: env.owner, yours: env.yours });
    } catch (error) {
      tell(error.message, 'error');
    }
    render();
  };
  const tell = (text, kind = 'info') => {
    status.textContent = text;
    status.dataset.kind = kind;
  };
  const chosen = () => tasks.get(task.value);
  const describe = () => {
    const { robot, task: t } = chosen();
    description.textContent = t.description;
    steps.placeholder = `${t.max_episode_steps} (${robot.title}’s default)`;
  };
  const download = async (robot, taskId) => {
    try {
      saveFile(`train_${robot}_${taskId}.py`, await rl.script(robot, taskId, algo.value), 'text/x-python');
    } catch (error) {
      tell(error.message, 'error');
    }
  };

  function row(env) {
    const watching = session.watching.source === 'rl' && session.watching.env === env.id;
    const copy = element('select', { className: 'copy' });
    copy.setAttribute('aria-label', `Copy of ${env.id} to watch`);
    for (let i = 0; i < env.numEnvs; i++) copy.append(new Option(`copy ${i}`, String(i)));
    if (watching) copy.value = String(session.watching.copy);
    const watch = element('button', { type: 'button', className: 'watch', textContent: watching ? 'Stop watching' : 'Watch' });
    watch.addEventListener('click', () => session.send(watching ? rl.watchSimulation()
      : rl.watchCopy(env.id, Number(copy.value))));
    copy.addEventListener('change', () => {
      if (watching) session.send(rl.watchCopy(env.id, Number(copy.value)));
    });
    const who = owners.get(env.id);
    const close = element('button', { type: 'button', className: 'close', textContent: 'Close', hidden: !who?.yours });
    close.addEventListener('click', () => rl.close(env.id).then(() => session.log('info', say.closed(env.id)),
      (error) => tell(error.message, 'error')));
    const scriptButton = element('button', { type: 'button', className: 'script', textContent: 'Script' });
    scriptButton.addEventListener('click', () => download(env.robot, env.task));
    const item = element('li', {}, element('span', { className: 'name',
      textContent: `${env.id} · ${env.robot}/${env.task} · ${say.copies(env.numEnvs)}${watching ? ` · ${say.watchingCopy(session.watching.copy)}` : ''}` }),
    element('span', { className: 'owner', textContent: who && !who.yours ? say.ownedBy(who.owner) : '' }),
    copy, watch, scriptButton, close);
    item.dataset.env = env.id;
    return item;
  }

  function render() {
    list.replaceChildren(...(session.environments.length ? session.environments.map(row)
      : [element('li', { className: 'note', textContent: say.noEnvironments() })]));
  }

  task.addEventListener('change', describe);
  create.addEventListener('click', async () => {
    const { robot, task: t } = chosen();
    create.disabled = true;
    try {
      const env = await rl.create({ robot: robot.id, task: t.id, copies: number(copies) ?? 1, seed: number(seed),
        episodeSteps: number(steps) });
      tell(say.created(env.id, env.robot, env.task));
      session.log('info', say.created(env.id, env.robot, env.task));
    } catch (error) {
      tell(error.message, 'error');
    } finally {
      create.disabled = false;
    }
  });
  script.addEventListener('click', () => download(chosen().robot.id, chosen().task.id));
  session.addEventListener('environments', () => {
    render();
    learnOwners();
  });
  session.addEventListener('watching', render);
  describe();
  render();
  learnOwners();
}

registerPanel({ id: 'rl', title: 'RL', role: 'controller', order: 40, shown: false, mount });
