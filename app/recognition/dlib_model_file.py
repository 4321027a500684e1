"""Reading dlib's face recognition ResNet straight from the model file the package ships.

dlib writes a network with its own portable serialization (dlib/serialize.h, dlib/dnn/core.h):
an integer is a control byte (its low 4 bits the byte count, 0x80 the sign) followed by that many
little-endian bytes; a float is an integer mantissa and an integer exponent; a bool is the
character '1' or '0'; a string is its length and its bytes; a tensor is four sizes and raw
little-endian float32 values. A network is written from its outermost layer inwards: each layer
writes its version and then its subnetwork, so the versions come first (outermost first), then
the input layer, then each layer's own parameters from the innermost outwards.

The layer stack is the one of dlib's ``dnn_face_recognition_ex.cpp`` (and of
``face_recognition_model_v1`` in dlib's Python module). The reader checks every layer's kind,
shape and stride against that stack, so a different network in the file is refused instead of
silently misread. Only numbers are read: nothing in the file is executed.
"""

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.float32]


class ModelFileError(ValueError):
    """The file is not dlib's face recognition ResNet as this reader knows it."""


@dataclass(frozen=True)
class Conv:
    """A convolution (cross-correlation, as dlib computes it) with bias."""

    weights: Array  # (out, in, kh, kw)
    bias: Array  # (out,)
    stride: int
    padding: int


@dataclass(frozen=True)
class Affine:
    """dlib's ``affine`` layer (a frozen batch norm): ``gamma * x + beta`` per channel."""

    gamma: Array
    beta: Array


@dataclass(frozen=True)
class Relu:
    """max(x, 0)."""


@dataclass(frozen=True)
class Pool:
    """Max or average pooling without padding (dlib's stride-2 pools pad nothing)."""

    kind: str  # "max" or "avg"
    size: int
    stride: int


@dataclass(frozen=True)
class Residual:
    """``relu(shortcut(x) + block(x))``; the sum is over the union of both shapes, missing cells 0.

    The shortcut is ``x`` itself or, in a down-sampling unit, a 2x2 average pool of ``x``.
    """

    block: tuple[Conv | Affine | Relu, ...]
    shortcut_pool: bool


@dataclass(frozen=True)
class FaceResNet:
    """The whole network: stem, residual units, global average, projection to 128 values."""

    input_means: tuple[float, float, float]  # subtracted from R, G, B before dividing by 256
    stem: tuple[Conv | Affine | Relu | Pool, ...]
    units: tuple[Residual, ...]
    projection: Array  # (256, 128): descriptor = mean over the last feature map @ projection
    metadata: dict[str, float] = field(default_factory=dict)


class _Reader:
    def __init__(self, data: bytes) -> None:
        self._data = memoryview(data)
        self._pos = 0

    def _take(self, count: int) -> memoryview:
        if self._pos + count > len(self._data):
            raise ModelFileError("the model file ends early")
        chunk = self._data[self._pos : self._pos + count]
        self._pos += count
        return chunk

    def integer(self) -> int:
        control = self._take(1)[0]
        size = control & 0x0F
        if size == 0 or size > 8 or control & 0x70:
            raise ModelFileError(f"not a dlib integer at byte {self._pos - 1}")
        value = int.from_bytes(self._take(size), "little")
        return -value if control & 0x80 else value

    def real(self) -> float:
        mantissa = self.integer()
        exponent = self.integer()
        return float(mantissa) * 2.0**exponent

    def boolean(self) -> bool:
        value = bytes(self._take(1))
        if value not in (b"0", b"1"):
            raise ModelFileError(f"not a dlib bool at byte {self._pos - 1}")
        return value == b"1"

    def text(self) -> str:
        return bytes(self._take(self.integer())).decode("ascii")

    def tensor(self) -> Array:
        if self.integer() != 2:
            raise ModelFileError("unknown tensor version")
        shape = tuple(self.integer() for _ in range(4))
        count = int(np.prod(shape))
        values = np.frombuffer(self._take(4 * count), dtype="<f4").astype(np.float32)
        return values.reshape(shape)

    def alias_shape(self) -> tuple[int, ...]:
        if self.integer() != 1:
            raise ModelFileError("unknown alias tensor version")
        return tuple(self.integer() for _ in range(4))

    def expect_text(self, *accepted: str) -> str:
        found = self.text()
        if found not in accepted:
            raise ModelFileError(f"expected {' or '.join(accepted)}, found {found!r}")
        return found

    @property
    def at_end(self) -> bool:
        return self._pos == len(self._data)


# --- the layer stack, outermost first --------------------------------------------------------


