"""People's rights over their data (PIPL 44-47, 50; R19), with bulk-export alerts (R18).

An export holds everything FaceDesk keeps on one person, and nothing on anyone else. Face
templates are never exported: the export says how many are held, not their numbers, because
they are useful only for matching. Every export, correction and request outcome is audited,
and a refusal cannot be recorded without a reason.
"""

import json
import logging
from collections.abc import Callable
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from app.config.files import output_error, write_via_new_file
from app.config.settings import GUEST_RECORD_MONTHS
from app.domain.audit import SYSTEM_ACTOR, Actor, AuditAction, operator_actor
from app.domain.clock import Clock
from app.domain.documents import Document
from app.domain.errors import InvalidInputError, NotFoundError, StateError
from app.domain.filing import add_working_days
from app.domain.guests import clean_name
from app.domain.operators import OperatorSession
from app.domain.people import PersonKind
from app.domain.retention import guest_record_kept_until
from app.domain.rights import DeletionOutcome, RightsRequestRow
from app.domain.roles import Permission
from app.services.access_control import AccessControl
from app.services.business_service import load_profile
from app.services.erasure import ERASED_BY_REQUEST, erase_person, withdraw_face_data
from app.services.person_export import person_document, person_export
from app.services.security_alerts import raise_security_alert
from app.storage.compliance_repository import RightsRequestRecord
from app.storage.database import Database
from app.storage.unit_of_work import UnitOfWork

logger = logging.getLogger(__name__)

REQUEST_KINDS = ("access", "copy", "correction", "deletion", "withdrawal", "explanation")
RESPONSE_WORKING_DAYS = 15  # the answer a person may expect, in Chinese working days (PIPL 50 practice)
BULK_EXPORT_LIMIT = 20  # exports by one operator within an hour before a security alert (R18)
BULK_EXPORT_WINDOW = timedelta(hours=1)


