"""The REST calls of a Simcast host's RL API over one kept-alive HTTP connection (the standard library's http.client).

A connection the host closed while idle, or a host that is not up yet, is retried a few times with a short backoff;
nothing else is retried, so a step is never sent twice once the host has read it.
"""
import http.client
import json
import os
import socket
import time
import urllib.parse

import numpy as np

from .errors import SimcastError

DEFAULT_URL = "http://127.0.0.1:8000"

# Failures in which the request cannot have been acted on: the connection was refused, or a kept-alive connection
# turned out to be closed by the host when the request was written or before any answer arrived.
_RETRYABLE = (ConnectionRefusedError, ConnectionResetError, BrokenPipeError, http.client.RemoteDisconnected,
              http.client.CannotSendRequest)


def default_token():
    """$SIMCAST_TOKEN, else $SIMCAST_OPERATOR_TOKEN, else the operator token file `simcast serve` made on this machine
    ($XDG_CONFIG_HOME/simcast/operator-token or ~/.config/simcast/operator-token, readable by you only), else None."""
    for variable in ("SIMCAST_TOKEN", "SIMCAST_OPERATOR_TOKEN"):
        if os.environ.get(variable):
            return os.environ[variable].strip()
    config = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    try:
        with open(os.path.join(config, "simcast", "operator-token"), encoding="utf-8") as file:
            return file.read().strip() or None
    except OSError:
        return None


class Client:
    """One host, one connection. Not thread-safe: give each thread its own client.

    url: the host's address (default: $SIMCAST_URL, else http://127.0.0.1:8000).
    token: a share link's token or the operator's (default: default_token()); sent as "Authorization: Bearer".
    retries: how often a connection failure is retried (with 0.1, 0.2, 0.4 ... s between tries).
    """

    def __init__(self, url=None, token=None, timeout=60.0, retries=4):
        self.url = (url or os.environ.get("SIMCAST_URL") or DEFAULT_URL).rstrip("/")
        self.token = token if token is not None else default_token()
        self.timeout = timeout
        self.retries = retries
        parsed = urllib.parse.urlsplit(self.url)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise ValueError(f"url must be http://HOST:PORT or https://HOST:PORT, got {url!r}")
        self._https = parsed.scheme == "https"
        self._host = parsed.hostname
        self._port = parsed.port
        self._prefix = parsed.path.rstrip("/")
        self._connection = None
        self._headers = {"Accept": "application/json", "Content-Type": "application/json"}
        if self.token:
            self._headers["Authorization"] = "Bearer " + self.token

    # ---- transport ------------------------------------------------------------------------------------------

    def _connect(self):
        if self._https:
            return http.client.HTTPSConnection(self._host, self._port, timeout=self.timeout)
        connection = http.client.HTTPConnection(self._host, self._port, timeout=self.timeout)
        connection.connect()
        connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # small requests, no Nagle delay
        return connection

    def request_raw(self, method, path, body=None):
        """Sends one request; returns (status, headers, payload bytes). Retries connection failures only."""
        data = None if body is None else json.dumps(body, separators=(",", ":")).encode("utf-8")
        delay = 0.1
        for attempt in range(self.retries + 1):
            try:
                if self._connection is None:
                    self._connection = self._connect()
                self._connection.request(method, self._prefix + path, body=data, headers=self._headers)
                response = self._connection.getresponse()
                payload = response.read()
                if response.getheader("Connection", "").lower() == "close":
                    self.close()
                return response.status, response, payload
            except _RETRYABLE:
                self.close()
                if attempt == self.retries:
                    raise
                time.sleep(delay)
                delay *= 2
            except BaseException:
                self.close()
                raise

    def request(self, method, path, body=None):
        """Sends one request and returns its JSON answer; an error status raises SimcastError with the host's words."""
        status, _, payload = self.request_raw(method, path, body)
        if status >= 400:
            raise SimcastError(method, path, status, _error_text(payload))
        return json.loads(payload) if payload else None

    def close(self):
        """Closes the connection (the next request opens a new one)."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ---- the RL API -----------------------------------------------------------------------------------------

    def robots(self):
        """GET /api/rl/robots: every robot with its tasks and their spaces."""
        return self.request("GET", "/api/rl/robots")

    def environments(self):
        """GET /api/rl: the open environments."""
        return self.request("GET", "/api/rl")

    def create(self, robot=None, task=None, *, num_envs=1, seed=None, max_episode_steps=None,
               autoreset_mode="NextStep", task_options=None, custom=None):
        """POST /api/rl/create; returns the host's answer (id, spaces, control_timestep, ...).

        custom: a model of your own instead of robot and task (docs/RL.md: "mjcf" or "scene", actions,
        observations, reward, terminate_when, frame_skip, keyframe, reset_noise).
        """
        body = {"num_envs": int(num_envs), "seed": _whole(seed), "max_episode_steps": max_episode_steps,
                "autoreset_mode": getattr(autoreset_mode, "value", autoreset_mode)}
        if custom is not None:
            body["custom"] = custom
        else:
            body["robot"], body["task"] = robot, task
        if task_options:
            body["task_options"] = task_options
        return self.request("POST", "/api/rl/create", body)

    def reset(self, env_id, seed=None, options=None, reset_mask=None):
        """POST /api/rl/{id}/reset. seed: a number (copy i gets seed + i), None, or one per copy."""
        body = {"seed": _seeds(seed)}
        if options:
            body["options"] = _plain(options)
        if reset_mask is not None:
            body["reset_mask"] = [bool(m) for m in np.asarray(reset_mask).reshape(-1)]
        return self.request("POST", f"/api/rl/{env_id}/reset", body)

    def step(self, env_id, actions):
        """POST /api/rl/{id}/step with one row of actions per copy."""
        return self.request("POST", f"/api/rl/{env_id}/step", {"actions": np.asarray(actions, np.float64).tolist()})

    def render(self, env_id, copy=0, width=640, height=480, camera=None):
        """GET /api/rl/{id}/render: the copy as the last call left it, an RGB array of shape (height, width, 3)."""
        query = {"copy": copy, "width": width, "height": height}
        if camera:
            query["camera"] = camera
        path = f"/api/rl/{env_id}/render?" + urllib.parse.urlencode(query)
        status, response, payload = self.request_raw("GET", path)
        if status >= 400:
            raise SimcastError("GET", path, status, _error_text(payload))
        shape = (int(response.getheader("Simcast-Height")), int(response.getheader("Simcast-Width")), 3)
        return np.frombuffer(payload, dtype=np.uint8).reshape(shape)

    def state(self, env_id, copy=0):
        """GET /api/rl/{id}/state: the copy's whole state (MuJoCo's arrays, the step count, the task's memory)."""
        return self.request("GET", f"/api/rl/{env_id}/state?copy={int(copy)}")

    def set_state(self, env_id, copy, state):
        """POST /api/rl/{id}/state: puts a state back; returns the copy's observation of it."""
        return self.request("POST", f"/api/rl/{env_id}/state", {"copy": int(copy), "state": _plain(state)})

    def delete(self, env_id):
        """DELETE /api/rl/{id}."""
        return self.request("DELETE", f"/api/rl/{env_id}")


def _error_text(payload):
    try:
        return json.loads(payload).get("error", payload.decode("utf-8", "replace"))
    except ValueError:
        return payload.decode("utf-8", "replace")


def _whole(value):
    return None if value is None else int(value)


def _seeds(seed):
    if seed is None or isinstance(seed, (int, np.integer)):
        return _whole(seed)
    return [_whole(s) for s in seed]


def _plain(value):
    """Numpy values as JSON takes them."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    return value
