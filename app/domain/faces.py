"""What the recognition layer finds in a frame, and whether it is good enough to enrol.

Quality problems carry a short hint a guest understands; the desk UI shows it translated.
"""

from dataclasses import dataclass, field
from enum import StrEnum

from app.domain.translatable import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class FaceBox:
    """A face's bounding box in full-resolution frame pixels (may extend past the frame edge)."""

    left: int
    top: int
    right: int
    bottom: int

    @property
    def width(self) -> int:
        """Box width in pixels."""
        return self.right - self.left

    @property
    def height(self) -> int:
        """Box height in pixels."""
        return self.bottom - self.top

    @property
    def area(self) -> int:
        """Box area in square pixels."""
        return max(0, self.width) * max(0, self.height)

    @property
    def center(self) -> tuple[float, float]:
        """Box centre (x, y)."""
        return ((self.left + self.right) / 2, (self.top + self.bottom) / 2)

    def inside(self, width: int, height: int, *, margin: int = 0) -> bool:
        """Whether the box lies within a ``width`` x ``height`` frame, ``margin`` pixels from each edge."""
        return (
            self.left >= margin
            and self.top >= margin
            and self.right <= width - margin
            and self.bottom <= height - margin
        )


@dataclass(frozen=True)
class FaceLandmarks:
    """dlib's five landmarks: two corners of each eye and the base of the nose, in frame pixels."""

    right_eye: tuple[tuple[float, float], tuple[float, float]]
    left_eye: tuple[tuple[float, float], tuple[float, float]]
    nose: tuple[float, float]


class TurnSide(StrEnum):
    """A side, from the person's own point of view (the liveness challenge asks for one)."""

    LEFT = "left"
    RIGHT = "right"


class QualityIssue(StrEnum):
    """Why a frame is not good enough for an enrolment template, most important first."""

    NO_FACE = "no_face"
    MORE_THAN_ONE_FACE = "more_than_one_face"
    FACE_CUT_OFF = "face_cut_off"
    FACE_TOO_SMALL = "face_too_small"
    NOT_FRONTAL = "not_frontal"
    TOO_DARK = "too_dark"
    TOO_BRIGHT = "too_bright"
    TOO_BLURRY = "too_blurry"


QUALITY_HINTS: dict[QualityIssue, str] = {
    QualityIssue.NO_FACE: QT_TRANSLATE_NOOP("QualityHint", "Please look at the camera."),
    QualityIssue.MORE_THAN_ONE_FACE: QT_TRANSLATE_NOOP(
        "QualityHint", "Only one person in front of the camera, please."
    ),
    QualityIssue.FACE_CUT_OFF: QT_TRANSLATE_NOOP("QualityHint", "Please move your whole face into the picture."),
    QualityIssue.FACE_TOO_SMALL: QT_TRANSLATE_NOOP("QualityHint", "Please move a little closer."),
    QualityIssue.NOT_FRONTAL: QT_TRANSLATE_NOOP("QualityHint", "Please look straight at the camera."),
    QualityIssue.TOO_DARK: QT_TRANSLATE_NOOP("QualityHint", "It is too dark. Please face the light."),
    QualityIssue.TOO_BRIGHT: QT_TRANSLATE_NOOP("QualityHint", "There is too much light on your face."),
    QualityIssue.TOO_BLURRY: QT_TRANSLATE_NOOP("QualityHint", "Please hold still for a moment."),
}


# What a liveness prompt asks (the kiosk and, where enabled, the guest verification show it).
TURN_PROMPTS: dict[TurnSide, str] = {
    TurnSide.LEFT: QT_TRANSLATE_NOOP("QualityHint", "Please turn your head slightly to your left."),
    TurnSide.RIGHT: QT_TRANSLATE_NOOP("QualityHint", "Please turn your head slightly to your right."),
}
TURN_STEP = QT_TRANSLATE_NOOP("QualityHint", "Turn %1 of %2. Face the camera again after each turn.")


@dataclass(frozen=True)
class QualityMeasures:
    """The numbers behind a verdict (for tuning and logs; never shown to guests)."""

    face_height_px: int = 0
    roll_degrees: float = 0.0
    yaw_ratio: float = 0.0
    brightness: float = 0.0
    sharpness: float = 0.0


# Problems that make a frame useless for comparing with templates (1:1 or 1:N): one face, fully
# in view and near enough is good enough to compare, though not necessarily to enrol from.
BLOCKS_MATCHING = frozenset(
    {QualityIssue.NO_FACE, QualityIssue.MORE_THAN_ONE_FACE, QualityIssue.FACE_CUT_OFF, QualityIssue.FACE_TOO_SMALL}
)


@dataclass(frozen=True)
class QualityVerdict:
    """Whether a frame may become an enrolment template, and if not, what to ask the guest."""

    issues: tuple[QualityIssue, ...]
    measures: QualityMeasures = field(default_factory=QualityMeasures)

    @property
    def acceptable(self) -> bool:
        """True when there is nothing to fix."""
        return not self.issues

    @property
    def usable_for_matching(self) -> bool:
        """Whether a face in this frame can be compared with templates (see BLOCKS_MATCHING)."""
        return not any(issue in BLOCKS_MATCHING for issue in self.issues)

    @property
    def hint(self) -> str:
        """The one hint to show now (English source text; the UI translates it), or ``""``."""
        return QUALITY_HINTS[self.issues[0]] if self.issues else ""
