"""1:N identification of real people from ../shared/datasets/lfw-dev, and honest "unknown"s."""

from pathlib import Path

import numpy as np
import pytest

from app.camera.frames import load_image
from app.domain.matching import MatchThresholds
from app.recognition.alignment import SecondPass
from app.recognition.analyzer import FaceAnalyzer
from app.recognition.encoder import EncoderProcess
from app.recognition.gallery import TemplateGallery

ENROLLED_PEOPLE = 15
IMPOSTORS = 30


def people_with_photos(root: Path, minimum: int) -> list[list[Path]]:
    folders = sorted(p for p in root.iterdir() if p.is_dir())
    return [photos for f in folders if len(photos := sorted(f.glob("*.jpg"))) >= minimum]


pytestmark = pytest.mark.slow  # encodes a gallery of LFW people: an accuracy run, minutes on a busy machine


@pytest.fixture(scope="module")
def lfw_gallery(
    shared_datasets: Path, analyzer: FaceAnalyzer, encoder: EncoderProcess
) -> tuple[TemplateGallery, list[np.ndarray], list[np.ndarray]]:
    """Enrol the first photo of 15 people; probes: their second photos, and 30 people never enrolled."""
    root = shared_datasets / "lfw-dev"
    repeated = people_with_photos(root, 2)
    enrolled, strangers = repeated[::7][:ENROLLED_PEOPLE], people_with_photos(root, 1)[1::11]
    enrolled_names = {photos[0].parent.name for photos in enrolled}
    strangers = [photos for photos in strangers if photos[0].parent.name not in enrolled_names][:IMPOSTORS]

    def analyse(path: Path, enrol: bool) -> np.ndarray:
        face = analyzer.analyse(load_image(path), for_enrolment=enrol, second_pass=SecondPass.UPSAMPLED).face
        assert face is not None, path.name
        return encoder.enrolment_template(face) if enrol else encoder.probe(face)

    gallery = TemplateGallery()
    for person_id, photos in enumerate(enrolled):
        gallery.add([person_id], analyse(photos[0], True)[None, :])
    genuine = [analyse(photos[1], False) for photos in enrolled]
    impostors = [analyse(photos[0], False) for photos in strangers]
    assert len(impostors) == IMPOSTORS
    return gallery, genuine, impostors


def test_people_never_enrolled_are_unknown_at_the_identification_threshold(
    lfw_gallery: tuple[TemplateGallery, list[np.ndarray], list[np.ndarray]],
) -> None:
    gallery, _, impostors = lfw_gallery
    results = [gallery.identify(probe, MatchThresholds()) for probe in impostors]
    assert [r.person_id for r in results] == [None] * IMPOSTORS
    assert all(r.reason in {"too_far", "ambiguous"} for r in results)


def test_enrolled_people_are_identified_as_themselves_or_left_unknown(
    lfw_gallery: tuple[TemplateGallery, list[np.ndarray], list[np.ndarray]],
) -> None:
    """Never someone else; most are recognised from a different photo of themselves."""
    gallery, genuine, _ = lfw_gallery
    results = [gallery.identify(probe, MatchThresholds()) for probe in genuine]
    assert all(r.person_id in (None, person_id) for person_id, r in enumerate(results))
    assert sum(r.person_id == person_id for person_id, r in enumerate(results)) >= 0.8 * ENROLLED_PEOPLE
