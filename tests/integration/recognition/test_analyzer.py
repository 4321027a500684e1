"""Detection, alignment and the enrolment quality gate on real photos (R12, R22)."""

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import cv2
import dlib
import numpy as np
import pytest

from app.camera.feed import CameraFeed, FeedState
from app.camera.file_source import VideoFileSource
from app.camera.frames import Frame, load_image
from app.domain.faces import QualityIssue
from app.recognition.alignment import CHIP_PADDING, CHIP_SIZE, SecondPass
from app.recognition.analyzer import FaceAnalyzer
from app.recognition.model_files import FACE_ENCODER, model_path
from app.recognition.models import FaceModels

Load = Callable[[str], np.ndarray]


@pytest.mark.parametrize(
    ("name", "height"), [("obama-480p.jpg", 127), ("obama-720p.jpg", 192), ("obama-1080p.jpg", 288)]
)
def test_faces_found_on_a_downscaled_copy_map_back_to_full_resolution(
    analyzer: FaceAnalyzer, dataset_image: Load, name: str, height: int
) -> None:
    analysis = analyzer.analyse(dataset_image(name))
    assert len(analysis.faces) == 1
    assert analysis.faces[0].height == pytest.approx(height, rel=0.05)
    assert analysis.verdict.acceptable, analysis.verdict


def test_the_chip_descriptor_equals_the_full_frame_descriptor(
    face_models: FaceModels, analyzer: FaceAnalyzer, dataset_image: Load
) -> None:
    """The basis for sending only 150x150 chips to the encoder process (DESIGN.md)."""
    bgr = dataset_image("obama-720p.jpg")
    rgb = np.ascontiguousarray(bgr[..., ::-1])
    face = analyzer.analyse(bgr).face
    assert face is not None
    model = dlib.face_recognition_model_v1(str(model_path(FACE_ENCODER)))
    box = face.box
    shape = face_models.shape_predictor()(rgb, dlib.rectangle(box.left, box.top, box.right, box.bottom))
    full = np.array(model.compute_face_descriptor(rgb, shape))
    chip = np.array(model.compute_face_descriptor(np.ascontiguousarray(face.chip)))
    assert np.linalg.norm(full - chip) < 1e-6
    assert face.chip.shape == (CHIP_SIZE, CHIP_SIZE, 3)
    assert CHIP_PADDING == 0.25


def test_enrolment_chips_are_the_chip_its_mirror_and_rotations(analyzer: FaceAnalyzer, dataset_image: Load) -> None:
    face = analyzer.analyse(dataset_image("obama.jpg"), for_enrolment=True).face
    assert face is not None
    assert face.chips.shape == (6, 150, 150, 3)
    assert np.array_equal(face.chips[1], face.chips[0][:, ::-1])
    assert np.array_equal(face.chips[3], face.chips[2][:, ::-1])
    assert not np.array_equal(face.chips[2], face.chips[0])
    assert not face.chips.flags.writeable
    assert analyzer.analyse(dataset_image("obama.jpg")).face.chips.shape == (1, 150, 150, 3)  # type: ignore[union-attr]


@pytest.mark.req("R22")
def test_two_people_in_the_frame_are_refused_for_enrolment(analyzer: FaceAnalyzer, dataset_image: Load) -> None:
    verdict = analyzer.analyse(dataset_image("two_people.jpg")).verdict
    assert verdict.issues == (QualityIssue.MORE_THAN_ONE_FACE,)
    assert verdict.hint == "Only one person in front of the camera, please."


def test_a_partly_visible_face_asks_for_the_whole_face(analyzer: FaceAnalyzer, dataset_image: Load) -> None:
    verdict = analyzer.analyse(dataset_image("obama_partial_face.jpg")).verdict
    assert verdict.issues[0] is QualityIssue.FACE_CUT_OFF
    assert verdict.hint == "Please move your whole face into the picture."


def test_a_32_bit_png_is_analysed_like_any_photo(analyzer: FaceAnalyzer, dataset_image: Load) -> None:
    analysis = analyzer.analyse(dataset_image("32bit.png"))
    assert len(analysis.faces) == 1
    assert analysis.verdict.acceptable


def degrade(bgr: np.ndarray, how: str) -> np.ndarray:
    """Real photo, degraded in memory the way a desk camera can fail."""
    if how == "blur":
        return cv2.GaussianBlur(bgr, (0, 0), 3)
    if how == "dark":
        return (bgr * 0.25).astype(np.uint8)
    if how == "bright":
        return np.clip(bgr.astype(np.float32) * 1.8, 0, 255).astype(np.uint8)
    if how == "tilted":
        height, width = bgr.shape[:2]
        return cv2.warpAffine(bgr, cv2.getRotationMatrix2D((width / 2, height / 2), 25, 1.0), (width, height))
    if how == "blank":
        return np.full_like(bgr, 128)
    raise ValueError(how)


