"""The R1-R24 table of the Compliance page: each requirement, met or needing one action."""

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QBrush, QColor

from app.domain.translatable import QT_TRANSLATE_NOOP
from app.services.dashboard_service import Dashboard, Reason, RequirementStatus
from app.ui.rows_model import RowsTableModel

COLUMNS = (
    QT_TRANSLATE_NOOP("Dashboard", "No."),
    QT_TRANSLATE_NOOP("Dashboard", "Requirement"),
    QT_TRANSLATE_NOOP("Dashboard", "Status"),
    QT_TRANSLATE_NOOP("Dashboard", "What it means now"),
)
MET = QT_TRANSLATE_NOOP("Dashboard", "Met")
NEEDS_ACTION = QT_TRANSLATE_NOOP("Dashboard", "Needs action")
TITLES = {
    "R1": QT_TRANSLATE_NOOP("Dashboard", "Specific purpose"),
    "R2": QT_TRANSLATE_NOOP("Dashboard", "Impact assessment before processing"),
    "R3": QT_TRANSLATE_NOOP("Dashboard", "Notice before collection"),
    "R4": QT_TRANSLATE_NOOP("Dashboard", "Separate, explicit consent"),
    "R5": QT_TRANSLATE_NOOP("Dashboard", "Consent evidence"),
    "R6": QT_TRANSLATE_NOOP("Dashboard", "New consent when the notice changes"),
    "R7": QT_TRANSLATE_NOOP("Dashboard", "Guardian consent under 14"),
    "R8": QT_TRANSLATE_NOOP("Dashboard", "Face is never the only way"),
    "R9": QT_TRANSLATE_NOOP("Dashboard", "No pressure or misleading wording"),
    "R10": QT_TRANSLATE_NOOP("Dashboard", "Easy withdrawal and deletion"),
    "R11": QT_TRANSLATE_NOOP("Dashboard", "Data stays on this computer"),
    "R12": QT_TRANSLATE_NOOP("Dashboard", "Templates, never images"),
    "R13": QT_TRANSLATE_NOOP("Dashboard", "Shortest retention"),
    "R14": QT_TRANSLATE_NOOP("Dashboard", "Real deletion"),
    "R15": QT_TRANSLATE_NOOP("Dashboard", "Encryption"),
    "R16": QT_TRANSLATE_NOOP("Dashboard", "Access control"),
    "R17": QT_TRANSLATE_NOOP("Dashboard", "Audit log"),
    "R18": QT_TRANSLATE_NOOP("Dashboard", "Intrusion detection"),
    "R19": QT_TRANSLATE_NOOP("Dashboard", "Rights requests"),
    "R20": QT_TRANSLATE_NOOP("Dashboard", "Breach handling"),
    "R21": QT_TRANSLATE_NOOP("Dashboard", "Filing at 100,000 people"),
    "R22": QT_TRANSLATE_NOOP("Dashboard", "Signage, never in private spaces"),
    "R23": QT_TRANSLATE_NOOP("Dashboard", "Accessibility"),
    "R24": QT_TRANSLATE_NOOP("Dashboard", "Purpose limitation"),
}
REASONS = {
    Reason.AVAILABLE: QT_TRANSLATE_NOOP("Dashboard", "In place: %2."),
    Reason.MISSING_IN_BUILD: QT_TRANSLATE_NOOP(
        "Dashboard", "Not complete in this version of FaceDesk: it needs %2. Use paper records meanwhile."
    ),
    Reason.CODE_RULE: QT_TRANSLATE_NOOP(
        "Dashboard", "A rule of FaceDesk's code, nothing to use or set; its tests are listed in docs/COMPLIANCE.md."
    ),
    Reason.PURPOSES_RECORDED: QT_TRANSLATE_NOOP(
        "Dashboard", "Face recognition runs only for the recorded purposes (%1)."
    ),
    Reason.FACE_OFF: QT_TRANSLATE_NOOP("Dashboard", "No purpose is recorded, so face recognition is off."),
    Reason.PIA_CURRENT: QT_TRANSLATE_NOOP("Dashboard", "The impact assessment is current."),
    Reason.PIA_MISSING: QT_TRANSLATE_NOOP("Dashboard", "Record an impact assessment before face enrolment."),
    Reason.PIA_STALE: QT_TRANSLATE_NOOP(
        "Dashboard", "Something it covers has changed: record a new impact assessment."
    ),
    Reason.RETENTION_CLEAR: QT_TRANSLATE_NOOP("Dashboard", "Nothing is waiting for deletion."),
    Reason.AUDIT_BROKEN: QT_TRANSLATE_NOOP("Dashboard", "The audit log is broken at event #%1: record an incident."),
    Reason.NO_ALERTS: QT_TRANSLATE_NOOP("Dashboard", "No unread security alerts."),
    Reason.SIGN_CURRENT: QT_TRANSLATE_NOOP("Dashboard", "The sign matches the current business details."),
    Reason.SIGN_NEEDED: QT_TRANSLATE_NOOP("Dashboard", "Save the sign as PDF, print it and put it up at the desk."),
}
PATH_NAMES = {
    "page:front_desk": QT_TRANSLATE_NOOP("Dashboard", "Front desk"),
    "page:check_in": QT_TRANSLATE_NOOP("Dashboard", "Check in"),
    "page:verify": QT_TRANSLATE_NOOP("Dashboard", "Verify guest"),
    "page:withdraw": QT_TRANSLATE_NOOP("Dashboard", "Withdraw / opt out"),
    "page:settings": QT_TRANSLATE_NOOP("Dashboard", "Settings"),
    "page:rights": QT_TRANSLATE_NOOP("Dashboard", "Rights requests"),
    "page:incidents": QT_TRANSLATE_NOOP("Dashboard", "Incidents"),
    "cli:export-person": "facedesk export-person",
    "cli:request": "facedesk request",
}
LIST_SEPARATOR = QT_TRANSLATE_NOOP("Dashboard", ", ")  # between items of a list (Chinese: 、)
_ATTENTION = QColor("#8a4b00")


