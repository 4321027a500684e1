"""One flow step off the GUI thread, typed end to end.

A flow's slow steps (the final write of an enrolment, which also waits for the database) run on
the shared thread pool; the page gets ``on_finished(result)`` or ``on_failed(error)`` exactly once,
on the GUI thread, and keeps the returned task until then.
"""

from collections.abc import Callable
from typing import TypeVar, cast

from app.domain.errors import FaceDeskError
from app.workers.background_task import BackgroundTask, run_in_background

T = TypeVar("T")


def run_flow_step(
    step: Callable[[], T], on_finished: Callable[[T], None], on_failed: Callable[[FaceDeskError], None]
) -> BackgroundTask:
    """Run ``step`` in the background and hand its typed outcome to one of the two handlers."""
    return run_in_background(
        step,
        lambda result: on_finished(cast(T, result)),
        lambda error: on_failed(cast(FaceDeskError, error)),
    )
