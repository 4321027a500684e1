"""Finding the dlib model files from source and from a PyInstaller bundle."""

import sys
from pathlib import Path

import pytest

from app.recognition.model_files import (
    CNN_FACE_DETECTOR,
    FACE_ENCODER,
    SHAPE_PREDICTOR_5,
    check_model_files,
    model_path,
    models_dir,
)


def test_the_models_come_from_the_installed_face_recognition_models_package() -> None:
    folder = models_dir()
    assert folder is not None and folder.name == "models"
    assert [status.present for status in check_model_files()] == [True, True, True]
    assert model_path(FACE_ENCODER).stat().st_size > 20_000_000


def test_a_frozen_bundle_looks_inside_the_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    bundled = tmp_path / "face_recognition_models" / "models"
    bundled.mkdir(parents=True)
    (bundled / SHAPE_PREDICTOR_5).write_bytes(b"x" * 10)
    assert models_dir() == bundled
    statuses = {status.name: status.present for status in check_model_files()}
    assert statuses == {SHAPE_PREDICTOR_5: True, FACE_ENCODER: False, CNN_FACE_DETECTOR: False}
    with pytest.raises(FileNotFoundError, match=FACE_ENCODER):
        model_path(FACE_ENCODER)