@dataclass(frozen=True)
class _Spec:
    """One layer of the expected stack. Tags and skips are wrappers with a version and nothing else."""

    kind: str  # con, affine, relu, max_pool, avg_pool, add_prev, fc, tag, skip
    width: int = 0  # filters of a convolution, outputs of fc
    size: int = 0  # kernel or window size (0 for the global average)
    stride: int = 1

    @property
    def is_wrapper(self) -> bool:
        return self.kind in ("tag", "skip")


def _block(filters: int, stride: int) -> list[_Spec]:
    # block = affine<con<N,3,3,1,1, relu<affine<con<N,3,3,stride,stride, SUBNET>>>>>, outermost first
    return [
        _Spec("affine"),
        _Spec("con", filters, 3, 1),
        _Spec("relu"),
        _Spec("affine"),
        _Spec("con", filters, 3, stride),
    ]


def _unit(filters: int) -> list[_Spec]:
    return [_Spec("relu"), _Spec("add_prev"), *_block(filters, 1), _Spec("tag")]


def _down_unit(filters: int) -> list[_Spec]:
    pool = _Spec("avg_pool", size=2, stride=2)
    return [_Spec("relu"), _Spec("add_prev"), pool, _Spec("skip"), _Spec("tag"), *_block(filters, 2), _Spec("tag")]


def _stack_outermost_first() -> list[_Spec]:
    levels: list[_Spec] = []
    levels += _down_unit(256)  # level 0
    levels += _unit(256) + _unit(256) + _down_unit(256)  # level 1
    levels += _unit(128) + _unit(128) + _down_unit(128)  # level 2
    levels += _unit(64) + _unit(64) + _unit(64) + _down_unit(64)  # level 3
    levels += _unit(32) + _unit(32) + _unit(32)  # level 4
    return [
        _Spec("fc", width=128),
        _Spec("avg_pool", size=0, stride=1),  # avg_pool_everything
        *levels,
        _Spec("max_pool", size=3, stride=2),
        _Spec("relu"),
        _Spec("affine"),
        _Spec("con", 32, 7, 2),
    ]


def _read_tail(reader: _Reader, layer_version: int) -> None:
    """The training state every layer writes after its parameters (read and dropped)."""
    for _ in range(3):
        reader.boolean()
    reader.tensor()  # x_grad
    reader.tensor()  # cached_output
    if layer_version >= 2:
        reader.tensor()  # params_grad


def _read_con(reader: _Reader, filters: int, size: int, stride: int) -> Conv:
    version = reader.expect_text("con_4", "con_5", "con_6")
    params = reader.tensor().ravel()
    found = (reader.integer(), reader.integer(), reader.integer(), reader.integer(), reader.integer())
    padding = (reader.integer(), reader.integer())
    filters_shape = reader.alias_shape()
    bias_shape = reader.alias_shape()
    for _ in range(4):
        reader.real()  # learning-rate and weight-decay multipliers
    if version in ("con_5", "con_6") and not reader.boolean():
        raise ModelFileError("a convolution without bias is not expected here")
    if version == "con_6" and reader.boolean():
        raise ModelFileError("a convolution with a fused relu is not expected here")
    expected_padding = 0 if stride != 1 else size // 2
    if found != (filters, size, size, stride, stride) or padding != (expected_padding, expected_padding):
        raise ModelFileError(f"unexpected convolution {found} padding {padding}")
    weight_count = int(np.prod(filters_shape))
    if filters_shape[0] != filters or bias_shape[1] != filters or params.size != weight_count + filters:
        raise ModelFileError("convolution parameters do not match their shape")
    weights = params[:weight_count].reshape(filters_shape)
    return Conv(np.ascontiguousarray(weights), np.ascontiguousarray(params[weight_count:]), stride, expected_padding)


def _read_affine(reader: _Reader) -> Affine:
    version = reader.expect_text("affine_", "affine_2")
    params = reader.tensor().ravel()
    gamma_shape = reader.alias_shape()
    reader.alias_shape()  # beta, the same shape
    if reader.integer() != 0:  # CONV_MODE: one gamma and beta per channel
        raise ModelFileError("an affine layer not in convolution mode")
    if version == "affine_2" and reader.boolean():
        raise ModelFileError("a disabled affine layer is not expected here")
    channels = int(np.prod(gamma_shape))
    if params.size != 2 * channels:
        raise ModelFileError("affine parameters do not match their shape")
    return Affine(params[:channels].copy(), params[channels:].copy())


def _read_pool(reader: _Reader, kind: str, size: int, stride: int) -> Pool:
    reader.expect_text(f"{kind}_pool_2")
    found = tuple(reader.integer() for _ in range(4))
    padding = (reader.integer(), reader.integer())
    if found != (size, size, stride, stride) or padding != (0, 0):
        raise ModelFileError(f"unexpected {kind} pool {found} padding {padding}")
    return Pool(kind, size, stride)


