"""Reading dlib's face ResNet from the model file face_recognition_models ships."""

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from app.recognition.dlib_model_file import Conv, ModelFileError, Pool, read_face_resnet
from app.recognition.model_files import FACE_ENCODER, model_path


@pytest.fixture(scope="module")
def model_bytes() -> bytes:
    return model_path(FACE_ENCODER).read_bytes()


def test_the_shipped_file_reads_as_dlibs_29_layer_resnet() -> None:
    network = read_face_resnet(model_path(FACE_ENCODER))
    assert network.input_means == pytest.approx((122.782, 117.001, 104.298), abs=1e-3)
    stem_conv, _affine, _relu, stem_pool = network.stem
    assert isinstance(stem_conv, Conv) and stem_conv.weights.shape == (32, 3, 7, 7) and stem_conv.stride == 2
    assert stem_pool == Pool("max", 3, 2)
    # levels 4..0 innermost first: 3 units of 32; 64 (down + 3); 128 (down + 2); 256 (down + 2); 256 (down)
    assert [u.shortcut_pool for u in network.units] == [False] * 3 + [True] + [False] * 3 + [True] + [False] * 2 + [
        True
    ] + [False] * 2 + [True]
    convolutions = [[layer for layer in u.block if isinstance(layer, Conv)] for u in network.units]
    assert all(len(pair) == 2 for pair in convolutions)
    widths = [second.weights.shape[0] for _first, second in convolutions]
    assert widths == [32] * 3 + [64] * 4 + [128] * 3 + [256] * 4
    assert network.projection.shape == (256, 128)
    assert all(np.all(np.isfinite(conv.weights)) for pair in convolutions for conv in pair)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="cut in half"),
        pytest.param(lambda data: data + b"\x01", id="extra byte at the end"),
        pytest.param(lambda data: data[:3] + b"\x0ctriplet_lossX" + data[17:], id="another loss"),
        pytest.param(lambda data: b"", id="empty"),
    ],
)
def test_a_file_that_is_not_exactly_that_network_is_refused(
    tmp_path: Path, model_bytes: bytes, damage: Callable[[bytes], bytes]
) -> None:
    damaged = tmp_path / FACE_ENCODER
    damaged.write_bytes(damage(model_bytes))
    with pytest.raises(ModelFileError):
        read_face_resnet(damaged)


def test_a_network_with_other_strides_is_refused(tmp_path: Path, model_bytes: bytes) -> None:
    # The stem convolution ("con_4", its parameter tensor, then filters, 7, 7, stride 2, stride 2):
    # make its vertical stride 3.
    network_start = model_bytes.index(b"con_4")
    changed = bytearray(model_bytes)
    after_params = network_start + 6 + 1 + 5 * 2 + (32 * 3 * 7 * 7 + 32) * 4
    window = bytes(changed[after_params : after_params + 40])
    stride_at = after_params + window.index(b"\x01\x07\x01\x07\x01\x02") + 5
    changed[stride_at] = 3
    damaged = tmp_path / FACE_ENCODER
    damaged.write_bytes(bytes(changed))
    with pytest.raises(ModelFileError, match="unexpected convolution"):
        read_face_resnet(damaged)
