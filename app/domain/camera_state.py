"""The states a camera session can be in, shared by the camera layer and the desk screens."""

from enum import StrEnum


class FeedState(StrEnum):
    """What the camera is doing, as shown to the operator."""

    STARTING = "starting"
    LIVE = "live"
    UNAVAILABLE = "unavailable"  # could not be opened (missing, held by another program)
    LOST = "lost"  # stopped delivering mid-session; reconnecting
    ENDED = "ended"  # a video file or photo folder played to its end
    STOPPED = "stopped"  # released at the session's end
