"""Images that are truncated, huge, tiny, or crowded: a clear message or a plain hint, never a crash."""

from pathlib import Path

import cv2
import numpy as np
import pytest

from app.camera.frames import load_image
from app.domain.errors import InvalidInputError
from app.domain.faces import QualityIssue
from app.recognition.analyzer import FaceAnalyzer
from app.recognition.models import FaceModels


def lfw_faces(shared_datasets: Path, count: int) -> list[np.ndarray]:
    folders = sorted(p for p in (shared_datasets / "lfw-dev").iterdir() if p.is_dir())
    return [load_image(next(iter(sorted(folder.glob("*.jpg"))))) for folder in folders[:count]]


def test_a_truncated_photo_is_refused_with_a_plain_message(shared_datasets: Path, tmp_path: Path) -> None:
    data = (shared_datasets / "images" / "obama-720p.jpg").read_bytes()
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(data[: len(data) // 50])  # the header and a sliver of the picture
    try:
        image = load_image(cut)
    except InvalidInputError as error:
        assert "damaged" in str(error) or "not an image" in str(error)
    else:  # OpenCV may decode the part it has (the rest grey): that is a picture, not a crash
        assert image.ndim == 3 and image.shape[2] == 3 and image.dtype == np.uint8


def test_a_huge_image_is_refused_before_analysis(tmp_path: Path) -> None:
    huge = tmp_path / "huge.png"
    assert cv2.imwrite(str(huge), np.zeros((7000, 7000), np.uint8))  # 49 megapixels, a few KB on disk
    with pytest.raises(InvalidInputError, match="too large"):
        load_image(huge)


@pytest.mark.parametrize("shape", [(1, 1, 3), (2, 3, 3), (8, 8, 3)])
def test_tiny_frames_just_have_no_face(analyzer: FaceAnalyzer, shape: tuple[int, int, int]) -> None:
    analysis = analyzer.analyse(np.zeros(shape, np.uint8))
    assert analysis.face is None and QualityIssue.NO_FACE in analysis.verdict.issues


@pytest.mark.req("R22")
def test_a_frame_with_twenty_faces_is_refused_for_enrolment_with_one_plain_hint(
    face_models: FaceModels, shared_datasets: Path
) -> None:
    """Twenty real LFW faces tiled 5 x 4 into one 1250 x 1000 frame, built in memory, analysed at
    full size (the detection-size setting at its largest, 1920) so that every face is big enough."""
    analyzer = FaceAnalyzer(face_models, detection_max_side=1920)
    faces = lfw_faces(shared_datasets, 20)
    rows = [np.hstack(faces[row * 5 : row * 5 + 5]) for row in range(4)]
    frame = np.ascontiguousarray(np.vstack(rows))
    analysis = analyzer.analyse(frame, for_enrolment=True)
    assert len(analysis.faces) >= 15  # the detector sees (nearly) all of them
    assert not analysis.verdict.acceptable
    assert analysis.verdict.issues[0] is QualityIssue.MORE_THAN_ONE_FACE
    assert analysis.verdict.hint == "Only one person in front of the camera, please."
