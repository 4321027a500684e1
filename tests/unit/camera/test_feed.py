"""A camera session: live frames, a clear lost state, reconnection, and a cooperative stop."""

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from app.camera.feed import CameraFeed, FeedState
from app.camera.file_source import VideoFileSource
from app.camera.frames import Frame


class Recorder:
    def __init__(self) -> None:
        self.frames: list[Frame] = []
        self.states: list[FeedState] = []
        self.messages: list[str] = []

    def frame(self, frame: Frame) -> None:
        self.frames.append(frame)

    def state(self, state: FeedState, message: str) -> None:
        self.states.append(state)
        self.messages.append(message)


def test_a_video_plays_live_then_ends_and_is_released(clip: Path) -> None:
    recorder = Recorder()
    opened: list[VideoFileSource] = []

    def make() -> VideoFileSource:
        opened.append(VideoFileSource(clip, realtime=False))
        return opened[-1]

    final = CameraFeed(make, on_frame=recorder.frame, on_state=recorder.state).run(threading.Event())
    assert final is FeedState.ENDED
    assert recorder.states == [FeedState.STARTING, FeedState.LIVE, FeedState.ENDED]
    assert len(recorder.frames) == 275
    assert opened[0]._capture is None  # released


def test_a_source_that_fails_mid_stream_is_reported_lost_and_reconnected(
    damaged_video: Path, grey_video: Path, expect_warnings: Callable[[str], None]
) -> None:
    """First the damaged file (like a camera unplugged mid-session), then the good one (plugged back)."""
    expect_warnings("Camera lost: The video stopped after frame")
    recorder = Recorder()
    files = [damaged_video, grey_video]
    feed = CameraFeed(
        lambda: VideoFileSource(files.pop(0), realtime=False),
        on_frame=recorder.frame,
        on_state=recorder.state,
        reconnect_seconds=0.01,
    )
    final = feed.run(threading.Event())
    assert final is FeedState.ENDED
    assert recorder.states == [
        FeedState.STARTING,
        FeedState.LIVE,
        FeedState.LOST,
        FeedState.STARTING,
        FeedState.LIVE,
        FeedState.ENDED,
    ]
    assert "damaged" in recorder.messages[2]
    assert len(recorder.frames) > 50


def test_an_unavailable_camera_is_retried_until_the_session_stops(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, expect_warnings: Callable[[str], None]
) -> None:
    expect_warnings("Camera unavailable: The video file unplugged.mp4 was not found")
    recorder = Recorder()
    stop = threading.Event()

    def state(state: FeedState, message: str) -> None:
        recorder.state(state, message)
        if recorder.states.count(FeedState.UNAVAILABLE) == 3:
            stop.set()

    feed = CameraFeed(
        lambda: VideoFileSource(tmp_path / "unplugged.mp4"),
        on_frame=recorder.frame,
        on_state=state,
        reconnect_seconds=0.01,
    )
    assert feed.run(stop) is FeedState.STOPPED
    assert recorder.states.count(FeedState.UNAVAILABLE) == 3
    assert "was not found" in recorder.messages[1]
    assert recorder.states[-1] is FeedState.STOPPED
    warnings = [r for r in caplog.records if r.message.startswith("Camera unavailable")]
    assert len(warnings) == 1  # logged once, not at every retry


def test_a_running_session_stops_cooperatively_and_releases_the_source(clip: Path) -> None:
    recorder = Recorder()
    stop = threading.Event()
    sources: list[VideoFileSource] = []
    got_frames = threading.Event()

    def on_frame(frame: Frame) -> None:
        recorder.frame(frame)
        if len(recorder.frames) == 5:
            got_frames.set()

    def make() -> VideoFileSource:
        sources.append(VideoFileSource(clip, realtime=True))
        return sources[-1]

    feed = CameraFeed(make, on_frame=on_frame, on_state=recorder.state)
    worker = threading.Thread(target=feed.run, args=(stop,))
    worker.start()
    assert got_frames.wait(timeout=10)
    stop.set()
    worker.join(timeout=5)
    assert not worker.is_alive()
    assert recorder.states[-1] is FeedState.STOPPED
    assert sources[0]._capture is None
    assert len(recorder.frames) < 275
