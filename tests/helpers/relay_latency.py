"""How long the kiosk waits for the door relay's answer: the real relay loop against the simulated board.

For each case (a good board, an unplugged one, one answering garbage, one answering after 5 s) it
asks for the door to open ``--runs`` times and measures, from the request to the loop's answer
(opened, or could not open), the median and the worst. Run::

    uv run python -m tests.helpers.relay_latency --runs 20

Numbers go to docs/PERFORMANCE.md; no test asserts them (a busy machine is slower).
"""

import argparse
import platform
import statistics
import tempfile
import threading
import time
from pathlib import Path

from app.domain.door import DoorFailMode, DoorReport, DoorState
from app.door.controller import DoorRelayLoop
from app.door.protocol import lcus_profile
from tests.helpers.relay_sim import RelayFaults, SimulatedRelay


def measure(case: str, runs: int, folder: Path) -> list[float]:
    """Seconds from each request to its answer, for one case."""
    board = SimulatedRelay(folder / f"tty-{case}").plug()
    answers: dict[int, float] = {}
    locked = threading.Event()
    changed = threading.Condition()

    def report(item: DoorReport) -> None:
        with changed:
            if item.request_id is not None:
                answers[item.request_id] = time.perf_counter()
            if item.state is DoorState.LOCKED:
                locked.set()
            changed.notify_all()

    loop = DoorRelayLoop(str(board.path), lcus_profile(answers_status=True), DoorFailMode.FAIL_SECURE, report)
    stop = threading.Event()
    thread = threading.Thread(target=loop.run, args=(stop,))
    thread.start()
    locked.wait(10)
    if case == "unplugged":
        board.unplug()
        time.sleep(1.0)  # the loop notices by itself
    elif case == "garbage":
        board.faults = RelayFaults(garbage=True)
    elif case == "slow":
        board.faults = RelayFaults(delay=5.0)
    waits = []
    for request_id in range(1, runs + 1):
        asked = time.perf_counter()
        loop.request_open(request_id, 0.05)
        with changed:
            changed.wait_for(lambda rid=request_id: rid in answers, timeout=30)
        waits.append(answers[request_id] - asked)
        time.sleep(0.6)  # the door locks again (or the loop retries) before the next walk-up
    stop.set()
    thread.join(10)
    board.unplug()
    return waits


def main() -> None:
    """Print the median and worst wait per case."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    print(f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as folder:
        for case in ("good", "unplugged", "garbage", "slow"):
            waits = measure(case, args.runs, Path(folder))
            print(f"{case:10s} median {statistics.median(waits) * 1000:6.0f} ms   worst {max(waits) * 1000:6.0f} ms")


if __name__ == "__main__":
    main()
