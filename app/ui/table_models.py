"""Table models for the People and Audit log pages."""

from collections.abc import Callable, Mapping
from datetime import datetime, tzinfo

from PySide6.QtCore import QCoreApplication

from app.domain.audit import ActorKind, AuditRecord
from app.domain.clock import from_utc_text
from app.domain.incidents import IncidentRecord
from app.domain.people import PersonKind
from app.domain.rights import RightsRequestRow
from app.domain.translatable import QT_TRANSLATE_NOOP
from app.services.directory_service import PersonRow
from app.ui.audit_words import readable_details
from app.ui.names import audit_action_name
from app.ui.rows_model import RowsTableModel

PEOPLE_COLUMNS = (
    QT_TRANSLATE_NOOP("TableModels", "Name"),
    QT_TRANSLATE_NOOP("TableModels", "Type"),
    QT_TRANSLATE_NOOP("TableModels", "Room"),
    QT_TRANSLATE_NOOP("TableModels", "Face data"),
    QT_TRANSLATE_NOOP("TableModels", "Consent"),
    QT_TRANSLATE_NOOP("TableModels", "Face data deleted by"),
)
AUDIT_COLUMNS = (
    QT_TRANSLATE_NOOP("TableModels", "No."),
    QT_TRANSLATE_NOOP("TableModels", "Time"),
    QT_TRANSLATE_NOOP("TableModels", "By"),
    QT_TRANSLATE_NOOP("TableModels", "Event"),
    QT_TRANSLATE_NOOP("TableModels", "Details"),
)
REQUEST_COLUMNS = (
    QT_TRANSLATE_NOOP("TableModels", "Received"),
    QT_TRANSLATE_NOOP("TableModels", "Person"),
    QT_TRANSLATE_NOOP("TableModels", "Request"),
    QT_TRANSLATE_NOOP("TableModels", "Answer due"),
    QT_TRANSLATE_NOOP("TableModels", "Status"),
)
REQUEST_KINDS = {
    "access": QT_TRANSLATE_NOOP("TableModels", "See their data"),
    "copy": QT_TRANSLATE_NOOP("TableModels", "A copy of their data"),
    "correction": QT_TRANSLATE_NOOP("TableModels", "Correct their name"),
    "deletion": QT_TRANSLATE_NOOP("TableModels", "Delete their data"),
    "withdrawal": QT_TRANSLATE_NOOP("TableModels", "Withdraw consent to face data"),
    "explanation": QT_TRANSLATE_NOOP("TableModels", "Explain how their data is used"),
}
REQUEST_STATES = {
    "open": QT_TRANSLATE_NOOP("TableModels", "Open"),
    "fulfilled": QT_TRANSLATE_NOOP("TableModels", "Answered"),
    "refused": QT_TRANSLATE_NOOP("TableModels", "Refused"),
}
ERASED_PERSON = QT_TRANSLATE_NOOP("TableModels", "Personal data deleted")
KEPT_UNTIL = QT_TRANSLATE_NOOP("TableModels", "%1; the guest register keeps the registration until %2")
NOBODY = QT_TRANSLATE_NOOP("TableModels", "Nobody on file")
INCIDENT_COLUMNS = (
    QT_TRANSLATE_NOOP("TableModels", "No."),
    QT_TRANSLATE_NOOP("TableModels", "Recorded"),
    QT_TRANSLATE_NOOP("TableModels", "When it happened"),
    QT_TRANSLATE_NOOP("TableModels", "Data involved"),
    QT_TRANSLATE_NOOP("TableModels", "People notified"),
)
NOT_YET = QT_TRANSLATE_NOOP("TableModels", "Not yet")
LIST_SEPARATOR = QT_TRANSLATE_NOOP("TableModels", ", ")  # between items of a list (Chinese: 、)
CONSENT_STATES = {
    "live": QT_TRANSLATE_NOOP("TableModels", "Given"),
    "withdrawn": QT_TRANSLATE_NOOP("TableModels", "Withdrawn"),
    "ended": QT_TRANSLATE_NOOP("TableModels", "Ended"),
    "none": QT_TRANSLATE_NOOP("TableModels", "None"),
}
GUEST = QT_TRANSLATE_NOOP("TableModels", "Guest")
STAFF = QT_TRANSLATE_NOOP("TableModels", "Staff")
FACE_DATA_HELD = QT_TRANSLATE_NOOP("TableModels", "Held")


def _t(text: str) -> str:
    return QCoreApplication.translate("TableModels", text)


