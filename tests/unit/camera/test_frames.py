"""Frames are immutable BGR arrays; still images of every common kind load the same way."""

from pathlib import Path

import numpy as np
import pytest

from app.camera.frames import Frame, as_bgr, load_image
from app.domain.errors import InvalidInputError


def test_a_frame_cannot_be_changed_once_captured() -> None:
    frame = Frame.own(np.zeros((4, 6, 3), np.uint8), 3, 0.1)
    assert frame.size == (6, 4)
    with pytest.raises(ValueError):
        frame.image[0, 0, 0] = 1


def test_a_jpeg_loads_as_8_bit_bgr(shared_datasets: Path) -> None:
    image = load_image(shared_datasets / "images" / "obama-240p.jpg")
    assert image.shape == (240, 427, 3)
    assert image.dtype == np.uint8


def test_a_32_bit_png_loses_its_alpha_channel(shared_datasets: Path) -> None:
    image = load_image(shared_datasets / "images" / "32bit.png")
    assert image.shape == (1200, 626, 3)


def test_transparent_pixels_become_white_not_black() -> None:
    rgba = np.zeros((2, 2, 4), np.uint8)
    rgba[0, 0] = (10, 20, 30, 255)  # opaque
    rgba[1, 1] = (10, 20, 30, 0)  # fully transparent
    bgr = as_bgr(rgba)
    assert tuple(bgr[0, 0]) == (10, 20, 30)
    assert tuple(bgr[1, 1]) == (255, 255, 255)


def test_grey_and_16_bit_images_become_8_bit_bgr() -> None:
    assert as_bgr(np.full((3, 3), 7, np.uint8)).shape == (3, 3, 3)
    assert as_bgr(np.full((3, 3, 3), 65535, np.uint16)).max() == 255


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"this is not a picture", "not an image"), (b"\xff\xd8\xff" * 3, "not an image")],
)
def test_files_that_are_not_images_get_a_plain_message(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(content)
    with pytest.raises(InvalidInputError, match=message):
        load_image(path)


def test_a_missing_image_gets_a_plain_message(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="could not be read"):
        load_image(tmp_path / "nowhere.jpg")
