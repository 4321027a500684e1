"""The hash-chained audit log (R17): event values, hashing and chain verification.

Each event stores the SHA-256 of the previous event and the SHA-256 of its own content plus that
link, so changing, removing or reordering any row breaks the chain from that row on. Events hold
no biometric data and no names or ID numbers: people and operators are referred to by row id.
"""

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

GENESIS_HASH = "0" * 64
CHECKPOINT_HEX = 16

# Keys that would invite personal or secret data into the log; refused outright.
FORBIDDEN_DETAIL_KEYS = frozenset(
    {
        "name",
        "full_name",
        "username",
        "id_number",
        "id_document_number",
        "date_of_birth",
        "template",
        "embedding",
        "vector",
        "image",
        "frame",
        "photo",
        "password",
        "passphrase",
        "key",
        "recovery_code",
    }
)
MAX_DETAIL_TEXT = 200

DetailValue = str | int | float | bool | None


class AuditAction(StrEnum):
    """Every kind of audited event."""

    DATABASE_CREATED = "database.created"
    DATABASE_MIGRATED = "database.migrated"
    SETUP_COMPLETED = "setup.completed"
    KEY_RECOVERED = "key.recovered"
    KEY_PASSPHRASE_CHANGED = "key.passphrase_changed"
    OPERATOR_CREATED = "operator.created"
    OPERATOR_LOCKED = "operator.locked"
    OPERATOR_UNLOCKED = "operator.unlocked"
    OPERATOR_PASSWORD_CHANGED = "operator.password_changed"
    LOGIN_SUCCEEDED = "login.succeeded"
    LOGIN_FAILED = "login.failed"
    LOGIN_REFUSED_LOCKED = "login.refused_locked"
    SESSION_ENDED = "session.ended"
    ACCESS_DENIED = "access.denied"
    SETTINGS_CHANGED = "settings.changed"
    SECURITY_ALERT = "security.alert"
    BUSINESS_UPDATED = "business.updated"
    PIA_RECORDED = "pia.recorded"
    GUEST_REGISTERED = "guest.registered"
    FACE_DECLINED = "face.declined"
    CHECK_IN_COMPLETED = "check_in.completed"
    CHECKED_OUT = "guest.checked_out"
    STAY_EXTENDED = "stay.departure_changed"
    ROOM_CHANGED = "stay.room_changed"
    CONSENT_GIVEN = "consent.given"
    CONSENT_RENEWED = "consent.renewed"
    CONSENT_WITHDRAWN = "consent.withdrawn"
    CONSENT_EXPIRED = "consent.expired"
    FACE_ENROLLED = "face.enrolled"
    FACE_CAPTURE_ENDED = "face.capture_ended"  # a capture stopped before anything was stored
    FACE_VERIFIED = "verification.face"
    MANUAL_CHECKED = "verification.manual"
    RETENTION_PURGED = "retention.purged"
    STAFF_REGISTERED = "staff.registered"
    EMPLOYMENT_ENDED = "staff.employment_ended"
    STAFF_PIN_SET = "staff.pin_set"
    STAFF_PIN_PAUSED = "staff.pin_paused"
    KIOSK_STARTED = "kiosk.started"
    KIOSK_ENDED = "kiosk.ended"
    CLOCKED = "attendance.clocked"
    ATTENDANCE_CORRECTED = "attendance.corrected"
    ATTENDANCE_EXPORTED = "attendance.exported"
    ACCESS_RULE_SET = "door.access_rule_set"
    DOOR_OPENED_REMOTELY = "door.opened_remotely"
    ENTRY_LOG_EXPORTED = "door.entry_log_exported"
    SIGNAGE_GENERATED = "document.signage"
    PIA_REPORT_GENERATED = "document.pia_report"
    FILING_DATA_EXPORTED = "document.filing_data"
    PROCESSING_RECORD_KEPT = "records.processing_period"
    SECURITY_ALERTS_ACKNOWLEDGED = "security.alerts_acknowledged"
    BACKUP_TAKEN = "backup.taken"
    BACKUP_RESTORED = "backup.restored"
    PERSON_EXPORTED = "person.exported"
    PERSON_CORRECTED = "person.corrected"
    PERSON_ERASED = "person.erased"
    RIGHTS_REQUEST_OPENED = "rights_request.opened"
    RIGHTS_REQUEST_CLOSED = "rights_request.closed"
    INCIDENT_RECORDED = "incident.recorded"
    INCIDENT_LETTERS_WRITTEN = "incident.letters_written"
    INCIDENT_REPORT_WRITTEN = "incident.report_written"
    INCIDENT_PEOPLE_NOTIFIED = "incident.people_notified"
    FILING_MILESTONE = "filing.milestone"
    FILING_TASK_OPENED = "filing.owed"
    FILING_SUBMITTED = "filing.submitted"


