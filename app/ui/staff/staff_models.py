"""Table models for the Staff and Attendance pages.

The attendance tables show who came and went, never how: face and PIN are equal ways in, so
the method is not a column here (R9, R24). The CSV export keeps it as a plain record.
"""

from datetime import date, timedelta, tzinfo

from PySide6.QtCore import QCoreApplication

from app.domain.attendance import ClockDirection, ClockEvent, ClockMethod, DayAttendance
from app.domain.translatable import QT_TRANSLATE_NOOP
from app.services.staff_service import StaffMember
from app.ui.rows_model import RowsTableModel

STAFF_COLUMNS = (
    QT_TRANSLATE_NOOP("StaffModels", "Name"),
    QT_TRANSLATE_NOOP("StaffModels", "Face entry"),
    QT_TRANSLATE_NOOP("StaffModels", "PIN"),
    QT_TRANSLATE_NOOP("StaffModels", "Last working day"),
)
EVENT_COLUMNS = (
    QT_TRANSLATE_NOOP("StaffModels", "Time"),
    QT_TRANSLATE_NOOP("StaffModels", "Name"),
    QT_TRANSLATE_NOOP("StaffModels", "In or out"),
    QT_TRANSLATE_NOOP("StaffModels", "Recorded"),
)
DAY_COLUMNS = (
    QT_TRANSLATE_NOOP("StaffModels", "Day"),
    QT_TRANSLATE_NOOP("StaffModels", "Name"),
    QT_TRANSLATE_NOOP("StaffModels", "First in"),
    QT_TRANSLATE_NOOP("StaffModels", "Last out"),
    QT_TRANSLATE_NOOP("StaffModels", "Hours"),
)
TEXTS = {
    "on": QT_TRANSLATE_NOOP("StaffModels", "On"),
    "off": QT_TRANSLATE_NOOP("StaffModels", "Off"),
    "paused": QT_TRANSLATE_NOOP("StaffModels", "Paused: the notice changed, ask them to agree again"),
    "set": QT_TRANSLATE_NOOP("StaffModels", "Set"),
    "not_set": QT_TRANSLATE_NOOP("StaffModels", "Not set"),
    "in": QT_TRANSLATE_NOOP("StaffModels", "In"),
    "out": QT_TRANSLATE_NOOP("StaffModels", "Out"),
    "kiosk": QT_TRANSLATE_NOOP("StaffModels", "At the kiosk"),
    "manager": QT_TRANSLATE_NOOP("StaffModels", "Corrected by a manager"),
    "voided": QT_TRANSLATE_NOOP("StaffModels", "Corrected (not counted)"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("StaffModels", text)


def hours_text(worked: timedelta) -> str:
    """Worked time as hours and minutes, "7:45"."""
    minutes = int(worked.total_seconds() // 60)
    return f"{minutes // 60}:{minutes % 60:02d}"


def staff_model() -> RowsTableModel[StaffMember]:
    """Staff members: name, face entry on or off, PIN set or not, last working day."""

    def cells(member: StaffMember) -> tuple[str, ...]:
        return (
            member.name,
            _t(TEXTS["paused"] if member.renewal_needed else TEXTS["on"] if member.face_entry else TEXTS["off"]),
            _t(TEXTS["set"] if member.has_pin else TEXTS["not_set"]),
            member.employment_ended_on.isoformat() if member.employment_ended_on else "",
        )

    return RowsTableModel(STAFF_COLUMNS, cells, _t)


def event_model(zone: tzinfo) -> RowsTableModel[ClockEvent]:
    """A day's clock events: time, name, in or out, and whether the kiosk or a manager recorded it."""

    def cells(event: ClockEvent) -> tuple[str, ...]:
        recorded = TEXTS["manager"] if event.method is ClockMethod.MANAGER else TEXTS["kiosk"]
        return (
            event.occurred_at.astimezone(zone).strftime("%H:%M"),
            event.person_name,
            _t(TEXTS["in"] if event.direction is ClockDirection.IN else TEXTS["out"]),
            _t(TEXTS["voided"] if event.voided else recorded),
        )

    return RowsTableModel(EVENT_COLUMNS, cells, _t)


def day_model() -> RowsTableModel[DayAttendance]:
    """A week by person and day: first in, last out, hours."""

    def cells(day: DayAttendance) -> tuple[str, ...]:
        return (
            _day_text(day.day),
            day.person_name,
            day.first_in.strftime("%H:%M") if day.first_in else "",
            day.last_out.strftime("%H:%M") if day.last_out else "",
            hours_text(day.worked),
        )

    return RowsTableModel(DAY_COLUMNS, cells, _t)


def _day_text(day: date) -> str:
    return day.isoformat()
