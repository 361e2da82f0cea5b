// uPlot for simulate's charts (sensors, profiler): loaded on demand as a chunk of its own the first time a chart
// panel opens, its stylesheet added to the page once.

import { element } from './live.js';

let loading = null;

/** Resolves with uPlot's constructor. */
export function loadUplot() {
  loading ??= Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([{ default: uPlot }, { default: css }]) => {
    document.head.append(element('style', { textContent: css }));
    return uPlot;
  });
  return loading;
}

/** Colours of the lines, in order. */
export const COLOURS = ['#4ea1ff', '#f5a623', '#7ed321', '#e0556b', '#b68cff', '#50e3c2', '#f8e71c', '#c0c0c0'];

/** Axes on the page's dark ground. */
export const AXES = [{ stroke: '#aaa', grid: { stroke: '#333' } }, { stroke: '#aaa', grid: { stroke: '#333' } }];
