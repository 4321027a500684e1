"""``facedesk bench cli``: the wall time of a whole command-line process, start to exit.

Each run is a new process (``python -m app --data-dir DIR COMMAND``), as a shop owner or a script
starts it; the time includes Python's start-up, every import and the command's own work. The peer,
measured in the same run, is the same command in a process that loads OpenCV and dlib first, as
every command did before commands that need no face engine stopped importing it.
"""

import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from app.domain.errors import InvalidInputError

# The peer: the same command after importing the face engine, as every command once did.
_WITH_FACE_ENGINE = "import sys, cv2, dlib; from app.cli import main; sys.exit(main(sys.argv[1:]))"
_TIMEOUT_SECONDS = 300


def run_cli_benchmark(data_dir: Path, command: list[str], *, runs: int, peer: bool) -> dict[str, Any]:
    """Time ``runs`` processes of ``command`` (and of the peer); medians, fastest and slowest, in seconds.

    Raises:
        InvalidInputError: the command fails (its own message is passed on), or FaceDesk runs as
            the installed bundle, where there is no Python to start the peer with.
    """
    if getattr(sys, "frozen", False):
        raise InvalidInputError("bench cli measures FaceDesk run from source (uv run facedesk bench cli).")
    base = ["--data-dir", str(data_dir), *command]
    variants = {"facedesk": [sys.executable, "-m", "app", *base]}
    if peer:
        variants["with_face_engine_imported"] = [sys.executable, "-c", _WITH_FACE_ENGINE, *base]
    seconds: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(runs):
        for name, argv in variants.items():  # interleaved, so both see the same machine load
            seconds[name].append(_timed(argv))
    return {
        "command": " ".join(["facedesk", *command]),
        "runs": runs,
        "results": [
            {
                "variant": name,
                "median_s": statistics.median(times),
                "min_s": min(times),
                "max_s": max(times),
                "seconds": times,
            }
            for name, times in seconds.items()
        ],
    }


def _timed(argv: list[str]) -> float:
    started = time.perf_counter()
    # argv is this Python running FaceDesk with the user's own arguments: nothing from outside runs
    done = subprocess.run(  # noqa: S603
        argv, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=_TIMEOUT_SECONDS, check=False
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        message = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit code {done.returncode}"
        raise InvalidInputError(f"The measured command failed: {message}")
    return elapsed
