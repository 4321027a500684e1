"""Template serialisation: 128 float32 values, nothing else (R12)."""

import numpy as np
import pytest

from app.domain.templates import TEMPLATE_BYTES, template_from_bytes, template_to_bytes


@pytest.mark.req("R12")
def test_a_template_round_trips_as_512_bytes() -> None:
    vector = np.linspace(-0.3, 0.3, 128)
    blob = template_to_bytes(vector)
    assert len(blob) == TEMPLATE_BYTES == 512
    restored = template_from_bytes(blob)
    assert np.allclose(restored, vector, atol=1e-7)
    assert not restored.flags.writeable


@pytest.mark.req("R12")
@pytest.mark.parametrize("vector", [np.zeros(127), np.zeros((150, 150)), np.full(128, np.nan), np.full(128, np.inf)])
def test_anything_but_128_finite_values_is_refused(vector: np.ndarray) -> None:
    with pytest.raises(ValueError):
        template_to_bytes(vector)


def test_stored_blobs_of_the_wrong_size_are_refused() -> None:
    with pytest.raises(ValueError):
        template_from_bytes(b"\xff\xd8\xff\xe0" * 200)
