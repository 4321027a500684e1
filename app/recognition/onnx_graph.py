"""dlib's face ResNet written as an ONNX model, in memory, for an optimised inference engine.

ONNX is a protocol-buffers message; the handful of message types a plain convolutional network
needs (model, graph, node, attribute, tensor, value info) are encoded here directly, so no ONNX
or protobuf package is needed at run time. Field numbers are those of ``onnx/onnx.proto``.

Each ``affine`` layer (a frozen batch norm) is folded into the convolution before it. The
residual sum pads the smaller operand with zeros at the end of each axis, exactly as dlib's
``add_prev`` does when a down-sampling unit's block output (3x3) meets its pooled shortcut (4x4).
"""

from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

from app.recognition.dlib_model_file import Affine, Conv, FaceResNet, ModelFileError, Pool, Relu, Residual

CHIP_SIZE = 150
OPSET_VERSION = 13
IR_VERSION = 7
INPUT_NAME = "chips"
OUTPUT_NAME = "descriptors"

_FLOAT = 1
_INT64 = 7
_ATTRIBUTE_INT = 2
_ATTRIBUTE_INTS = 7


# --- protocol-buffers encoding -----------------------------------------------------------------


def _varint(value: int) -> bytes:
    if value < 0:
        value += 1 << 64
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _field_varint(number: int, value: int) -> bytes:
    return _varint(number << 3) + _varint(value)


def _field_bytes(number: int, payload: bytes) -> bytes:
    return _varint(number << 3 | 2) + _varint(len(payload)) + payload


def _field_text(number: int, text: str) -> bytes:
    return _field_bytes(number, text.encode("utf-8"))


def _attribute_ints(name: str, values: Iterable[int]) -> bytes:
    body = _field_text(1, name) + b"".join(_field_varint(8, v) for v in values) + _field_varint(20, _ATTRIBUTE_INTS)
    return body


def _attribute_int(name: str, value: int) -> bytes:
    return _field_text(1, name) + _field_varint(3, value) + _field_varint(20, _ATTRIBUTE_INT)


def _tensor(name: str, array: npt.NDArray[np.generic]) -> bytes:
    data_type = _FLOAT if array.dtype == np.float32 else _INT64
    raw = np.ascontiguousarray(array, dtype="<f4" if data_type == _FLOAT else "<i8").tobytes()
    dims = b"".join(_field_varint(1, d) for d in array.shape)
    return dims + _field_varint(2, data_type) + _field_text(8, name) + _field_bytes(9, raw)


def _value_info(name: str, shape: tuple[int | str, ...]) -> bytes:
    dims = b"".join(_field_bytes(1, _field_text(2, d) if isinstance(d, str) else _field_varint(1, d)) for d in shape)
    tensor_type = _field_varint(1, _FLOAT) + _field_bytes(2, dims)
    return _field_text(1, name) + _field_bytes(2, _field_bytes(1, tensor_type))


class _Graph:
    def __init__(self) -> None:
        self.nodes: list[bytes] = []
        self.initializers: list[bytes] = []
        self._count = 0

    def name(self, prefix: str) -> str:
        self._count += 1
        return f"{prefix}_{self._count}"

    def constant(self, prefix: str, array: npt.NDArray[np.generic]) -> str:
        name = self.name(prefix)
        self.initializers.append(_tensor(name, array))
        return name

    def node(self, op_type: str, inputs: list[str], attributes: Iterable[bytes] = (), *, output: str = "") -> str:
        output = output or self.name(op_type.lower())
        body = b"".join(_field_text(1, i) for i in inputs)
        body += _field_text(2, output) + _field_text(3, output) + _field_text(4, op_type)
        body += b"".join(_field_bytes(5, a) for a in attributes)
        self.nodes.append(body)
        return output


# --- the network -------------------------------------------------------------------------------


def _folded(conv: Conv, affine: Affine) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
    gamma = affine.gamma.astype(np.float64)
    weights = (conv.weights.astype(np.float64) * gamma[:, None, None, None]).astype(np.float32)
    bias = (conv.bias.astype(np.float64) * gamma + affine.beta).astype(np.float32)
    return weights, bias


def _conv(graph: _Graph, x: str, conv: Conv, affine: Affine, size: int) -> tuple[str, int]:
    weights, bias = _folded(conv, affine)
    kernel = weights.shape[2]
    pad = conv.padding
    out = graph.node(
        "Conv",
        [x, graph.constant("w", weights), graph.constant("b", bias)],
        [
            _attribute_ints("kernel_shape", (kernel, kernel)),
            _attribute_ints("strides", (conv.stride, conv.stride)),
            _attribute_ints("pads", (pad, pad, pad, pad)),
        ],
    )
    return out, (size + 2 * pad - kernel) // conv.stride + 1


