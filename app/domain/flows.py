"""Words shared by the desk's multi-step flows (check-in, staff face entry, verification).

A flow can be left at any step: by the person, by the operator, or by the desk itself. The reason
is recorded where something is recorded at all, and it decides nothing else: every abandon
leaves the data as the law requires (no consent without the face data it covers).
"""

from enum import StrEnum


class AbandonReason(StrEnum):
    """Why a flow ended before it was finished."""

    STOPPED = "stopped"  # the person stopped (chose the ID document or the PIN instead)
    CAPTURE_FAILED = "capture_failed"  # the capture could not go on
    CAMERA_LOST = "camera_lost"  # the camera went away and did not come back
    CLOSED = "closed"  # the operator closed the dialog or started over
    LOCKED = "lock"  # the operator locked the desk
    IDLE_LOCK = "idle_lock"  # the desk locked itself after the idle minutes
    OPERATOR_SWITCH = "switch_operator"  # another operator is signing in
    APP_QUIT = "application_closed"  # the application is closing
