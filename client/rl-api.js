// Every RL call the page makes, in one place (docs/PROTOCOL.md, "RL environments"), in the page's own words:
// when the REST API's semantics change (issue 17), this module is what follows them.

import { get, getText, post, remove } from './api.js';

/** The robots and their tasks: [{id, title, tasks: [{id, title, description, max_episode_steps, ...}]}]. */
export const robots = () => get('/api/rl/robots');

/** The open environments with their owners: {environments: [{id, owner, yours, ...}]}; `yours`: this page may close it. */
export const list = () => get('/api/rl');

/** Opens an environment; `seed` and `episodeSteps` may be null. Answers its id, spaces and sizes. */
export const create = ({ robot, task, copies, seed, episodeSteps }) => post('/api/rl/create',
  { robot, task, num_envs: copies, seed, max_episode_steps: episodeSteps });

/** Closes an environment; its viewers go back to the simulation. */
export const close = (id) => remove(`/api/rl/${encodeURIComponent(id)}`);

/** The Python training script for a task (`simcast rl script`). */
export const script = (robot, task, algo) => getText(
  `/api/rl/script?robot=${encodeURIComponent(robot)}&task=${encodeURIComponent(task)}&algo=${encodeURIComponent(algo)}`);

/** Signalling messages that show a copy to this viewer, or the simulation again. */
export const watchCopy = (env, copy) => ({ type: 'watch', source: 'rl', env, copy });
export const watchSimulation = () => ({ type: 'watch', source: 'simulation' });
