"""Camera test material: the shared clip, and synthetic (face-free) videos made on the fly."""

from pathlib import Path

import cv2
import numpy as np
import pytest


@pytest.fixture
def clip(shared_datasets: Path) -> Path:
    """The real short video with faces."""
    return shared_datasets / "clips" / "short_hamilton_clip.mp4"


def write_grey_video(path: Path, frames: int, fps: float = 25.0) -> Path:
    """An MJPG AVI of plain grey frames (no faces: nothing personal is written to disk)."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, (320, 240))
    for index in range(frames):
        writer.write(np.full((240, 320, 3), (index * 5) % 255, np.uint8))
    writer.release()
    return path


@pytest.fixture
def grey_video(tmp_path: Path) -> Path:
    """A complete 50-frame video."""
    return write_grey_video(tmp_path / "grey.avi", 50)


@pytest.fixture
def damaged_video(grey_video: Path, tmp_path: Path) -> Path:
    """The same video cut in half: the header still promises 50 frames."""
    damaged = tmp_path / "damaged.avi"
    data = grey_video.read_bytes()
    damaged.write_bytes(data[: len(data) // 2])
    return damaged