def _t(text: str) -> str:
    return QCoreApplication.translate("Dashboard", text)


def status_text(row: RequirementStatus) -> str:
    """The status word, Met or Needs action, in the language of the desk."""
    return _t(MET if row.met else NEEDS_ACTION)


COUNTED_REASONS = frozenset(
    {
        Reason.RETENTION_BACKLOG,
        Reason.AUDIT_INTACT,
        Reason.OPEN_ALERTS,
        Reason.BELOW_FILING_LEVELS,
        Reason.FILING_APPROACHING,
        Reason.FILING_DUE,
        Reason.FILINGS_OWED,
        Reason.FILED,
    }
)


class DashboardCounts(QObject):
    """The reasons that count something, with the plural forms of each language (Qt's ``%n``)."""

    def text(self, reason: Reason, n: int) -> str:
        """The sentence for a reason in :data:`COUNTED_REASONS`, counting ``n``."""
        match reason:
            case Reason.RETENTION_BACKLOG:
                return self.tr("%Ln consents are past their retention date: apply retention now.", "", n)
            case Reason.AUDIT_INTACT:
                return self.tr("The audit chain is intact (%Ln events).", "", n)
            case Reason.OPEN_ALERTS:
                return self.tr("%Ln unread security alerts: review them, then mark them read.", "", n)
            case Reason.BELOW_FILING_LEVELS:
                return self.tr("%Ln people with face data, below the first warning level.", "", n)
            case Reason.FILING_APPROACHING:
                return self.tr("%Ln people with face data: export the filing data and prepare the filing.", "", n)
            case Reason.FILING_DUE:
                return self.tr("%Ln people with face data: file now (export the filing data).", "", n)
            case Reason.FILINGS_OWED:
                return self.tr("%Ln filings to submit to the authority. Each is listed below with its deadline.", "", n)
            case Reason.FILED:
                return self.tr("Filed with the authority; %Ln people with face data.", "", n)
        raise ValueError(f"{reason.value} counts nothing")


def reason_text(row: RequirementStatus) -> str:
    """What the status means now, in the desk's language."""
    if row.reason in COUNTED_REASONS:
        return DashboardCounts().text(row.reason, row.count)
    paths = _t(LIST_SEPARATOR).join(_t(PATH_NAMES[path]) for path in row.paths)
    return _t(REASONS[row.reason]).replace("%1", f"{row.count:,}").replace("%2", paths)


def requirements_model() -> RowsTableModel[RequirementStatus]:
    """R1-R24 with status and the one thing to do; what needs action drawn in the attention colour."""

    def cells(row: RequirementStatus) -> tuple[str, ...]:
        return (row.requirement, _t(TITLES[row.requirement]), status_text(row), reason_text(row))

    def foreground(row: RequirementStatus, column: int) -> QBrush | None:
        return QBrush(_ATTENTION) if not row.met and column in (2, 3) else None

    return RowsTableModel(COLUMNS, cells, _t, foreground)


def needing_action_first(dashboard: Dashboard) -> list[RequirementStatus]:
    """The rows that need action first, then the rest, each in R order."""
    return sorted(dashboard.requirements, key=lambda row: row.met)
