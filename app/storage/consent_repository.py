"""SQL for consents, face templates and verification outcomes."""

from dataclasses import dataclass
from datetime import datetime

import numpy as np
import numpy.typing as npt

from app.domain.business import Purpose
from app.domain.checks import CheckMethod, CheckPurpose, CheckResult, DocumentCheck
from app.domain.clock import from_utc_text, to_utc_text
from app.domain.consent import Consenter, ConsentMethod
from app.domain.people import IdDocumentType
from app.domain.records import ConsentRecord
from app.domain.templates import TEMPLATE_DTYPE, template_to_bytes
from app.storage.connection import Row, inserted_id
from app.storage.database import Connection

_CONSENT = (
    "id, person_id, stay_id, purpose, notice_version, notice_sha256, language, method, consenter, "
    "guardian_name, guardian_relation, operator_id, device_id, given_at_utc, given_at_local, retention_until, "
    "withdrawn_at, expired_at, withdrawal_code"
)
TEMPLATE_MODEL = "dlib_resnet_v1_unit_aug6"  # unit-length; enrolment averages 6 augmented chips


PEOPLE_WITH_TEMPLATES_SQL = (
    "SELECT count(DISTINCT CASE WHEN p.date_of_birth IS NULL THEN 'person ' || p.id "
    "ELSE lower(trim(p.full_name)) || ' born ' || p.date_of_birth END) "
    "FROM face_templates t JOIN people p ON p.id = t.person_id"
)
ERASED_EVIDENCE = "-"  # an erased typed name, signature or guardian name


@dataclass(frozen=True)
class NewConsent:
    """Everything stored when a consent is given (R5)."""

    person_id: int
    stay_id: int | None
    purpose: Purpose
    notice_version: str
    notice_sha256: str
    language: str
    method: ConsentMethod
    affirmation: str
    consenter: Consenter
    guardian_name: str | None
    guardian_relation: str | None
    guardian_id_hash: str | None
    operator_id: int
    device_id: str
    given_at: datetime
    given_at_local: str  # wall-clock time at the desk, with its UTC offset
    retention_until: datetime
    withdrawal_code: str


@dataclass(frozen=True)
class RetentionDue:
    """A live consent the retention job must end."""

    consent_id: int
    person_id: int
    purpose: Purpose
    retention_until: datetime
    checked_out: bool
    templates: int
    last_use: datetime | None


