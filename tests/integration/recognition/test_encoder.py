"""The encoder process: templates, probes, and recovery when the process dies (R12)."""

import os
import signal
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from app.domain.errors import RecognitionError
from app.domain.matching import DEFAULT_VERIFY_THRESHOLD
from app.recognition.analyzer import FaceAnalyzer
from app.recognition.encoder import EncoderProcess
from app.recognition.gallery import closest_distance

Load = Callable[[str], np.ndarray]


def test_templates_and_probes_are_unit_vectors_that_tell_people_apart(
    analyzer: FaceAnalyzer, encoder: EncoderProcess, dataset_image: Load
) -> None:
    enrolled = analyzer.analyse(dataset_image("obama.jpg"), for_enrolment=True).face
    assert enrolled is not None
    template = encoder.enrolment_template(enrolled)
    assert template.shape == (128,)
    assert template.dtype == np.float32
    assert np.linalg.norm(template) == pytest.approx(1.0, abs=1e-5)
    distances = {}
    for name in ("obama2.jpg", "obama3.jpg", "obama-720p.jpg", "biden.jpg"):
        probe_face = analyzer.analyse(dataset_image(name)).face
        assert probe_face is not None
        distances[name] = closest_distance(template[None, :], encoder.probe(probe_face))
    assert max(distances[n] for n in ("obama2.jpg", "obama3.jpg", "obama-720p.jpg")) < DEFAULT_VERIFY_THRESHOLD
    assert distances["biden.jpg"] > DEFAULT_VERIFY_THRESHOLD


def test_templates_are_reproducible(analyzer: FaceAnalyzer, encoder: EncoderProcess, dataset_image: Load) -> None:
    face = analyzer.analyse(dataset_image("obama2.jpg"), for_enrolment=True).face
    assert face is not None
    assert np.array_equal(encoder.enrolment_template(face), encoder.enrolment_template(face))


@pytest.mark.req("R12")
@pytest.mark.parametrize("shape", [(1, 720, 1280, 3), (1, 150, 150), (150, 150, 3)])
def test_the_encoder_accepts_aligned_chips_only_never_frames(encoder: EncoderProcess, shape: tuple[int, ...]) -> None:
    with pytest.raises(ValueError, match="150x150"):
        encoder.descriptors(np.zeros(shape, np.uint8))


def test_a_dead_encoder_process_is_restarted_and_the_restart_logged(
    analyzer: FaceAnalyzer, dataset_image: Load, expect_warnings: Callable[[str], None]
) -> None:
    expect_warnings(r"The face encoder process had stopped \(exit code -9\); restarting it")
    face = analyzer.analyse(dataset_image("obama-720p.jpg")).face
    assert face is not None
    with EncoderProcess() as own:
        before = own.probe(face)
        first_pid = own._process.pid
        os.kill(first_pid, signal.SIGKILL)
        own._process.join(10)
        assert np.array_equal(own.probe(face), before)
        assert own._process.pid != first_pid


def test_an_encoder_that_cannot_load_its_model_says_so(tmp_path: Path) -> None:
    broken = tmp_path / "dlib_face_recognition_resnet_model_v1.dat"
    broken.write_bytes(b"not a model")
    with EncoderProcess(broken) as own, pytest.raises(RecognitionError, match="could not start"):
        own.start()


def test_closing_stops_the_process(analyzer: FaceAnalyzer, dataset_image: Load) -> None:
    own = EncoderProcess()
    own.start()
    process = own._process
    own.close()
    assert not process.is_alive()
    assert process.exitcode == 0
