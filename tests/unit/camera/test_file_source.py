"""Videos and photos standing in for a webcam: pacing, end of stream, failure mid-stream."""

import shutil
import time
from pathlib import Path

import pytest

from app.camera.file_source import ImageSequenceSource, VideoFileSource
from app.camera.opening import frame_source
from app.camera.usb_camera import UsbCameraSource
from app.domain.errors import CameraLostError, CameraUnavailableError, InvalidInputError


def test_the_clip_plays_every_frame_with_media_timestamps(clip: Path) -> None:
    source = VideoFileSource(clip, realtime=False)
    source.open()
    frames = []
    while (frame := source.read()) is not None:
        frames.append(frame)
    source.close()
    assert source.fps == pytest.approx(29.97, abs=0.01)
    assert len(frames) == source.frame_count == 275
    assert [f.index for f in frames] == list(range(275))
    assert frames[-1].timestamp == pytest.approx(274 / source.fps)
    assert frames[0].size == (640, 360)


def test_realtime_playback_is_never_faster_than_the_native_rate(clip: Path) -> None:
    """Pacing is behaviour (a camera cannot deliver frames early), so a lower bound is asserted."""
    source = VideoFileSource(clip, realtime=True)
    source.open()
    started = time.monotonic()
    for _ in range(46):
        assert source.read() is not None
    elapsed = time.monotonic() - started
    source.close()
    assert elapsed >= 45 / source.fps - 0.005  # frame 45 is due 1.5 s after frame 0


def test_as_fast_as_possible_mode_never_waits(clip: Path) -> None:
    waits: list[float] = []
    source = VideoFileSource(clip, realtime=False, sleep=waits.append)
    source.open()
    while source.read() is not None:
        pass
    source.close()
    assert waits == []


def test_a_video_that_breaks_mid_stream_raises_camera_lost(damaged_video: Path) -> None:
    source = VideoFileSource(damaged_video, realtime=False)
    source.open()
    delivered = 0
    with pytest.raises(CameraLostError, match="stopped after frame"):
        while source.read() is not None:
            delivered += 1
    source.close()
    assert 0 < delivered < 50


def test_a_complete_video_ends_normally_and_can_loop(grey_video: Path) -> None:
    source = VideoFileSource(grey_video, realtime=False, loop=True)
    source.open()
    indices = [source.read().index for _ in range(60)]  # type: ignore[union-attr]
    source.close()
    assert indices[:50] == list(range(50))
    assert indices[50:] == list(range(10))


@pytest.mark.parametrize("name", ["missing.mp4", "notes.txt"])
def test_a_file_that_is_not_a_video_cannot_be_opened(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name.endswith(".txt"):
        path.write_text("not a video")
    with pytest.raises(CameraUnavailableError):
        VideoFileSource(path).open()


@pytest.fixture
def photo_folder(shared_datasets: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "photos"
    folder.mkdir()
    for number, name in enumerate(["obama.jpg", "obama2.jpg", "biden.jpg"]):
        shutil.copy(shared_datasets / "images" / name, folder / f"{number}_{name}")
    (folder / "readme.txt").write_text("ignored: not a photo")
    return folder


def test_a_folder_of_photos_plays_in_name_order_then_ends(photo_folder: Path) -> None:
    source = ImageSequenceSource.from_folder(photo_folder, realtime=False)
    source.open()
    sizes = []
    while (frame := source.read()) is not None:
        sizes.append(frame.size)
    assert sizes == [(910, 1137), (626, 1200), (970, 2204)]


def test_a_photo_that_vanishes_mid_stream_raises_camera_lost(photo_folder: Path) -> None:
    source = ImageSequenceSource.from_folder(photo_folder, realtime=False)
    source.open()
    assert source.read() is not None
    (photo_folder / "1_obama2.jpg").unlink()
    with pytest.raises(CameraLostError, match="could not be read"):
        source.read()


def test_a_single_photo_repeats_like_a_camera(shared_datasets: Path) -> None:
    source = ImageSequenceSource.still(shared_datasets / "images" / "obama-240p.jpg", realtime=False)
    source.open()
    assert [source.read().index for _ in range(5)] == [0, 1, 2, 3, 4]  # type: ignore[union-attr]


def test_camera_specs_choose_the_right_source(shared_datasets: Path, clip: Path) -> None:
    assert isinstance(frame_source("0"), UsbCameraSource)
    assert isinstance(frame_source(str(clip)), VideoFileSource)
    assert isinstance(frame_source(str(shared_datasets / "images")), ImageSequenceSource)
    assert isinstance(frame_source(str(shared_datasets / "images" / "obama.jpg")), ImageSequenceSource)
    with pytest.raises(InvalidInputError, match="camera number"):
        frame_source("/no/such/file.mp4")
