"""An exception escaping a slot: one log record with the traceback, a calm dialog, the desk goes on."""

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from app.ui.crash_handler import CrashHandler


class DeliberateBugError(RuntimeError):
    """Raised on purpose by the test's slot."""


@pytest.fixture
def handler(qtbot: QtBot, tmp_path: Path) -> Iterator[CrashHandler]:
    crash = CrashHandler(tmp_path / "logs" / "facedesk.log")
    crash.install()
    yield crash
    crash.uninstall()
    if crash.dialog is not None:
        crash.dialog.close()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_once_and_explained_calmly(
    qtbot: QtBot, handler: CrashHandler, caplog: pytest.LogCaptureFixture, expect_warnings
) -> None:
    expect_warnings(r"^Unexpected error \(DeliberateBugError\)")
    clicks: list[int] = []
    broken = QPushButton("broken")
    working = QPushButton("working")
    qtbot.addWidget(broken)
    qtbot.addWidget(working)

    def fail() -> None:
        raise DeliberateBugError("a bug in a slot")

    broken.clicked.connect(fail)
    working.clicked.connect(lambda: clicks.append(1))
    with qtbot.waitSignal(handler.crashed, timeout=5000), caplog.at_level(logging.ERROR):
        broken.click()
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible(), timeout=5000)
    assert handler.dialog is not None
    assert handler.dialog.text() == "Something went wrong; nothing was lost."
    assert "facedesk.log" in handler.dialog.informativeText()
    records = [r for r in caplog.records if r.name == "app.ui.crash_handler"]
    assert len(records) == 1
    assert records[0].exc_info is not None and records[0].exc_info[0] is DeliberateBugError
    # The desk keeps running: other controls still work.
    working.click()
    assert clicks == [1]


def test_an_exception_in_a_worker_thread_is_logged_and_shown(
    qtbot: QtBot, handler: CrashHandler, caplog: pytest.LogCaptureFixture, expect_warnings
) -> None:
    expect_warnings(r"^Unexpected error \(DeliberateBugError\)")

    def fail() -> None:
        raise DeliberateBugError("a bug in a thread")

    with qtbot.waitSignal(handler.crashed, timeout=5000), caplog.at_level(logging.ERROR):
        thread = threading.Thread(target=fail)
        thread.start()
        thread.join()
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible(), timeout=5000)
    assert [r.exc_info[0] for r in caplog.records if r.exc_info] == [DeliberateBugError]
