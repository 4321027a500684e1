"""The real relay code against a simulated relay board on a pseudo-terminal, fault by fault.

The board receives the real command bytes through the real serial port API (pyserial on a pty);
nothing of the relay port or the loop is replaced. Every fault ends in a report the kiosk can word
("the door could not be opened"), never in a hang or an open door, and the loop recovers by itself
when the fault goes away.
"""

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from app.domain.door import DoorFailMode, DoorOpenResult, DoorReport, DoorState
from app.door.controller import DoorRelayLoop
from app.door.protocol import lcus_profile
from app.door.relay import CONFIRM_SECONDS, WRITE_SECONDS, RelayFaultError, RelayPort
from tests.helpers.relay_sim import RelayFaults, SimulatedRelay

WAIT = 10.0  # generous: the relay's own deadlines are half a second per command; a busy machine is slower
SLOW_BOARD_SECONDS = 5.0  # far beyond the relay's deadline, so "failed before the board answered" is clear


@dataclass
class Reports:
    """What the loop reported, with a way to wait for the next report."""

    items: list[DoorReport] = field(default_factory=list)
    changed: threading.Condition = field(default_factory=threading.Condition)

    def add(self, report: DoorReport) -> None:
        with self.changed:
            self.items.append(report)
            self.changed.notify_all()

    def states(self) -> list[DoorState]:
        return [report.state for report in self.items]

    def wait_for_state(self, state: DoorState, *, after: int = 0) -> int:
        with self.changed:
            found = self.changed.wait_for(lambda: state in self.states()[after:], timeout=WAIT)
            assert found, f"no {state.value} after {self.states()[after:]}"
            return self.states().index(state, after)

    def wait_for_result(self, request_id: int) -> DoorReport:
        with self.changed:
            found = self.changed.wait_for(
                lambda: any(report.request_id == request_id for report in self.items), timeout=WAIT
            )
            assert found, f"no answer to request {request_id}: {self.items}"
            return next(report for report in self.items if report.request_id == request_id)


@dataclass
class RunningLoop:
    loop: DoorRelayLoop
    reports: Reports


def start_loop(board: SimulatedRelay, fail_mode: DoorFailMode = DoorFailMode.FAIL_SECURE) -> Iterator[RunningLoop]:
    reports = Reports()
    loop = DoorRelayLoop(str(board.path), lcus_profile(answers_status=board.answers_status), fail_mode, reports.add)
    stop = threading.Event()
    thread = threading.Thread(target=loop.run, args=(stop,), name="door-relay-test")
    thread.start()
    try:
        yield RunningLoop(loop, reports)
    finally:
        stop.set()
        thread.join(timeout=WAIT)
        assert not thread.is_alive(), "the relay loop did not stop"


@pytest.fixture
def running(relay_board: SimulatedRelay) -> Iterator[RunningLoop]:
    yield from start_loop(relay_board)


def test_connecting_locks_the_door_and_an_opening_locks_again_after_its_seconds(
    relay_board: SimulatedRelay, running: RunningLoop
) -> None:
    running.reports.wait_for_state(DoorState.LOCKED)
    assert relay_board.switched() == [False], "the first thing on a connection is locking"
    running.loop.request_open(1, 1.5)
    assert running.reports.wait_for_result(1).result is DoorOpenResult.OPENED
    assert relay_board.wait_for_commands(3, WAIT)
    assert relay_board.switched() == [False, True, False]
    opened, locked = relay_board.commands[1], relay_board.commands[2]
    assert locked.at - opened.at >= 1.5, "the door stays open for its seconds"
    assert relay_board.relays[1] is False


def test_fail_safe_wiring_opens_by_releasing_the_relay(relay_board: SimulatedRelay) -> None:
    for running in start_loop(relay_board, DoorFailMode.FAIL_SAFE):
        running.reports.wait_for_state(DoorState.LOCKED)
        running.loop.request_open(7, 1.0)
        assert running.reports.wait_for_result(7).result is DoorOpenResult.OPENED
        assert relay_board.wait_for_commands(3, WAIT)
        assert relay_board.switched() == [True, False, True]


def test_stopping_in_the_middle_of_an_opening_locks_the_door_first(relay_board: SimulatedRelay) -> None:
    for running in start_loop(relay_board):
        running.reports.wait_for_state(DoorState.LOCKED)
        running.loop.request_open(1, 30)
        assert running.reports.wait_for_result(1).result is DoorOpenResult.OPENED
    assert relay_board.switched() == [False, True, False]
    assert relay_board.relays[1] is False


