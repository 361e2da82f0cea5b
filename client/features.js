// Every panel and control the page has: each module registers itself with registry.js when it is imported.
// Add yours with one line here (simulate's panels, the Record button, ...); the order in the dock is each
// panel's own `order`, not the order of these lines.

import './panels/editor.js';
import './panels/generate.js';
import './panels/keys.js';
import './panels/rl.js';
import './panels/log.js';
import './panels/help.js';
import './panels/simulate/control.js';
import './panels/simulate/joints.js';
import './panels/simulate/keyframes.js';
import './panels/simulate/sensors.js';
import './panels/simulate/info.js';
import './panels/simulate/profiler.js';
import './panels/simulate/rendering.js';
import './watch.js';