class RightsService:
    """Exports, corrections, deletions and the request register (Managers)."""

    def __init__(self, database: Database, access: AccessControl, clock: Clock, local_zone: tzinfo) -> None:
        self._db = database
        self._access = access
        self._clock = clock
        self._zone = local_zone

    def export_person(
        self,
        session: OperatorSession | None,
        person_id: int,
        *,
        actor: Actor | None = None,
        write: Callable[[dict[str, Any]], object] | None = None,
    ) -> dict[str, Any]:
        """Everything held on one person; audited, and alerting when one operator exports in bulk.

        Args:
            session: the Manager or Admin (``None`` on the command line with ``actor``).
            person_id: whose data.
            actor: who exports when there is no session.
            write: saves the export; it is audited only after ``write`` returns (a failed write is
                not recorded as an export).
        """
        operator = self._access.require(session, Permission.EXPORT_PERSONAL_DATA) if session else None
        who = operator_actor(operator.id) if operator else (actor or SYSTEM_ACTOR)
        with self._db.reading() as uow:
            data = person_export(uow, person_id)
        if write is not None:
            write(data)
        now = self._clock()
        with self._db.unit() as uow:
            uow.audit(AuditAction.PERSON_EXPORTED, who, at=now, subject=("person", person_id))
            recent = uow.audit_log.count_since(AuditAction.PERSON_EXPORTED, who, now - BULK_EXPORT_WINDOW)
            if recent == BULK_EXPORT_LIMIT + 1:
                logger.warning("Security alert: %s exported %d people's data within an hour.", who, recent)
                raise_security_alert(
                    uow,
                    "bulk_export",
                    now,
                    subject_id=operator.id if operator else None,
                    details={"export": "people", "exports_last_hour": recent},
                )
        return data

    def write_export(
        self, session: OperatorSession | None, person_id: int, target: Path, *, actor: Actor | None = None
    ) -> Path:
        """Write the export as readable JSON to a new file (never overwriting one), readable by this user only.

        The file appears whole or not at all, and the export is audited only once it is written.

        Raises:
            InvalidInputError: the file exists or its folder does not.
            DiskFullError, ReadOnlyError, StorageError: the file could not be written.
        """
        if target.is_symlink() or target.exists():
            raise InvalidInputError(f"{target.name} already exists; choose another file name.")

        def write(data: dict[str, Any]) -> None:
            text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
            try:
                write_via_new_file(target, lambda partial: partial.write_text(text, encoding="utf-8"))
            except OSError as exc:
                raise output_error(exc, target) from None

        self.export_person(session, person_id, actor=actor, write=write)
        return target

    def correct_name(self, session: OperatorSession, person_id: int, new_name: str) -> None:
        """Correct a person's name on request (R19); audited without the names themselves."""
        operator = self._access.require(session, Permission.HANDLE_RIGHTS_REQUEST)
        name = clean_name(new_name)
        now = self._clock()
        with self._db.unit() as uow:
            people = uow.people
            if people.get(person_id) is None:
                raise NotFoundError("There is no such person.")
            people.update_name(person_id, name, at=now)
            uow.audit(
                AuditAction.PERSON_CORRECTED,
                operator_actor(operator.id),
                at=now,
                subject=("person", person_id),
                details={"field": "name"},
            )

    def open_request(self, session: OperatorSession, person_id: int | None, kind: str) -> int:
        """Register a request after checking the requester's identity by hand."""
        operator = self._access.require(session, Permission.HANDLE_RIGHTS_REQUEST)
        if kind not in REQUEST_KINDS:
            raise InvalidInputError(f"A request is one of: {', '.join(REQUEST_KINDS)}.")
        now = self._clock()
        with self._db.unit() as uow:
            request_id = uow.compliance.add_request(person_id, kind, by_operator=operator.id, at=now)
            uow.audit(
                AuditAction.RIGHTS_REQUEST_OPENED,
                operator_actor(operator.id),
                at=now,
                subject=("person", person_id) if person_id else None,
                details={"request_id": request_id, "kind": kind},
            )
        return request_id

    def requests(self, session: OperatorSession | None, *, actor: Actor | None = None) -> list[RightsRequestRow]:
        """The request register: open requests first, each with the day its answer is due."""
        if session is not None:
            self._access.require(session, Permission.HANDLE_RIGHTS_REQUEST)
        elif actor is None:
            raise ValueError("the register is read by a signed-in Manager or from the command line")
        with self._db.reading() as uow:
            records = uow.compliance.all_requests()
            people = {pid: uow.people.get(pid) for pid in {r.person_id for r in records if r.person_id}}
            erased = {pid for pid in people if uow.people.erased_at(pid) is not None}
        rows = []
        for record in records:
            person = people.get(record.person_id) if record.person_id else None
            is_erased = record.person_id in erased
            outcome = json.loads(record.outcome) if record.outcome else {}
            kept = outcome.get("register_kept_until")
            rows.append(
                RightsRequestRow(
                    id=record.id,
                    person_id=record.person_id,
                    person_name=person.full_name if person and not is_erased else None,
                    erased=is_erased,
                    kind=record.kind,
                    received_at=record.received_at,
                    due_on=add_working_days(record.received_at.astimezone(self._zone).date(), RESPONSE_WORKING_DAYS),
                    status=record.status,
                    refusal_reason=record.refusal_reason,
                    closed_at=record.closed_at,
                    templates_deleted=outcome.get("templates_deleted"),
                    register_kept_until=date.fromisoformat(kept) if kept else None,
                )
            )
        return rows

    def fulfil_request(self, session: OperatorSession, request_id: int) -> None:
        """Close a request as fulfilled (a deletion request is fulfilled by :meth:`fulfil_deletion`)."""
        with self._db.reading() as uow:
            request = uow.compliance.get_request(request_id)
        if request is not None and request.kind == "deletion" and request.status == "open":
            raise StateError("A deletion request is answered by deleting the data: use Answer.")
        self._close(session, request_id, "fulfilled", None)

    def fulfil_deletion(self, session: OperatorSession, request_id: int) -> DeletionOutcome:
        """Delete what a deletion request asks for, and close it as fulfilled, in one transaction.

        Face data is deleted at once. The name, document number, birth date and stays are erased
        too, unless the guest register must still keep them (``retention/guest_record_months``
        after the last departure; PIPL 47 then allows keeping them, untouched, until that day).
        Staff records are employment records and are not erased here.

        Raises:
            NotFoundError: no such request.
            StateError: it is closed, not a deletion request, linked to nobody, or a staff member's.
        """
        operator = self._access.require(session, Permission.HANDLE_RIGHTS_REQUEST)
        actor = operator_actor(operator.id)
        now = self._clock()
        with self._db.unit() as uow:
            request = uow.compliance.get_request(request_id)
            if request is None:
                raise NotFoundError("There is no such request.")
            if request.status != "open":
                raise StateError("This request is already closed.")
            if request.kind != "deletion" or request.person_id is None:
                raise StateError("Only a deletion request for a person on file deletes personal data.")
            person = uow.people.get(request.person_id)
            if person is None:
                raise NotFoundError("There is no such person.")
            if person.kind is PersonKind.STAFF:
                raise StateError(
                    "Staff records are employment and payroll records the employer must keep. Withdraw the "
                    "staff member's face data on the Withdraw page, and refuse this request with that reason."
                )
            kept_until = self._register_kept_until(uow, request.person_id, now)
            if kept_until is None:
                templates = erase_person(uow, request.person_id, at=now, actor=actor, reason=ERASED_BY_REQUEST)
            else:
                templates = withdraw_face_data(uow, request.person_id, at=now, actor=actor, reason=ERASED_BY_REQUEST)
            outcome = {
                "templates_deleted": templates,
                "identity_erased": kept_until is None,
                "register_kept_until": kept_until.isoformat() if kept_until else None,
            }
            uow.compliance.close_request(
                request_id,
                status="fulfilled",
                reason=None,
                by_operator=operator.id,
                at=now,
                outcome=json.dumps(outcome),
            )
            uow.audit(
                AuditAction.RIGHTS_REQUEST_CLOSED,
                actor,
                at=now,
                subject=("person", request.person_id),
                details={"request_id": request_id, "status": "fulfilled", **outcome},
            )
        self._db.checkpoint()
        return DeletionOutcome(templates, kept_until is None, kept_until)

    def fulfil_with_export(
        self, session: OperatorSession, request_id: int, target: Path, write_pdf: Callable[[Document, Path], object]
    ) -> tuple[Path, Path]:
        """Answer an access or copy request: the person's data as a readable PDF and, beside it, as JSON.

        Both files are written or neither; then the request is closed. Returns (PDF, JSON).

        Raises:
            InvalidInputError: either file exists, or the folder does not.
        """
        request = self._open_request_of_kind(request_id, ("access", "copy"))
        assert request.person_id is not None  # noqa: S101 - checked above
        pdf, companion = target.with_suffix(".pdf"), target.with_suffix(".json")
        for path in (pdf, companion):
            if path.is_symlink() or path.exists():
                raise InvalidInputError(f"{path.name} already exists; choose another file name.")
        with self._db.reading() as uow:
            processor = load_profile(uow).processor_name

        def write_both(data: dict[str, Any]) -> None:
            text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
            try:
                write_via_new_file(companion, lambda partial: partial.write_text(text, encoding="utf-8"))
            except OSError as exc:
                raise output_error(exc, companion) from None
            try:
                write_pdf(person_document(data, processor), pdf)
            except BaseException:
                companion.unlink(missing_ok=True)  # both files or neither, and no export on record
                raise

        self.export_person(session, request.person_id, write=write_both)
        self.fulfil_request(session, request_id)
        return pdf, companion

    def fulfil_correction(self, session: OperatorSession, request_id: int, new_name: str) -> None:
        """Answer a correction request by correcting the name, then close it (both audited)."""
        request = self._open_request_of_kind(request_id, ("correction",))
        assert request.person_id is not None  # noqa: S101 - checked above
        self.correct_name(session, request.person_id, new_name)
        self.fulfil_request(session, request_id)

    def fulfil_withdrawal(self, session: OperatorSession, request_id: int) -> int:
        """Answer a withdrawal request: delete the person's face data and close it; return templates deleted."""
        operator = self._access.require(session, Permission.HANDLE_RIGHTS_REQUEST)
        request = self._open_request_of_kind(request_id, ("withdrawal",))
        assert request.person_id is not None  # noqa: S101 - checked above
        actor, now = operator_actor(operator.id), self._clock()
        with self._db.unit() as uow:
            templates = withdraw_face_data(uow, request.person_id, at=now, actor=actor, reason="rights_request")
            uow.compliance.close_request(
                request_id,
                status="fulfilled",
                reason=None,
                by_operator=operator.id,
                at=now,
                outcome=json.dumps({"templates_deleted": templates}),
            )
            uow.audit(
                AuditAction.RIGHTS_REQUEST_CLOSED,
                actor,
                at=now,
                subject=("person", request.person_id),
                details={"request_id": request_id, "status": "fulfilled", "templates_deleted": templates},
            )
        self._db.checkpoint()
        return templates

    def _open_request_of_kind(self, request_id: int, kinds: tuple[str, ...]) -> RightsRequestRecord:
        with self._db.reading() as uow:
            request = uow.compliance.get_request(request_id)
        if request is None:
            raise NotFoundError("There is no such request.")
        if request.status != "open":
            raise StateError("This request is already closed.")
        if request.kind not in kinds or request.person_id is None:
            raise StateError("This request asks for something else; answer it with its own button.")
        return request

    def deletion_plan(self, session: OperatorSession, request_id: int) -> DeletionOutcome:
        """What answering this deletion request would do now, without doing it (for the confirmation)."""
        self._access.require(session, Permission.HANDLE_RIGHTS_REQUEST)
        request = self._open_request_of_kind(request_id, ("deletion",))
        assert request.person_id is not None  # noqa: S101 - checked above
        with self._db.reading() as uow:
            kept_until = self._register_kept_until(uow, request.person_id, self._clock())
            templates = uow.consents.template_count(request.person_id)  # templates exist only under live consents
        return DeletionOutcome(templates, kept_until is None, kept_until)

    def _register_kept_until(self, uow: UnitOfWork, person_id: int, now: datetime) -> date | None:
        """The day a guest's registration may go, if that is still ahead (``None``: it may go now)."""
        person = uow.people.get(person_id)
        if person is None or person.kind is not PersonKind.GUEST:
            return None
        last_departure = uow.people.last_departure(person_id)
        if last_departure is None:
            return None  # a booking never checked in is not a stay the guest register records
        until = guest_record_kept_until(last_departure, uow.policy(GUEST_RECORD_MONTHS))
        return until if now.astimezone(self._zone).date() < until else None

    def refuse_request(self, session: OperatorSession, request_id: int, reason: str) -> None:
        """Close a request as refused; the reason is required and kept (R19)."""
        if len(reason.strip()) < 5:
            raise InvalidInputError("A refusal needs a reason the person can understand.")
        self._close(session, request_id, "refused", reason.strip())

    def _close(self, session: OperatorSession, request_id: int, status: str, reason: str | None) -> None:
        operator = self._access.require(session, Permission.HANDLE_RIGHTS_REQUEST)
        now = self._clock()
        with self._db.unit() as uow:
            compliance = uow.compliance
            request = compliance.get_request(request_id)
            if request is None:
                raise NotFoundError("There is no such request.")
            if request.status != "open":
                raise StateError("This request is already closed.")
            compliance.close_request(request_id, status=status, reason=reason, by_operator=operator.id, at=now)
            uow.audit(
                AuditAction.RIGHTS_REQUEST_CLOSED,
                operator_actor(operator.id),
                at=now,
                subject=("person", request.person_id) if request.person_id else None,
                details={"request_id": request_id, "status": status},
            )
