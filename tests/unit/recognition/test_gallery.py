"""1:1 and 1:N matching over an in-memory gallery, checked against brute force."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.matching import MatchThresholds
from app.recognition.gallery import TemplateGallery, closest_distance


def unit(rng: np.random.Generator, count: int) -> np.ndarray:
    vectors = rng.normal(size=(count, 128)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def near(vector: np.ndarray, rng: np.random.Generator, spread: float) -> np.ndarray:
    moved = vector + rng.normal(scale=spread, size=128).astype(np.float32)
    return (moved / np.linalg.norm(moved)).astype(np.float32)


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), people=st.integers(1, 30), per_person=st.integers(1, 4))
def test_identify_agrees_with_brute_force(seed: int, people: int, per_person: int) -> None:
    rng = np.random.default_rng(seed)
    ids = np.repeat(np.arange(100, 100 + people), per_person)
    templates = unit(rng, len(ids))
    gallery = TemplateGallery(capacity=3)  # forces growth
    gallery.add(ids, templates)
    probe = unit(rng, 1)[0]
    result = gallery.identify(probe, MatchThresholds(identify=2.0, identify_margin=0.0))
    distances = np.linalg.norm(templates - probe, axis=1)
    best = ids[np.argmin(distances)]
    others = distances[ids != best]
    assert result.person_id == best
    assert result.distance == pytest.approx(distances.min(), abs=1e-4)
    expected_runner_up = others.min() if others.size else float("inf")
    assert result.runner_up_distance == pytest.approx(expected_runner_up, abs=1e-4)


def test_a_stranger_is_unknown_never_the_nearest_person() -> None:
    rng = np.random.default_rng(1)
    gallery = TemplateGallery()
    gallery.add(np.arange(50), unit(rng, 50))
    stranger = unit(rng, 1)[0]
    result = gallery.identify(stranger, MatchThresholds())
    assert result.person_id is None
    assert result.reason == "too_far"
    assert result.distance > MatchThresholds().identify


def test_a_face_as_close_to_two_people_is_unknown_rather_than_a_guess() -> None:
    rng = np.random.default_rng(2)
    first = unit(rng, 1)[0]
    twin = near(first, rng, 0.01)
    between = (first + twin) / np.linalg.norm(first + twin)
    gallery = TemplateGallery()
    gallery.add([1, 2], np.stack([first, twin]))
    result = gallery.identify(between.astype(np.float32), MatchThresholds())
    assert result.distance < MatchThresholds().identify  # close enough to either of them...
    assert result.person_id is None  # ...but not clearly one of them
    assert result.reason == "ambiguous"


def test_several_templates_of_the_same_person_do_not_count_as_a_rival() -> None:
    rng = np.random.default_rng(3)
    person = unit(rng, 1)[0]
    gallery = TemplateGallery()
    gallery.add([7, 7, 7], np.stack([person, near(person, rng, 0.01), near(person, rng, 0.01)]))
    gallery.add(np.arange(100, 120), unit(rng, 20))
    result = gallery.identify(near(person, rng, 0.005), MatchThresholds())
    assert result.person_id == 7
    assert result.reason == "identified"


def test_verify_uses_only_that_persons_templates() -> None:
    rng = np.random.default_rng(4)
    alice, bob = unit(rng, 2)
    gallery = TemplateGallery()
    gallery.add([1, 2], np.stack([alice, bob]))
    assert gallery.verify(1, alice) == pytest.approx(0.0, abs=1e-3)
    assert gallery.verify(1, bob) == pytest.approx(float(np.linalg.norm(alice - bob)), abs=1e-4)
    assert gallery.verify(99, alice) == float("inf")
    assert closest_distance(np.empty((0, 128), np.float32), alice) == float("inf")


def test_removing_a_person_forgets_every_template_and_zeroes_the_memory() -> None:
    rng = np.random.default_rng(5)
    gallery = TemplateGallery(capacity=8)
    gallery.add([1, 2, 1, 3], unit(rng, 4))
    assert gallery.remove_person(1) == 2
    assert len(gallery) == 2
    assert gallery.person_count() == 2
    assert gallery.templates_of(1).size == 0
    assert not np.any(gallery._vectors[2:4])
    gallery.clear()
    assert len(gallery) == 0
    assert gallery.identify(unit(rng, 1)[0], MatchThresholds()).reason == "empty_gallery"


@pytest.mark.parametrize("bad", [np.zeros((1, 128)), np.ones((1, 127)), np.full((1, 128), 3.0)])
def test_only_unit_length_128_value_templates_are_accepted(bad: np.ndarray) -> None:
    with pytest.raises(ValueError):
        TemplateGallery().add([1], bad)
