"""Environment steps per second through this package, end to end: numpy actions, JSON, HTTP to a Simcast host, the
host's physics, the answer back into numpy arrays and Gymnasium's infos, all counted.

    ./simcast serve &                        # the host, on this machine
    python3 -m simcast.bench                 # cart-pole with 16 copies, ANYmal with 64
    python3 -m simcast.bench --robot panda --task reach --num-envs 32 --seconds 20

Each run creates one host environment, warms up, then steps random actions for --seconds and prints copies x steps
per second; docs/PERFORMANCE.md has the figures and the machine they were taken on.
"""
import argparse
import time

import numpy as np

from .vector import SimcastVectorEnv

DEFAULT_RUNS = [("cartpole", "balance", 16), ("anymal", "walk", 64)]


def measure(robot, task, num_envs, seconds, url=None, token=None, warmup=50):
    """Steps random actions for about `seconds`.

    Returns (environment steps per second, requests per second, this process's CPU milliseconds per request): the
    last is what Python costs per step whatever else the machine does.
    """
    envs = SimcastVectorEnv(robot, task, num_envs, url=url, token=token, seed=0)
    try:
        random = np.random.default_rng(0)
        shape = envs.action_space.shape
        envs.reset(seed=0)
        for _ in range(warmup):
            envs.step(random.uniform(-1, 1, shape))
        steps = 0
        started = time.perf_counter()
        cpu = time.process_time()
        while time.perf_counter() - started < seconds:
            envs.step(random.uniform(-1, 1, shape))
            steps += 1
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu
        return steps * num_envs / elapsed, steps / elapsed, 1000 * cpu / steps
    finally:
        envs.close()


def main():
    parser = argparse.ArgumentParser(description="Environment steps per second through the simcast package.")
    parser.add_argument("--url", help="the host (default: $SIMCAST_URL or http://127.0.0.1:8000)")
    parser.add_argument("--token", help="a controller link's token or the operator's"
                        " (default: $SIMCAST_TOKEN, else the operator token file)")
    parser.add_argument("--robot")
    parser.add_argument("--task")
    parser.add_argument("--num-envs", type=int)
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    runs = [(args.robot, args.task, args.num_envs or 16)] if args.robot else DEFAULT_RUNS
    print(f"{'robot/task':<20} {'copies':>6} {'env steps/s':>12} {'requests/s':>11} {'Python CPU ms/request':>22}")
    for robot, task, num_envs in runs:
        steps, requests, cpu = measure(robot, task, num_envs, args.seconds, args.url, args.token)
        print(f"{robot + '/' + task:<20} {num_envs:>6} {steps:>12,.0f} {requests:>11,.0f} {cpu:>22.3f}", flush=True)


if __name__ == "__main__":
    main()