def test_an_unplugged_board_fails_the_opening_at_once_and_is_back_when_replugged(
    relay_board: SimulatedRelay, running: RunningLoop
) -> None:
    running.reports.wait_for_state(DoorState.LOCKED)
    relay_board.unplug()
    gone = running.reports.wait_for_state(DoorState.UNPLUGGED)
    running.loop.request_open(2, 1.0)
    assert running.reports.wait_for_result(2).result is DoorOpenResult.FAILED
    relay_board.plug()
    running.reports.wait_for_state(DoorState.LOCKED, after=gone)
    assert relay_board.switched() == [False, False], "the replugged board is locked first"
    running.loop.request_open(3, 1.0)
    assert running.reports.wait_for_result(3).result is DoorOpenResult.OPENED


def test_a_board_pulled_while_idle_is_noticed_before_anyone_asks(
    relay_board: SimulatedRelay, running: RunningLoop
) -> None:
    running.reports.wait_for_state(DoorState.LOCKED)
    relay_board.unplug()
    running.reports.wait_for_state(DoorState.UNPLUGGED)


def test_a_board_answering_garbage_does_not_count_as_opened_and_recovers(
    relay_board: SimulatedRelay, running: RunningLoop, expect_warnings: Callable[[str], None]
) -> None:
    expect_warnings(r"The door relay did not (open|confirm locking) \(the board answered \d+ unexpected bytes\)")
    running.reports.wait_for_state(DoorState.LOCKED)
    relay_board.faults = RelayFaults(garbage=True)
    running.loop.request_open(4, 1.0)
    report = running.reports.wait_for_result(4)
    assert report.result is DoorOpenResult.FAILED
    assert report.state is DoorState.FAULT
    relay_board.faults = RelayFaults()
    fault_at = len(running.reports.items)
    running.reports.wait_for_state(DoorState.LOCKED, after=fault_at)
    assert relay_board.relays[1] is False, "a failed opening is undone"
    running.loop.request_open(5, 1.0)
    assert running.reports.wait_for_result(5).result is DoorOpenResult.OPENED


def test_a_silent_board_that_talks_is_not_taken_for_the_relay(
    tmp_path: Path, expect_warnings: Callable[[str], None]
) -> None:
    expect_warnings(r"The door relay did not (open|confirm locking) \(a silent board sent \d+ bytes\)")
    board = SimulatedRelay(tmp_path / "ttySILENT", answers_status=False).plug()
    try:
        for running in start_loop(board):
            running.reports.wait_for_state(DoorState.LOCKED)
            running.loop.request_open(1, 1.0)
            assert running.reports.wait_for_result(1).result is DoorOpenResult.OPENED
            board.faults = RelayFaults(garbage=True)
            running.loop.request_open(2, 1.0)
            assert running.reports.wait_for_result(2).result is DoorOpenResult.FAILED
    finally:
        board.unplug()


def test_a_slow_board_fails_the_opening_before_it_answers(
    relay_board: SimulatedRelay, running: RunningLoop, expect_warnings: Callable[[str], None]
) -> None:
    expect_warnings(r"The door relay did not (open|confirm locking) \(the board did not confirm in time\)")
    running.reports.wait_for_state(DoorState.LOCKED)
    relay_board.faults = RelayFaults(delay=SLOW_BOARD_SECONDS)
    asked = time.monotonic()
    running.loop.request_open(6, 1.0)
    report = running.reports.wait_for_result(6)
    answered = time.monotonic() - asked
    assert report.result is DoorOpenResult.FAILED
    assert answered < SLOW_BOARD_SECONDS, "the loop gave up on its own deadline, not the board's"


def test_a_command_waits_at_most_its_deadlines(relay_board: SimulatedRelay) -> None:
    """The worst case a kiosk can wait for an answer stays well under 2 seconds."""
    assert WRITE_SECONDS * 2 + CONFIRM_SECONDS < 2.0
    relay_board.faults = RelayFaults(delay=SLOW_BOARD_SECONDS)
    with (
        RelayPort(str(relay_board.path), lcus_profile(answers_status=True)) as port,
        pytest.raises(RelayFaultError, match="did not confirm"),
    ):
        port.switch(True)
