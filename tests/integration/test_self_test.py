"""``facedesk --self-test`` from source; the built bundle runs the same checks in CI (installer/check_bundle.sh)."""

from collections.abc import Callable
from pathlib import Path

import pytest

from app import self_test
from app.recognition import model_files
from tests.conftest import FaceDeskCli


def test_the_self_test_passes_with_one_line_per_check(cli: FaceDeskCli) -> None:
    result = cli("--self-test", data_dir=False)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.strip().splitlines()
    checks = [line for line in lines if line.startswith(("ok", "FAIL"))]
    assert [line.split(":")[0][4:].strip() for line in checks] == [
        "model file shape_predictor_5_face_landmarks.dat",
        "model file dlib_face_recognition_resnet_model_v1.dat",
        "model file mmod_human_face_detector.dat",
        "face detector",
        "face encoder",
        "encrypted database",
        "translations",
        "Qt, fonts and PDF",
        "desk window platform",
        "working days",
        "cameras",
    ]
    assert all(line.startswith("ok") for line in checks)
    assert "a wrong key is refused" in result.stdout
    [encoder] = [line for line in checks if line[6:].startswith("face encoder")]
    assert "opencv engine (OpenCV" in encoder and "128 finite values per chip, within" in encoder
    assert lines[-1] == "self-test: 11 of 11 checks passed"


def test_the_self_test_checks_the_engine_asked_for(cli: FaceDeskCli) -> None:
    result = cli("--engine", "dlib", "--self-test", data_dir=False)
    assert result.returncode == 0, result.stdout + result.stderr
    [encoder] = [line for line in result.stdout.splitlines() if line[6:].startswith("face encoder")]
    assert encoder.startswith("ok    face encoder: dlib engine (dlib ")


def test_the_self_test_fails_when_the_opencv_engine_cannot_be_used(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, expect_warnings: Callable[[str], None]
) -> None:
    """A model file dlib still reads but the converter refuses: the desk would fall back to dlib's engine,
    and an installation meant to run the OpenCV engine must not pass its self-test that way."""
    expect_warnings("Face encoder: opencv engine asked for, dlib's used")
    folder = tmp_path / "models"
    folder.mkdir()
    real = model_files.models_dir()
    assert real is not None
    for name in model_files.REQUIRED_MODEL_FILES:
        (folder / name).write_bytes((real / name).read_bytes())
    with (folder / model_files.FACE_ENCODER).open("ab") as file:
        file.write(b"\x00")  # dlib ignores what follows the network; the converter does not
    monkeypatch.setattr(model_files, "models_dir", lambda: folder)
    lines: list[str] = []
    assert self_test.run_self_test(lines.append) == 1
    [encoder] = [line for line in lines if line[6:].startswith("face encoder")]
    assert encoder.startswith("FAIL  face encoder: RuntimeError: the opencv engine did not start")
    assert "unexpected data after the network" in encoder


def test_a_missing_model_file_fails_the_self_test_and_is_named(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The models folder is pointed at a copy without the encoder model, as in a damaged install."""
    folder = tmp_path / "models"
    folder.mkdir()
    real = model_files.models_dir()
    assert real is not None
    (folder / model_files.SHAPE_PREDICTOR_5).write_bytes((real / model_files.SHAPE_PREDICTOR_5).read_bytes())
    monkeypatch.setattr(model_files, "models_dir", lambda: folder)
    lines: list[str] = []
    assert self_test.run_self_test(lines.append) == 1
    assert lines[0].startswith("ok    model file shape_predictor_5_face_landmarks.dat")
    assert lines[1].startswith("FAIL  model file dlib_face_recognition_resnet_model_v1.dat")
    assert "dlib_face_recognition_resnet_model_v1.dat not found" in lines[1]
    assert (
        lines[-1].startswith("self-test: ")
        and "failed: model file dlib_face_recognition_resnet_model_v1.dat" in lines[-1]
    )


def test_the_self_test_fails_naming_a_system_library_the_desks_window_cannot_load(
    cli: FaceDeskCli, tmp_path: Path
) -> None:
    """A broken libxcb-cursor earlier on the library path stands in for one that is missing."""
    hidden = tmp_path / "lib"
    hidden.mkdir()
    (hidden / "libxcb-cursor.so.0").write_bytes(b"not a library")
    result = cli("--self-test", data_dir=False, env={"LD_LIBRARY_PATH": str(hidden), "QT_QPA_PLATFORM": "xcb"})
    # the self-test's own Qt still runs offscreen; only the desk's platform is judged by the environment
    assert result.returncode == 1
    [line] = [line for line in result.stdout.splitlines() if line[6:].startswith("desk window platform")]
    assert line.startswith("FAIL") and "libxcb-cursor.so.0 is missing or unusable" in line
    assert "sudo apt install" in line and "libxcb-cursor0" in line and "sudo dnf install" in line
