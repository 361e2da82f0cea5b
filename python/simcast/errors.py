"""What a Simcast host's refusals look like in Python."""


class SimcastError(RuntimeError):
    """The host answered with an error status; ``message`` is its sentence (which names the problem and the fix)."""

    def __init__(self, method, path, status, message):
        super().__init__(f"Simcast refused {method} {path}: HTTP {status}: {message}")
        self.method = method
        self.path = path
        self.status = status
        self.message = message