class ActorKind(StrEnum):
    """Who can act on the data."""

    OPERATOR = "operator"  # a signed-in operator account
    KIOSK = "kiosk"  # one staff-entry kiosk session (by its id)
    SYSTEM = "system"  # the desk itself: start-up, the hourly jobs
    COMMAND_LINE = "cli"  # someone at the command line
    ANONYMOUS = "anonymous"  # a sign-in attempt with a user name that does not exist
    GUEST = "guest"  # the guest's own choice, recorded without the receptionist who was there (R9)


@dataclass(frozen=True)
class Actor:
    """Who did something: one type for every place that records it.

    Stored in the audit log as ``label``: ``operator:3``, ``kiosk:3``, ``system``, ``cli``.
    """

    kind: ActorKind
    id: int | None = None

    def __post_init__(self) -> None:
        if (self.id is not None) != (self.kind in (ActorKind.OPERATOR, ActorKind.KIOSK)):
            raise ValueError("operators and kiosks act with an id; the system, the command line and strangers without")

    @classmethod
    def operator(cls, operator_id: int) -> "Actor":
        """An operator account."""
        return cls(ActorKind.OPERATOR, operator_id)

    @classmethod
    def kiosk(cls, kiosk_id: int) -> "Actor":
        """A staff-entry kiosk session."""
        return cls(ActorKind.KIOSK, kiosk_id)

    @property
    def label(self) -> str:
        """The text stored in the audit log."""
        return self.kind.value if self.id is None else f"{self.kind.value}:{self.id}"

    def __str__(self) -> str:
        return self.label


SYSTEM_ACTOR = Actor(ActorKind.SYSTEM)
GUEST_ACTOR = Actor(ActorKind.GUEST)
CLI_ACTOR = Actor(ActorKind.COMMAND_LINE)


def operator_actor(operator_id: int) -> Actor:
    """The actor for an operator account."""
    return Actor.operator(operator_id)


