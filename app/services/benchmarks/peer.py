"""The face_recognition package, the benchmark peer. Imported only by the benchmarks."""

import warnings
from types import ModuleType
from typing import cast

from app.domain.errors import InvalidInputError


def face_recognition_package() -> ModuleType:
    """Import face_recognition (from the ``bench`` dependency group).

    Raises:
        InvalidInputError: the package is not installed.
    """
    with warnings.catch_warnings():
        # face_recognition_models imports the deprecated pkg_resources; that is the peer's affair.
        warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)
        try:
            import face_recognition
        except ImportError:
            raise InvalidInputError(
                "bench pipeline needs the face_recognition package: install the 'bench' dependency group "
                "(uv sync --group bench)."
            ) from None
    return cast(ModuleType, face_recognition)
