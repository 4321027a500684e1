"""Keep one CPU core busy until stopped, as a second heavy process on the desk PC would.

    uv run python -m tests.helpers.burn_core &   # then run the tests; kill it afterwards

The suite must pass like this (DEVELOPERS.md: no test may depend on timing); docs/PERFORMANCE.md
records the wall time of both test runs with and without it.
"""

import signal
import sys
import time


def burn(seconds: float | None = None) -> int:
    """Spin on one core for ``seconds`` (None: until SIGTERM or Ctrl+C); return how many rounds ran."""
    stop = False

    def stopped(*_: object) -> None:
        nonlocal stop
        stop = True

    signal.signal(signal.SIGTERM, stopped)
    deadline = None if seconds is None else time.monotonic() + seconds
    rounds = 0
    try:
        while not stop and (deadline is None or time.monotonic() < deadline):
            for number in range(100_000):  # pure computation: no sleep, no I/O
                rounds += number & 1
    except KeyboardInterrupt:
        pass
    return rounds


if __name__ == "__main__":
    burn(float(sys.argv[1]) if len(sys.argv) > 1 else None)