def people_model(zone: tzinfo) -> RowsTableModel[PersonRow]:
    """People with their stay, face data, consent state and the date their face data goes."""

    def cells(row: PersonRow) -> tuple[str, ...]:
        return (
            row.name,
            _t(GUEST) if row.kind is PersonKind.GUEST else _t(STAFF),
            row.room or "",
            _t(FACE_DATA_HELD) if row.templates else _t(CONSENT_STATES["none"]),
            _t(CONSENT_STATES[row.consent_state]),
            row.delete_by.astimezone(zone).strftime("%Y-%m-%d %H:%M") if row.delete_by else "",
        )

    return RowsTableModel(PEOPLE_COLUMNS, cells, _t)


ACTORS = {
    ActorKind.SYSTEM.value: QT_TRANSLATE_NOOP("TableModels", "FaceDesk (automatic)"),
    ActorKind.COMMAND_LINE.value: QT_TRANSLATE_NOOP("TableModels", "Command line"),
    ActorKind.ANONYMOUS.value: QT_TRANSLATE_NOOP("TableModels", "Unknown user name"),
    ActorKind.GUEST.value: QT_TRANSLATE_NOOP("TableModels", "The guest"),
}
KIOSK_ACTOR = QT_TRANSLATE_NOOP("TableModels", "Staff entry kiosk")
FORMER_OPERATOR = QT_TRANSLATE_NOOP("TableModels", "Operator %1")


def actor_name(label: str, operators: Mapping[int, str]) -> str:
    """Who acted, in words: the operator's name, the kiosk, FaceDesk itself (``operator:3`` -> "Wang Fang")."""
    kind, _, number = label.partition(":")
    if kind == ActorKind.OPERATOR.value and number.isdigit():
        return operators.get(int(number)) or _t(FORMER_OPERATOR).replace("%1", number)
    if kind == ActorKind.KIOSK.value:
        return _t(KIOSK_ACTOR)
    return _t(ACTORS[kind]) if kind in ACTORS else label


def audit_model(zone: tzinfo, operators: Mapping[int, str] | None = None) -> RowsTableModel[AuditRecord]:
    """Audit events, newest first, saying who acted by name. They hold no guest names or biometric data."""
    names = operators if operators is not None else {}

    def cells(record: AuditRecord) -> tuple[str, ...]:
        subject = f" #{record.subject_id}" if record.subject_id is not None else ""
        return (
            str(record.id),
            from_utc_text(record.occurred_at).astimezone(zone).strftime("%Y-%m-%d %H:%M:%S"),
            actor_name(record.actor, names),
            audit_action_name(record.action) + subject,
            readable_details(record.details),
        )

    return RowsTableModel(AUDIT_COLUMNS, cells, _t)


def request_kind_name(kind: str) -> str:
    """A rights request's kind in plain words, translated."""
    return _t(REQUEST_KINDS[kind])


def rights_requests_model(zone: tzinfo) -> RowsTableModel[RightsRequestRow]:
    """The request register: when, who, what, by when it is answered, and how it ended."""

    def cells(row: RightsRequestRow) -> tuple[str, ...]:
        person = _t(ERASED_PERSON) if row.erased else row.person_name or _t(NOBODY)
        status = _t(REQUEST_STATES[row.status])
        if row.refusal_reason:
            status = f"{status}: {row.refusal_reason}"
        elif row.register_kept_until is not None and not row.erased:
            status = _t(KEPT_UNTIL).replace("%1", status).replace("%2", row.register_kept_until.isoformat())
        return (
            row.received_at.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
            person,
            request_kind_name(row.kind),
            row.due_on.isoformat() if row.status == "open" else "",
            status,
        )

    return RowsTableModel(REQUEST_COLUMNS, cells, _t)


def incidents_model(zone: tzinfo, kind_name: Callable[[str], str]) -> RowsTableModel[IncidentRecord]:
    """The incident register: number, when recorded, when it happened, what data, whether people were told."""

    def local(moment: datetime) -> str:
        return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M")

    def cells(row: IncidentRecord) -> tuple[str, ...]:
        return (
            str(row.id),
            local(row.recorded_at),
            f"{local(row.occurred_from)} - {local(row.occurred_to)}",
            _t(LIST_SEPARATOR).join(kind_name(kind) for kind in row.data_kinds),
            local(row.people_notified_at) if row.people_notified_at else _t(NOT_YET),
        )

    return RowsTableModel(INCIDENT_COLUMNS, cells, _t)
