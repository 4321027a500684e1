"""Where the dlib model files are, without importing ``face_recognition_models``.

Importing that package needs the removed ``pkg_resources``; ``importlib.util.find_spec`` finds
its folder without running it. In a PyInstaller bundle the models sit in the bundle instead.
"""

import importlib.util
from dataclasses import dataclass
from pathlib import Path

from app.config.paths import bundle_root, is_frozen

MODELS_PACKAGE = "face_recognition_models"
SHAPE_PREDICTOR_5 = "shape_predictor_5_face_landmarks.dat"
FACE_ENCODER = "dlib_face_recognition_resnet_model_v1.dat"
CNN_FACE_DETECTOR = "mmod_human_face_detector.dat"  # the second detection pass for still photos
REQUIRED_MODEL_FILES: tuple[str, ...] = (SHAPE_PREDICTOR_5, FACE_ENCODER, CNN_FACE_DETECTOR)


@dataclass(frozen=True)
class ModelFileStatus:
    """One required model file and whether it is usable."""

    name: str
    path: Path | None
    size_bytes: int | None

    @property
    def present(self) -> bool:
        """Whether the file exists and is not empty."""
        return self.path is not None and bool(self.size_bytes)


def models_dir() -> Path | None:
    """The folder holding the model files, or ``None`` if the models package is not installed."""
    if is_frozen():
        return bundle_root() / MODELS_PACKAGE / "models"
    spec = importlib.util.find_spec(MODELS_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "models"


def model_path(name: str) -> Path:
    """The path of one required model file.

    Raises:
        FileNotFoundError: naming the missing file.
    """
    folder = models_dir()
    path = folder / name if folder else None
    if path is None or not path.is_file():
        raise FileNotFoundError(f"dlib model file {name} not found (looked in {folder})")
    return path


def check_model_files() -> list[ModelFileStatus]:
    """The status of every required model file."""
    folder = models_dir()
    statuses = []
    for name in REQUIRED_MODEL_FILES:
        path = folder / name if folder else None
        size = path.stat().st_size if path is not None and path.is_file() else None
        statuses.append(ModelFileStatus(name, path if size is not None else None, size))
    return statuses
