// Simcast's clock for MuJoCo's built-in profiler.
//
// MuJoCo fills mjData.timer[] (time per stage of mj_step: forward, position, collision, constraint solve...) only
// while the global callback mjcb_time is set. A Java upcall per timer read would cost more than the stages it
// measures, so the clock is this C function: clock_gettime in milliseconds, the unit simulate's profiler shows.
#ifndef SIMCAST_TIMER_H_
#define SIMCAST_TIMER_H_

#include <time.h>
#include "mujoco.h"

static mjtNum simcast_clock_millis(void) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return 1e3 * (mjtNum) now.tv_sec + 1e-6 * (mjtNum) now.tv_nsec;
}

// Installs (true) or removes (false) the clock: process-wide, like every mjcb_ callback.
inline void simcast_profiler_clock(bool on) {
  mjcb_time = on ? &simcast_clock_millis : 0;
}

#endif  // SIMCAST_TIMER_H_