def _pool(graph: _Graph, x: str, pool: Pool, size: int) -> tuple[str, int]:
    op = "MaxPool" if pool.kind == "max" else "AveragePool"
    attributes = [
        _attribute_ints("kernel_shape", (pool.size, pool.size)),
        _attribute_ints("strides", (pool.stride, pool.stride)),
    ]
    return graph.node(op, [x], attributes), (size - pool.size) // pool.stride + 1


def _pad_to(graph: _Graph, x: str, channels: tuple[int, int], sizes: tuple[int, int]) -> str:
    """Zero-pad ``x`` at the end of the channel and spatial axes (from, to) each."""
    extra_channels, extra_size = channels[1] - channels[0], sizes[1] - sizes[0]
    if extra_channels == 0 and extra_size == 0:
        return x
    pads = np.array([0, 0, 0, 0, 0, extra_channels, extra_size, extra_size], dtype=np.int64)
    return graph.node("Pad", [x, graph.constant("pads", pads)])


def _residual(graph: _Graph, x: str, unit: Residual, channels: int, size: int) -> tuple[str, int, int]:
    first_conv, first_affine, _relu, second_conv, second_affine = unit.block
    if not (isinstance(first_conv, Conv) and isinstance(second_conv, Conv)):
        raise ModelFileError("a residual block without its two convolutions")
    if not (isinstance(first_affine, Affine) and isinstance(second_affine, Affine)):
        raise ModelFileError("a residual block without its two affine layers")
    hidden, block_size = _conv(graph, x, first_conv, first_affine, size)
    hidden = graph.node("Relu", [hidden])
    block, block_size = _conv(graph, hidden, second_conv, second_affine, block_size)
    block_channels = second_conv.weights.shape[0]
    shortcut, shortcut_size = x, size
    if unit.shortcut_pool:
        shortcut, shortcut_size = _pool(graph, x, Pool("avg", 2, 2), size)
    out_channels, out_size = max(channels, block_channels), max(block_size, shortcut_size)
    block = _pad_to(graph, block, (block_channels, out_channels), (block_size, out_size))
    shortcut = _pad_to(graph, shortcut, (channels, out_channels), (shortcut_size, out_size))
    return graph.node("Relu", [graph.node("Add", [shortcut, block])]), out_channels, out_size


def face_resnet_onnx(network: FaceResNet) -> bytes:
    """The serialized ONNX model of ``network``.

    Input ``chips``: (N, 3, 150, 150) float RGB, centred and scaled as dlib's input layer does
    (``chips_to_input``). Output ``descriptors``: (N, 128), dlib's raw descriptors.
    """
    graph = _Graph()
    conv, affine, relu, pool = network.stem
    if not (isinstance(conv, Conv) and isinstance(affine, Affine) and isinstance(relu, Relu)):
        raise ModelFileError("the network does not start with a convolution, affine and relu")
    if not isinstance(pool, Pool):
        raise ModelFileError("the network's stem does not end in a pool")
    x, size = _conv(graph, INPUT_NAME, conv, affine, CHIP_SIZE)
    x = graph.node("Relu", [x])
    x, size = _pool(graph, x, pool, size)
    channels = conv.weights.shape[0]
    for unit in network.units:
        x, channels, size = _residual(graph, x, unit, channels, size)
    x = graph.node("GlobalAveragePool", [x])
    x = graph.node("Flatten", [x], [_attribute_int("axis", 1)])
    graph.node("MatMul", [x, graph.constant("projection", network.projection)], output=OUTPUT_NAME)

    body = b"".join(_field_bytes(1, n) for n in graph.nodes)
    body += _field_text(2, "dlib_face_recognition_resnet_model_v1")
    body += b"".join(_field_bytes(5, t) for t in graph.initializers)
    body += _field_bytes(11, _value_info(INPUT_NAME, ("batch", 3, CHIP_SIZE, CHIP_SIZE)))
    body += _field_bytes(12, _value_info(OUTPUT_NAME, ("batch", network.projection.shape[1])))
    opset = _field_text(1, "") + _field_varint(2, OPSET_VERSION)
    model = _field_varint(1, IR_VERSION) + _field_bytes(8, opset) + _field_text(2, "facedesk")
    model += _field_bytes(7, body)
    return model


def chips_to_input(chips: npt.NDArray[np.uint8], means: tuple[float, float, float]) -> npt.NDArray[np.float32]:
    """RGB chips (k, 150, 150, 3) as the network's input, as dlib's input layer prepares them."""
    centred = (chips.astype(np.float32) - np.asarray(means, dtype=np.float32)) / np.float32(256.0)
    return np.ascontiguousarray(centred.transpose(0, 3, 1, 2))
