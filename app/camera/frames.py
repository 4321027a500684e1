"""Frames as immutable values, and loading still images in the form every source delivers.

A frame is an 8-bit, 3-channel BGR array (OpenCV's convention), marked read-only so that a frame
handed to another thread cannot be changed under it. Frames live in memory only (R12).
"""

from dataclasses import dataclass
from pathlib import Path
from typing import cast

import numpy as np
import numpy.typing as npt

from app.domain.errors import InvalidInputError

BgrImage = npt.NDArray[np.uint8]
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".bmp", ".webp", ".tif", ".tiff"})
MAX_IMAGE_PIXELS = 40_000_000  # refuse absurd images before decoding them into memory


@dataclass(frozen=True)
class Frame:
    """One captured frame.

    Attributes:
        image: BGR pixels, read-only.
        index: position in the stream, from 0.
        timestamp: seconds from the start of the stream (media time for files).
    """

    image: BgrImage
    index: int
    timestamp: float

    @classmethod
    def own(cls, image: BgrImage, index: int, timestamp: float) -> "Frame":
        """Wrap a freshly captured array (not shared with anyone) as a read-only frame."""
        image.setflags(write=False)
        return cls(image, index, timestamp)

    @property
    def size(self) -> tuple[int, int]:
        """(width, height) in pixels."""
        return int(self.image.shape[1]), int(self.image.shape[0])


def as_bgr(image: npt.NDArray[np.generic]) -> BgrImage:
    """Any decoded image (grey, BGR, BGRA; 8 or 16 bit) as 8-bit BGR; transparency over white."""
    if image.dtype == np.uint16:
        image = (image.astype(np.uint16) >> 8).astype(np.uint8)
    elif image.dtype != np.uint8:
        raise InvalidInputError("Only 8-bit and 16-bit images can be used.")
    if image.ndim == 2:
        from app.camera.opencv import cv2  # only when a picture is converted: see app/camera/__init__.py

        return cast(BgrImage, cv2.cvtColor(image.astype(np.uint8), cv2.COLOR_GRAY2BGR))
    if image.ndim == 3 and image.shape[2] == 4:
        alpha = image[..., 3:4].astype(np.float32) / 255.0
        blended = image[..., :3].astype(np.float32) * alpha + 255.0 * (1.0 - alpha)
        return np.ascontiguousarray(blended.round().astype(np.uint8))
    if image.ndim == 3 and image.shape[2] == 3:
        return np.ascontiguousarray(image)
    raise InvalidInputError("This image has an unsupported pixel layout.")


def load_image(path: Path) -> BgrImage:
    """Decode a still image file into memory as BGR.

    Raises:
        InvalidInputError: the file is missing, not an image, damaged, or absurdly large.
    """
    try:
        data = np.fromfile(path, dtype=np.uint8)  # also works for non-ASCII paths on Windows
    except OSError:
        raise InvalidInputError(f"The image {path.name} could not be read.") from None
    if data.size == 0:
        raise InvalidInputError(f"The image {path.name} is empty.")
    from app.camera.opencv import cv2  # only when a picture is decoded: see app/camera/__init__.py

    image = cv2.imdecode(data, cv2.IMREAD_UNCHANGED)  # OpenCV itself refuses over 2^30 pixels
    if image is None:
        raise InvalidInputError(f"{path.name} is not an image FaceDesk can read, or it is damaged.")
    if image.shape[0] * image.shape[1] > MAX_IMAGE_PIXELS:
        raise InvalidInputError(f"The image {path.name} is too large (over 40 megapixels).")
    return as_bgr(image)
