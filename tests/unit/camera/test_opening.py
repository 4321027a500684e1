"""A camera setting that names nothing usable shows as "camera not available", never as a crash."""

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from app.camera.feed import CameraFeed, FeedState
from app.camera.file_source import VideoFileSource
from app.camera.opening import UnavailableSource, configured_source
from app.domain.errors import CameraUnavailableError


def test_a_valid_setting_gives_the_real_source(clip: Path) -> None:
    source = configured_source(str(clip), width=1280, height=720, fps=30.0)
    assert isinstance(source, VideoFileSource)


def test_a_missing_file_gives_a_source_that_explains_itself_when_opened() -> None:
    source = configured_source("/no/such/clip.mp4", width=1280, height=720, fps=30.0)
    assert isinstance(source, UnavailableSource)
    with pytest.raises(CameraUnavailableError, match="camera number"):
        source.open()
    source.close()  # safe, nothing to release


def test_the_feed_reports_an_unavailable_setting_and_keeps_retrying_until_stopped(
    expect_warnings: Callable[[str], None],
) -> None:
    expect_warnings("Camera unavailable: --camera /no/such/clip.mp4")
    states: list[FeedState] = []
    stop = threading.Event()

    def on_state(state: FeedState, message: str) -> None:
        states.append(state)
        if state is FeedState.UNAVAILABLE:
            assert "camera number" in message
            stop.set()

    final = CameraFeed(
        lambda: configured_source("/no/such/clip.mp4", width=640, height=480, fps=30.0),
        on_frame=lambda frame: None,
        on_state=on_state,
        reconnect_seconds=0.01,
    ).run(stop)
    assert states[:2] == [FeedState.STARTING, FeedState.UNAVAILABLE]
    assert final is FeedState.STOPPED