@pytest.mark.parametrize(
    ("how", "issue", "hint"),
    [
        ("blur", QualityIssue.TOO_BLURRY, "Please hold still for a moment."),
        ("dark", QualityIssue.TOO_DARK, "It is too dark. Please face the light."),
        ("bright", QualityIssue.TOO_BRIGHT, "There is too much light on your face."),
        ("tilted", QualityIssue.NOT_FRONTAL, "Please look straight at the camera."),
        ("blank", QualityIssue.NO_FACE, "Please look at the camera."),
    ],
)
def test_each_quality_problem_gets_one_plain_hint(
    analyzer: FaceAnalyzer, dataset_image: Load, how: str, issue: QualityIssue, hint: str
) -> None:
    verdict = analyzer.analyse(degrade(dataset_image("obama-720p.jpg"), how)).verdict
    assert verdict.issues[0] is issue, verdict
    assert verdict.hint == hint


def test_a_face_too_far_away_asks_the_guest_to_come_closer(analyzer: FaceAnalyzer, dataset_image: Load) -> None:
    analysis = FaceAnalyzer(FaceModels(), detection_max_side=480).analyse(dataset_image("obama-240p.jpg"))
    assert analysis.verdict.issues == (QualityIssue.FACE_TOO_SMALL,)
    assert analysis.verdict.hint == "Please move a little closer."


@pytest.mark.parametrize("shape", [(0, 0, 3), (10, 10), (10, 10, 4)])
def test_frames_of_the_wrong_shape_are_refused(analyzer: FaceAnalyzer, shape: tuple[int, ...]) -> None:
    with pytest.raises(ValueError, match="3-channel BGR"):
        analyzer.analyse(np.zeros(shape, np.uint8))


def test_several_threads_can_analyse_at_once(analyzer: FaceAnalyzer, dataset_image: Load) -> None:
    """Regression: a shared dlib detector crashed the process when two threads used it together."""
    frames = [dataset_image(name) for name in ("obama-720p.jpg", "obama-1080p.jpg", "biden.jpg", "obama2.jpg")]
    expected = [len(analyzer.analyse(frame).faces) for frame in frames]
    with ThreadPoolExecutor(max_workers=4) as pool:
        for _ in range(3):
            assert list(pool.map(lambda frame: len(analyzer.analyse(frame).faces), frames)) == expected


def test_faces_are_found_in_the_shared_clip_as_it_plays(analyzer: FaceAnalyzer, shared_datasets: Path) -> None:
    frames: list[Frame] = []
    final = CameraFeed(
        lambda: VideoFileSource(shared_datasets / "clips" / "short_hamilton_clip.mp4", realtime=False),
        on_frame=frames.append,
        on_state=lambda state, message: None,
    ).run(threading.Event())
    assert final is FeedState.ENDED
    with_faces = [frame.index for frame in frames[::5] if analyzer.analyse(frame.image).faces]
    assert len(frames) == 275
    assert len(with_faces) >= 10


@pytest.mark.parametrize("photo", ["John_Burkett/John_Burkett_0001.jpg", "Philippe_Noiret/Philippe_Noiret_0002.jpg"])
def test_a_face_both_hog_passes_miss_is_found_by_the_cnn_pass_for_still_photos(
    analyzer: FaceAnalyzer, shared_datasets: Path, photo: str
) -> None:
    """Two lfw-dev photos whose faces HOG misses even at double size (they were 3 pairs of errors)."""
    image = load_image(shared_datasets / "lfw-dev" / photo)
    assert analyzer.analyse(image, second_pass=SecondPass.UPSAMPLED).face is None
    analysis = analyzer.analyse(image, second_pass=SecondPass.THOROUGH, for_enrolment=True)
    assert analysis.face is not None
    assert 60 < analysis.face.box.center[0] < 190 and 60 < analysis.face.box.center[1] < 190  # the central face
    assert analysis.face.chips.shape == (6, CHIP_SIZE, CHIP_SIZE, 3)


def test_the_second_passes_find_no_face_where_there_is_none(analyzer: FaceAnalyzer) -> None:
    rng = np.random.default_rng(3)
    blank = np.full((250, 250, 3), 128, dtype=np.uint8)
    noise = rng.integers(0, 256, size=(250, 250, 3), dtype=np.uint8)
    for image in (blank, noise):
        assert analyzer.analyse(image, second_pass=SecondPass.THOROUGH).faces == ()


def test_a_face_too_small_for_the_fast_pass_is_found_by_looking_again_at_double_size(
    analyzer: FaceAnalyzer, dataset_image: Load
) -> None:
    """A face of 192 px in a 2560x1440 frame is 36 px on the 480 px detection copy: below HOG's 80 px window."""
    framed = np.zeros((1440, 2560, 3), dtype=np.uint8)
    framed[360:1080, 640:1920] = dataset_image("obama-720p.jpg")
    assert analyzer.analyse(framed).face is None
    found = analyzer.analyse(framed, second_pass=SecondPass.UPSAMPLED).face
    assert found is not None and 640 < found.box.center[0] < 1920