def _read_fc(reader: _Reader, outputs: int) -> Array:
    reader.expect_text("fc_2", "fc_3")
    num_outputs, num_inputs = reader.integer(), reader.integer()
    params = reader.tensor().ravel()
    weights_shape = reader.alias_shape()
    reader.alias_shape()  # biases (unused without bias)
    if reader.integer() != 1:  # FC_NO_BIAS
        raise ModelFileError("the projection layer has a bias")
    for _ in range(4):
        reader.real()
    if num_outputs != outputs or params.size != num_inputs * num_outputs or weights_shape[:2] != (num_inputs, outputs):
        raise ModelFileError("projection parameters do not match their shape")
    return np.ascontiguousarray(params.reshape(num_inputs, num_outputs))


def _read_layer(reader: _Reader, spec: _Spec) -> object:
    if spec.kind == "con":
        return _read_con(reader, spec.width, spec.size, spec.stride)
    if spec.kind == "affine":
        return _read_affine(reader)
    if spec.kind == "relu":
        if reader.expect_text("relu_", "relu_2") == "relu_2" and reader.boolean():
            raise ModelFileError("a disabled relu is not expected here")
        return Relu()
    if spec.kind in ("max_pool", "avg_pool"):
        return _read_pool(reader, spec.kind.split("_")[0], spec.size, spec.stride)
    if spec.kind == "add_prev":
        reader.expect_text("add_prev_")
        return spec
    return _read_fc(reader, spec.width)


def read_face_resnet(path: Path) -> FaceResNet:
    """Read the network and its weights from ``dlib_face_recognition_resnet_model_v1.dat``.

    Raises:
        ModelFileError: the file is not that network.
        OSError: the file cannot be read.
    """
    reader = _Reader(path.read_bytes())
    try:
        return _read(reader)
    except (ValueError, UnicodeDecodeError) as exc:
        if isinstance(exc, ModelFileError):
            raise
        raise ModelFileError(f"the model file is damaged: {exc}") from None


def _read(reader: _Reader) -> FaceResNet:
    if reader.integer() != 1:
        raise ModelFileError("unknown loss layer version")
    reader.expect_text("loss_metric_", "loss_metric_2")
    metadata = {"margin": reader.real(), "distance_threshold": reader.real()}
    stack = _stack_outermost_first()
    versions = [reader.integer() for _ in stack[:-1]]
    for spec, version in zip(stack, versions, strict=False):
        if version not in ((1,) if spec.is_wrapper else (1, 2)):
            raise ModelFileError(f"unexpected layer version {version} for {spec.kind}")
    input_layer_version = reader.integer()
    if input_layer_version not in (2, 3):
        raise ModelFileError("unexpected input layer version")
    reader.expect_text("input_rgb_image_sized")
    means = (reader.real(), reader.real(), reader.real())
    if (reader.integer(), reader.integer()) != (150, 150):
        raise ModelFileError("the network does not take 150x150 chips")

    layers: list[object] = []
    innermost_first = list(zip(reversed(stack), reversed([*versions, input_layer_version]), strict=True))
    for index, (spec, version) in enumerate(innermost_first):
        if spec.is_wrapper:
            layers.append(spec)
            continue
        layers.append(_read_layer(reader, spec))
        if index == 0:  # the input layer's own tail differs
            for _ in range(3):
                reader.boolean()
            reader.tensor()
            reader.tensor()
            reader.tensor()  # grad_final
            if version == 3:
                reader.integer()  # sample expansion factor
        else:
            _read_tail(reader, version)
    if not reader.at_end:
        raise ModelFileError("unexpected data after the network")
    return _assemble(means, layers, metadata)


def _assemble(means: tuple[float, float, float], layers: list[object], metadata: dict[str, float]) -> FaceResNet:
    """Group the innermost-first layer list into stem, residual units and projection."""
    units: list[Residual] = []
    position = 4
    while layers[position] == _Spec("tag"):
        block = tuple(layer for layer in layers[position + 1 : position + 6] if isinstance(layer, Conv | Affine | Relu))
        if len(block) != 5:
            raise ModelFileError("a residual block is not two convolutions with their affine layers")
        if layers[position + 6] == _Spec("add_prev"):
            units.append(Residual(block, shortcut_pool=False))
            position += 8
        else:  # tag2, skip1, avg_pool, add_prev, relu
            units.append(Residual(block, shortcut_pool=True))
            position += 11
    pooled, projection = layers[position], layers[position + 1]
    if not isinstance(pooled, Pool) or not isinstance(projection, np.ndarray) or position + 2 != len(layers):
        raise ModelFileError("the network does not end in a global average and a projection")
    stem = tuple(layer for layer in layers[:4] if isinstance(layer, Conv | Affine | Relu | Pool))
    if len(stem) != 4:
        raise ModelFileError("the network does not start with a convolution, affine, relu and pool")
    return FaceResNet(means, stem, tuple(units), projection, metadata)
