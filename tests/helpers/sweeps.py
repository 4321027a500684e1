"""Sweeps over many values: a few in the default run, every one under ``-m slow`` (and in CI).

The values left to the slow run go through the same code as the ones kept (an abandoned step
records its reason in the audit log, a bad room number is looked up like any other): the default
run still reaches every step, and CI still proves every value.
"""

from collections.abc import Iterable
from typing import Any

import pytest

from app.domain.flows import AbandonReason


def sweep(values: Iterable[Any], *, by_default: Iterable[Any], several_names: bool = False) -> list[Any]:
    """``values`` as parameters; those not in ``by_default`` carry the ``slow`` marker.

    ``several_names``: each value is a tuple giving several parameters (``parametrize(("a", "b"), ...)``).
    """
    kept = list(by_default)
    return [
        value if value in kept else pytest.param(*(value if several_names else (value,)), marks=pytest.mark.slow)
        for value in values
    ]


# Every reason a step can be abandoned for; two in the default run (a device going away, and the
# desk locking itself), all of them under -m slow.
ABANDON_REASONS = sweep(AbandonReason, by_default=(AbandonReason.CAMERA_LOST, AbandonReason.IDLE_LOCK))