def canonical_details(details: Mapping[str, DetailValue] | None) -> str:
    """Serialise event details to the canonical JSON text that is stored and hashed.

    Raises:
        ValueError: a key invites personal data, or a value is not a short scalar.
    """
    clean: dict[str, DetailValue] = {}
    for key, value in (details or {}).items():
        if not isinstance(key, str) or not key:
            raise ValueError("audit detail keys are non-empty strings")
        if key.lower() in FORBIDDEN_DETAIL_KEYS:
            raise ValueError(f"audit details must not carry {key!r}")
        if isinstance(value, bytes | bytearray | memoryview) or not isinstance(
            value, str | int | float | bool | type(None)
        ):
            raise ValueError(f"audit detail {key!r} must be a short scalar value")
        if isinstance(value, str) and len(value) > MAX_DETAIL_TEXT:
            raise ValueError(f"audit detail {key!r} is longer than {MAX_DETAIL_TEXT} characters")
        clean[key] = value
    return json.dumps(clean, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


@dataclass(frozen=True)
class AuditHead:
    """A position in the audit log: an event number and that event's hash.

    Recorded outside the database (the key file, backup manifests, printed receipts) so that an
    older copy of the database, or a rewritten chain, can be told from the real one.
    """

    sequence: int
    row_hash: str

    @property
    def short_hash(self) -> str:
        """The first 16 hex digits of the hash (64 bits): short enough to print, long enough to check."""
        return self.row_hash[:CHECKPOINT_HEX]

    def checkpoint(self) -> str:
        """The ``N:HASH`` text printed on receipts and documents (``facedesk audit verify --checkpoint``)."""
        return f"{self.sequence}:{self.short_hash}"

    @classmethod
    def parse_checkpoint(cls, text: str) -> "AuditHead":
        """Read ``N:HASH`` (at least 16 hex digits of the hash).

        Raises:
            ValueError: not in that form.
        """
        number, _, digest = text.strip().partition(":")
        digest = digest.strip().lower()
        if not number.strip().isdigit() or int(number) < 1 or len(digest) < CHECKPOINT_HEX or len(digest) > 64:
            raise ValueError(f"a checkpoint looks like 42:{'0' * CHECKPOINT_HEX} (event number, colon, hash)")
        if any(c not in "0123456789abcdef" for c in digest):
            raise ValueError("the hash part of a checkpoint has only the digits 0-9 and letters a-f")
        return cls(int(number), digest)

    def matches(self, record: "AuditRecord") -> bool:
        """Whether ``record`` is the event this position names (same number, hash starting alike)."""
        return record.id == self.sequence and record.row_hash.startswith(self.row_hash)


@dataclass(frozen=True)
class AuditRecord:
    """One stored audit event, exactly as its columns hold it."""

    id: int
    occurred_at: str
    actor: str
    action: str
    subject_type: str | None
    subject_id: int | None
    details: str
    prev_hash: str
    row_hash: str

    def expected_hash(self) -> str:
        """The hash this row's content and link should have."""
        return event_hash(
            prev_hash=self.prev_hash,
            event_id=self.id,
            occurred_at=self.occurred_at,
            actor=self.actor,
            action=self.action,
            subject_type=self.subject_type,
            subject_id=self.subject_id,
            details=self.details,
        )


def event_hash(
    *,
    prev_hash: str,
    event_id: int,
    occurred_at: str,
    actor: str,
    action: str,
    subject_type: str | None,
    subject_id: int | None,
    details: str,
) -> str:
    """SHA-256 over an unambiguous serialisation of every column plus the previous hash."""
    payload = json.dumps(
        [event_id, occurred_at, actor, action, subject_type, subject_id, details, prev_hash],
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainVerdict:
    """The outcome of checking the whole chain."""

    events_checked: int
    first_broken_id: int | None = None
    problem: str | None = None

    @property
    def intact(self) -> bool:
        """True when every row checked out."""
        return self.first_broken_id is None

    def describe(self) -> str:
        """One line a person can read."""
        if self.intact:
            return f"Audit log intact: {self.events_checked} events, hash chain verified."
        return f"Audit log broken at event #{self.first_broken_id}: {self.problem}"


def verify_chain(records: Iterable[AuditRecord]) -> ChainVerdict:
    """Check links, content hashes and numbering; report the first broken row."""
    expected_prev = GENESIS_HASH
    expected_id: int | None = None
    checked = 0
    for record in records:
        if expected_id is None and record.id != 1:
            return ChainVerdict(checked, record.id, "the log does not start at event #1 (rows were removed).")
        if expected_id is not None and record.id != expected_id:
            return ChainVerdict(
                checked,
                record.id,
                f"event numbers jump from #{expected_id - 1} to #{record.id} (rows were removed).",
            )
        if record.prev_hash != expected_prev:
            return ChainVerdict(
                checked,
                record.id,
                "its link to the previous event does not match (rows removed or reordered).",
            )
        if record.row_hash != record.expected_hash():
            return ChainVerdict(checked, record.id, "its content does not match its hash (the row was edited).")
        checked += 1
        expected_prev = record.row_hash
        expected_id = record.id + 1
    return ChainVerdict(checked)


@dataclass(frozen=True)
class CheckpointResult:
    """One printed checkpoint compared with the log."""

    checkpoint: AuditHead
    problem: str | None = None

    def describe(self) -> str:
        """One line a person can read."""
        text = self.checkpoint.checkpoint()
        if self.problem is None:
            return f"Checkpoint {text}: matches event #{self.checkpoint.sequence}."
        return f"Checkpoint {text}: DOES NOT MATCH: {self.problem}"


def check_checkpoint(checkpoint: AuditHead, record: AuditRecord | None) -> CheckpointResult:
    """Compare a printed checkpoint with the event of that number (``None`` if the log has no such event)."""
    if record is None:
        return CheckpointResult(
            checkpoint,
            f"the log has no event #{checkpoint.sequence}: it was cut back or replaced by an older copy.",
        )
    if not checkpoint.matches(record):
        return CheckpointResult(
            checkpoint,
            f"event #{checkpoint.sequence} has another hash now: the log was rewritten after this checkpoint "
            "was printed.",
        )
    return CheckpointResult(checkpoint)


@dataclass(frozen=True)
class AuditVerdict:
    """Everything ``audit verify`` checks: the chain, the protective triggers and printed checkpoints."""

    chain: ChainVerdict
    trigger_problems: tuple[str, ...] = ()
    checkpoints: tuple[CheckpointResult, ...] = ()

    @property
    def intact(self) -> bool:
        """True when every check passed."""
        return self.chain.intact and not self.trigger_problems and all(c.problem is None for c in self.checkpoints)

    def lines(self) -> list[str]:
        """One line per finding, the chain first."""
        lines = [self.chain.describe()]
        if self.trigger_problems:
            lines += [f"Audit protection broken: {problem}." for problem in self.trigger_problems]
        else:
            lines.append("Protective triggers: as FaceDesk created them.")
        return lines + [result.describe() for result in self.checkpoints]
