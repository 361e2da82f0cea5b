// Simcast's native side of MuJoCo's error handling.
//
// MuJoCo's default error handler prints and calls exit(). Ours throws a C++ exception instead; the JNI glue that
// JavaCPP generates around every MuJoCo call catches it and rethrows it in Java as a RuntimeException carrying
// MuJoCo's text. libmujoco is built with unwind tables, so the exception crosses its C frames safely.
#ifndef SIMCAST_MUJOCO_H_
#define SIMCAST_MUJOCO_H_

#include <stdexcept>
#include <string>
#include "mujoco.h"

static void simcast_throw_mujoco_error(const char* message) {
  throw std::runtime_error(std::string("MuJoCo error: ") + message);
}

// Installs the throwing error handler; call once before anything else touches MuJoCo.
inline void simcast_install_error_handler() {
  mju_user_error = &simcast_throw_mujoco_error;
}

#endif  // SIMCAST_MUJOCO_H_