class ConsentRepository:
    """Consents, templates and verifications on one connection."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def add(self, consent: NewConsent) -> int:
        """Insert a consent and return its id."""
        cursor = self._conn.execute(
            "INSERT INTO consents (person_id, stay_id, purpose, notice_version, notice_sha256, language, method, "
            "affirmation, consenter, guardian_name, guardian_relation, guardian_id_hash, operator_id, device_id, "
            "given_at_utc, given_at_local, retention_until, withdrawal_code) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                consent.person_id,
                consent.stay_id,
                consent.purpose.value,
                consent.notice_version,
                consent.notice_sha256,
                consent.language,
                consent.method.value,
                consent.affirmation,
                consent.consenter.value,
                consent.guardian_name,
                consent.guardian_relation,
                consent.guardian_id_hash,
                consent.operator_id,
                consent.device_id,
                to_utc_text(consent.given_at),
                consent.given_at_local,
                to_utc_text(consent.retention_until),
                consent.withdrawal_code,
            ),
        )
        return inserted_id(cursor)

    def get(self, consent_id: int) -> ConsentRecord | None:
        """The consent with this id."""
        row = self._conn.execute(f"SELECT {_CONSENT} FROM consents WHERE id = ?", (consent_id,)).fetchone()
        return _consent(row) if row else None

    def by_withdrawal_code(self, code: str) -> ConsentRecord | None:
        """The consent printed with this withdrawal code."""
        row = self._conn.execute(f"SELECT {_CONSENT} FROM consents WHERE withdrawal_code = ?", (code,)).fetchone()
        return _consent(row) if row else None

    def live_consent(self, person_id: int, purpose: Purpose) -> ConsentRecord | None:
        """The person's live consent for ``purpose`` (the newest, should there be several)."""
        row = self._conn.execute(
            f"SELECT {_CONSENT} FROM consents WHERE person_id = ? AND purpose = ? AND withdrawn_at IS NULL "
            "AND expired_at IS NULL ORDER BY id DESC LIMIT 1",
            (person_id, purpose.value),
        ).fetchone()
        return _consent(row) if row else None

    def consents_of(self, person_id: int) -> list[ConsentRecord]:
        """All consents of a person, oldest first."""
        rows = self._conn.execute(f"SELECT {_CONSENT} FROM consents WHERE person_id = ? ORDER BY id", (person_id,))
        return [_consent(row) for row in rows]

    def live_consents(self) -> list[ConsentRecord]:
        """Every live consent (for the retention job)."""
        rows = self._conn.execute(
            f"SELECT {_CONSENT} FROM consents WHERE withdrawn_at IS NULL AND expired_at IS NULL ORDER BY id"
        )
        return [_consent(row) for row in rows]

    def add_renewal(self, consent_id: int, renewal: NewConsent) -> int:
        """Keep the evidence of accepting a newer notice for an existing consent (R6)."""
        cursor = self._conn.execute(
            "INSERT INTO consent_renewals (consent_id, notice_version, notice_sha256, language, method, affirmation, "
            "operator_id, device_id, renewed_at_utc, renewed_at_local) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                consent_id,
                renewal.notice_version,
                renewal.notice_sha256,
                renewal.language,
                renewal.method.value,
                renewal.affirmation,
                renewal.operator_id,
                renewal.device_id,
                to_utc_text(renewal.given_at),
                renewal.given_at_local,
            ),
        )
        return inserted_id(cursor)

    def accepted_notice(self, consent_id: int) -> tuple[str, str] | None:
        """The SHA-256 and language of the newest notice text accepted under this consent."""
        row = self._conn.execute(
            "SELECT coalesce((SELECT notice_sha256 FROM consent_renewals WHERE consent_id = c.id ORDER BY id DESC "
            "LIMIT 1), c.notice_sha256), coalesce((SELECT language FROM consent_renewals WHERE consent_id = c.id "
            "ORDER BY id DESC LIMIT 1), c.language) FROM consents c WHERE c.id = ?",
            (consent_id,),
        ).fetchone()
        return (row[0], row[1]) if row else None

    def renewals_of(self, consent_id: int) -> list[dict[str, object]]:
        """The renewals of a consent, oldest first (for the person's export)."""
        rows = self._conn.execute(
            "SELECT notice_version, notice_sha256, language, method, renewed_at_utc FROM consent_renewals "
            "WHERE consent_id = ? ORDER BY id",
            (consent_id,),
        )
        keys = ("notice_version", "notice_sha256", "language", "method", "renewed_at")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def due_for_retention(self, now: datetime, unused_since: datetime) -> list[RetentionDue]:
        """Live consents past their retention date, or whose templates were all unused since ``unused_since``."""
        rows = self._conn.execute(
            "SELECT c.id, c.person_id, c.purpose, c.retention_until, s.checked_out_at, coalesce(t.n, 0), t.last_use "
            "FROM consents c LEFT JOIN stays s ON s.id = c.stay_id "
            "LEFT JOIN (SELECT consent_id, count(*) AS n, max(last_used_at) AS last_use FROM face_templates "
            "GROUP BY consent_id) t ON t.consent_id = c.id "
            "WHERE c.withdrawn_at IS NULL AND c.expired_at IS NULL AND (c.retention_until <= ? OR t.last_use <= ?) "
            "ORDER BY c.id",
            (to_utc_text(now), to_utc_text(unused_since)),
        )
        return [
            RetentionDue(
                consent_id=int(row[0]),
                person_id=int(row[1]),
                purpose=Purpose(row[2]),
                retention_until=from_utc_text(row[3]),
                checked_out=row[4] is not None,
                templates=int(row[5]),
                last_use=from_utc_text(row[6]) if row[6] else None,
            )
            for row in rows
        ]

    def withdraw(self, consent_id: int, *, at: datetime) -> None:
        """Mark withdrawn; the schema deletes its templates in the same statement."""
        self._conn.execute(
            "UPDATE consents SET withdrawn_at = ? WHERE id = ? AND withdrawn_at IS NULL",
            (to_utc_text(at), consent_id),
        )

    def expire(self, consent_id: int, *, at: datetime) -> None:
        """Mark expired under the retention rules; the schema deletes its templates."""
        self._conn.execute(
            "UPDATE consents SET expired_at = ? WHERE id = ? AND expired_at IS NULL",
            (to_utc_text(at), consent_id),
        )

    def erase_evidence_names(self, person_id: int) -> None:
        """Replace the names and signatures kept as consent evidence for a person erased on request.

        The consents stay (what was agreed, when, for how long, and when it ended), but the typed
        name or drawn signature, the guardian's name and the keyed hash of the guardian's document
        no longer identify anyone.
        """
        self._conn.execute(
            "UPDATE consents SET affirmation = ?, "
            "guardian_name = CASE WHEN consenter = 'guardian' THEN ? END, "
            "guardian_id_hash = CASE WHEN consenter = 'guardian' THEN ? END WHERE person_id = ?",
            (ERASED_EVIDENCE, ERASED_EVIDENCE, "0" * 64, person_id),
        )
        self._conn.execute(
            "UPDATE consent_renewals SET affirmation = ? "
            "WHERE consent_id IN (SELECT id FROM consents WHERE person_id = ?)",
            (ERASED_EVIDENCE, person_id),
        )

    def set_retention_until(self, consent_id: int, until: datetime) -> None:
        """Move a consent's retention date (actual checkout, end of employment)."""
        self._conn.execute("UPDATE consents SET retention_until = ? WHERE id = ?", (to_utc_text(until), consent_id))

    def add_template(self, person_id: int, consent_id: int, vector: npt.ArrayLike, *, at: datetime) -> int:
        """Store one 128-value template under a live consent."""
        when = to_utc_text(at)
        cursor = self._conn.execute(
            "INSERT INTO face_templates (person_id, consent_id, embedding, model, created_at, last_used_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (person_id, consent_id, template_to_bytes(vector), TEMPLATE_MODEL, when, when),
        )
        return inserted_id(cursor)

    def templates_of(self, person_id: int) -> npt.NDArray[np.float32]:
        """A person's templates as a (k, 128) array (matching only: never shown, never exported)."""
        blobs = [
            row[0]
            for row in self._conn.execute(
                "SELECT embedding FROM face_templates WHERE person_id = ? ORDER BY id", (person_id,)
            )
        ]
        if not blobs:
            return np.empty((0, 128), dtype=np.float32)
        return np.frombuffer(b"".join(blobs), dtype=TEMPLATE_DTYPE).reshape(len(blobs), 128).astype(np.float32)

    def templates_under(self, consent_id: int) -> int:
        """Templates stored under one consent."""
        return int(
            self._conn.execute("SELECT count(*) FROM face_templates WHERE consent_id = ?", (consent_id,)).fetchone()[0]
        )

    def template_count(self, person_id: int | None = None) -> int:
        """Templates held, for one person or in all."""
        if person_id is None:
            return int(self._conn.execute("SELECT count(*) FROM face_templates").fetchone()[0])
        return int(
            self._conn.execute("SELECT count(*) FROM face_templates WHERE person_id = ?", (person_id,)).fetchone()[0]
        )

    def last_template_use(self, consent_id: int) -> datetime | None:
        """When a template under this consent was last used (or created)."""
        value = self._conn.execute(
            "SELECT max(last_used_at) FROM face_templates WHERE consent_id = ?", (consent_id,)
        ).fetchone()[0]
        return from_utc_text(value) if value else None

    def touch_templates(self, person_id: int, *, at: datetime) -> None:
        """Record that the person's templates were used (for the three-year cap)."""
        self._conn.execute(
            "UPDATE face_templates SET last_used_at = ? WHERE person_id = ?", (to_utc_text(at), person_id)
        )

    def people_with_templates(self) -> int:
        """People with face data, counted as people, not documents (the filing counter, R21).

        One person may be on file twice, under two documents (a resident ID and a passport, say):
        records with the same name (letter case aside) and birth date count once.
        """
        return int(self._conn.execute(PEOPLE_WITH_TEMPLATES_SQL).fetchone()[0])

    def add_verification(
        self,
        *,
        person_id: int | None,
        stay_id: int | None,
        purpose: CheckPurpose,
        method: CheckMethod,
        result: CheckResult,
        operator_id: int | None,
        at: datetime,
        document_type: IdDocumentType | None = None,
        document_last4: str | None = None,
        document_check: DocumentCheck | None = None,
    ) -> int:
        """Record a check outcome, without any biometric value; a manual check says how it saw the document."""
        if (method is CheckMethod.MANUAL) != (document_check is not None):
            raise ValueError("a manual check, and only one, says how the document was checked")
        cursor = self._conn.execute(
            "INSERT INTO verifications (person_id, stay_id, purpose, method, result, id_document_type, "
            "id_document_last4, operator_id, occurred_at, document_check) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                person_id,
                stay_id,
                purpose.value,
                method.value,
                result.value,
                document_type.value if document_type is not None else None,
                document_last4,
                operator_id,
                to_utc_text(at),
                document_check.value if document_check is not None else None,
            ),
        )
        return inserted_id(cursor)

    def verifications_of(self, person_id: int) -> list[dict[str, object]]:
        """A person's check outcomes, oldest first."""
        rows = self._conn.execute(
            "SELECT id, stay_id, purpose, method, result, id_document_type, id_document_last4, occurred_at, "
            "document_check FROM verifications WHERE person_id = ? ORDER BY id",
            (person_id,),
        )
        keys = (
            "id",
            "stay_id",
            "purpose",
            "method",
            "result",
            "document_type",
            "document_last4",
            "occurred_at",
            "document_check",  # looked_at or card_read for a manual check
        )
        return [dict(zip(keys, row, strict=True)) for row in rows]


def _consent(row: Row) -> ConsentRecord:
    return ConsentRecord(
        id=int(row[0]),
        person_id=int(row[1]),
        stay_id=row[2],
        purpose=Purpose(row[3]),
        notice_version=row[4],
        notice_sha256=row[5],
        language=row[6],
        method=ConsentMethod(row[7]),
        consenter=Consenter(row[8]),
        guardian_name=row[9],
        guardian_relation=row[10],
        operator_id=int(row[11]),
        device_id=row[12],
        given_at=from_utc_text(row[13]),
        given_at_local=row[14],
        retention_until=from_utc_text(row[15]),
        withdrawn_at=from_utc_text(row[16]) if row[16] else None,
        expired_at=from_utc_text(row[17]) if row[17] else None,
        withdrawal_code=row[18],
    )
