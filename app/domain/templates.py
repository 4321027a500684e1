"""Face templates: the 128-dimensional feature vectors that are the only face data kept (R12)."""

import numpy as np
import numpy.typing as npt

TEMPLATE_DIMENSIONS = 128
TEMPLATE_DTYPE = np.dtype("<f4")  # little-endian float32, the same bytes on every platform
TEMPLATE_BYTES = TEMPLATE_DIMENSIONS * TEMPLATE_DTYPE.itemsize  # 512


def template_to_bytes(vector: npt.ArrayLike) -> bytes:
    """Serialise a template for storage, refusing anything that is not 128 finite numbers."""
    array = np.asarray(vector, dtype=np.float64)
    if array.shape != (TEMPLATE_DIMENSIONS,):
        raise ValueError(f"a face template has {TEMPLATE_DIMENSIONS} values, not {array.size}")
    if not np.all(np.isfinite(array)):
        raise ValueError("a face template must hold finite numbers only")
    return array.astype(TEMPLATE_DTYPE).tobytes()


def template_from_bytes(blob: bytes) -> npt.NDArray[np.float32]:
    """Deserialise a stored template into a read-only float32 array."""
    if len(blob) != TEMPLATE_BYTES:
        raise ValueError(f"a stored face template is {TEMPLATE_BYTES} bytes, not {len(blob)}")
    array = np.frombuffer(blob, dtype=TEMPLATE_DTYPE).astype(np.float32)
    array.setflags(write=False)
    return array


def normalised(vector: npt.ArrayLike) -> npt.NDArray[np.float32]:
    """``vector`` scaled to unit length, as every stored template and probe is.

    Raises:
        ValueError: the vector is zero or not finite.
    """
    array = np.asarray(vector, dtype=np.float64)
    norm = float(np.linalg.norm(array))
    if not np.isfinite(norm) or norm == 0.0:
        raise ValueError("a face template cannot be normalised (zero or non-finite)")
    return (array / norm).astype(np.float32)
