"""The OpenCV engine gives dlib's own descriptors, and dlib's engine takes over when it cannot."""

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest

from app.camera.frames import load_image
from app.recognition.alignment import SecondPass
from app.recognition.analyzer import FaceAnalyzer
from app.recognition.encoder import EncoderProcess
from app.recognition.encoder_engines import EncoderEngine
from app.recognition.model_files import FACE_ENCODER, model_path

Load = Callable[[str], np.ndarray]


@pytest.fixture(scope="module")
def dlib_encoder() -> Iterator[EncoderProcess]:
    process = EncoderProcess(engine=EncoderEngine.DLIB)
    process.start()
    yield process
    process.close()


def test_the_default_engine_is_opencv_and_says_so(encoder: EncoderProcess, dlib_encoder: EncoderProcess) -> None:
    assert encoder.status is not None and encoder.status.engine is EncoderEngine.OPENCV
    assert "OpenCV" in encoder.status.description and encoder.status.fallback_reason is None
    assert dlib_encoder.status is not None and dlib_encoder.status.engine is EncoderEngine.DLIB


def test_opencv_descriptors_are_dlibs_on_real_faces_and_their_enrolment_chips(
    analyzer: FaceAnalyzer, encoder: EncoderProcess, dlib_encoder: EncoderProcess, shared_datasets: Path
) -> None:
    photos = sorted((shared_datasets / "lfw-dev").glob("*/*_0001.jpg"))[:12]
    photos += [shared_datasets / "images" / name for name in ("obama-720p.jpg", "two_people.jpg", "biden.jpg")]
    compared = 0
    for photo in photos:
        face = analyzer.analyse(load_image(photo), for_enrolment=True, second_pass=SecondPass.UPSAMPLED).face
        if face is None:
            continue
        ours, reference = encoder.descriptors(face.chips), dlib_encoder.descriptors(face.chips)
        assert np.linalg.norm(ours - reference, axis=1).max() <= 1e-3, photo.name
        compared += len(face.chips)
    assert compared >= 60  # twelve or more faces, six chips each


def test_a_model_file_the_converter_refuses_falls_back_to_dlib_and_is_logged(
    tmp_path: Path, expect_warnings: Callable[[str], None], analyzer: FaceAnalyzer, dataset_image: Load
) -> None:
    # dlib reads a network and ignores what follows it; the converter insists the file ends there.
    expect_warnings(r"Face encoder: opencv engine asked for, dlib's used: .*unexpected data after the network")
    copy = tmp_path / FACE_ENCODER
    shutil.copyfile(model_path(FACE_ENCODER), copy)
    with copy.open("ab") as file:
        file.write(b"\x00")
    face = analyzer.analyse(dataset_image("obama.jpg")).face
    assert face is not None
    with EncoderProcess(copy, engine=EncoderEngine.OPENCV) as fallback, EncoderProcess() as normal:
        probe = fallback.probe(face)
        assert fallback.status is not None and fallback.status.engine is EncoderEngine.DLIB
        assert "unexpected data after the network" in (fallback.status.fallback_reason or "")
        assert np.linalg.norm(probe - normal.probe(face)) <= 1e-3
