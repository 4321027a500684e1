"""Table models and the timesheet document for the Staff door page.

The entry log says who came, when, and whether the door opened, and why not; like the attendance
tables it does not say face or PIN (the CSV export keeps the method as a plain record). The
timesheet has no method anywhere (R9, R24).
"""

from dataclasses import dataclass
from datetime import date, tzinfo

from PySide6.QtCore import QCoreApplication

from app.domain.access_rules import REFUSAL_SENTENCES, AccessRule, ShopHours, WeeklyHours
from app.domain.attendance import ClockDirection, ClockMethod
from app.domain.documents import Document, DocumentStyle, Facts, Paragraph, Table
from app.domain.entry_log import EntryRecord
from app.domain.timesheet import Timesheet
from app.domain.translatable import QT_TRANSLATE_NOOP
from app.ui.rows_model import RowsTableModel
from app.ui.staff.staff_models import hours_text

ENTRY_COLUMNS = (
    QT_TRANSLATE_NOOP("DoorModels", "Time"),
    QT_TRANSLATE_NOOP("DoorModels", "Name"),
    QT_TRANSLATE_NOOP("DoorModels", "In or out"),
    QT_TRANSLATE_NOOP("DoorModels", "Where"),
    QT_TRANSLATE_NOOP("DoorModels", "Entry"),
    QT_TRANSLATE_NOOP("DoorModels", "Door"),
)
ACCESS_COLUMNS = (
    QT_TRANSLATE_NOOP("DoorModels", "Name"),
    QT_TRANSLATE_NOOP("DoorModels", "Days"),
    QT_TRANSLATE_NOOP("DoorModels", "Hours"),
    QT_TRANSLATE_NOOP("DoorModels", "Dates"),
)
TEXTS = {
    "in": QT_TRANSLATE_NOOP("DoorModels", "In"),
    "out": QT_TRANSLATE_NOOP("DoorModels", "Out"),
    "kiosk": QT_TRANSLATE_NOOP("DoorModels", "Kiosk"),
    "desk": QT_TRANSLATE_NOOP("DoorModels", "Opened from the desk"),
    "granted": QT_TRANSLATE_NOOP("DoorModels", "Let in"),
    "refused": QT_TRANSLATE_NOOP("DoorModels", "Refused: %1"),
    "unknown_person": QT_TRANSLATE_NOOP("DoorModels", "(not recognised)"),
    "opened": QT_TRANSLATE_NOOP("DoorModels", "Opened"),
    "failed": QT_TRANSLATE_NOOP("DoorModels", "Could not open"),
    "no_door": QT_TRANSLATE_NOOP("DoorModels", "No door set up"),
    "waiting": QT_TRANSLATE_NOOP("DoorModels", "Opening…"),
    "shop_days": QT_TRANSLATE_NOOP("DoorModels", "Shop's days"),
    "shop_hours": QT_TRANSLATE_NOOP("DoorModels", "Shop's hours (%1)"),
    "all_day": QT_TRANSLATE_NOOP("DoorModels", "All day"),
    "always": QT_TRANSLATE_NOOP("DoorModels", "No end date"),
    "from": QT_TRANSLATE_NOOP("DoorModels", "From %1"),
    "until": QT_TRANSLATE_NOOP("DoorModels", "Until %1"),
    "between": QT_TRANSLATE_NOOP("DoorModels", "%1 to %2"),
}
WEEKDAYS = (
    QT_TRANSLATE_NOOP("DoorModels", "Mon"),
    QT_TRANSLATE_NOOP("DoorModels", "Tue"),
    QT_TRANSLATE_NOOP("DoorModels", "Wed"),
    QT_TRANSLATE_NOOP("DoorModels", "Thu"),
    QT_TRANSLATE_NOOP("DoorModels", "Fri"),
    QT_TRANSLATE_NOOP("DoorModels", "Sat"),
    QT_TRANSLATE_NOOP("DoorModels", "Sun"),
)
SHEET = {
    "title": QT_TRANSLATE_NOOP("DoorModels", "Monthly timesheet"),
    "person": QT_TRANSLATE_NOOP("DoorModels", "Staff member"),
    "business": QT_TRANSLATE_NOOP("DoorModels", "Business"),
    "month": QT_TRANSLATE_NOOP("DoorModels", "Month"),
    "total": QT_TRANSLATE_NOOP("DoorModels", "Hours worked"),
    "worked": QT_TRANSLATE_NOOP("DoorModels", "Days worked"),
    "absent": QT_TRANSLATE_NOOP("DoorModels", "Days absent"),
    "date": QT_TRANSLATE_NOOP("DoorModels", "Date"),
    "day": QT_TRANSLATE_NOOP("DoorModels", "Day"),
    "first_in": QT_TRANSLATE_NOOP("DoorModels", "First in"),
    "last_out": QT_TRANSLATE_NOOP("DoorModels", "Last out"),
    "hours": QT_TRANSLATE_NOOP("DoorModels", "Time worked"),
    "note": QT_TRANSLATE_NOOP("DoorModels", "Note"),
    "absent_note": QT_TRANSLATE_NOOP("DoorModels", "Absent"),
    "corrected_note": QT_TRANSLATE_NOOP("DoorModels", "Corrected by the manager"),
    "explain": QT_TRANSLATE_NOOP(
        "DoorModels",
        "Hours count from each clock-in to the clock-out that follows it. A day is absent when it was one of "
        "the staff member's working days and nobody clocked in or out. Manager corrections are counted and "
        "marked.",
    ),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("DoorModels", text)


@dataclass(frozen=True)
class StaffAccess:
    """A row of the access table: a staff member and their rule (None: the shop's hours)."""

    person_id: int
    name: str
    rule: AccessRule | None

    def __repr__(self) -> str:
        return f"StaffAccess(person_id={self.person_id})"

    __str__ = __repr__


def days_words(days: frozenset[int]) -> str:
    """Days as the desk reads them: "Mon–Fri", "Mon, Wed, Fri", "Every day"."""
    ordered = sorted(days)
    if len(ordered) == 7:
        return QCoreApplication.translate("Names", "Every day")
    if len(ordered) > 2 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{_t(WEEKDAYS[ordered[0]])}–{_t(WEEKDAYS[ordered[-1]])}"
    return ", ".join(_t(WEEKDAYS[day]) for day in ordered)


def hours_words(hours: WeeklyHours) -> str:
    """Hours as the desk reads them: "09:00–18:00", or "All day"."""
    if hours.all_day:
        return _t(TEXTS["all_day"])
    return f"{hours.start:%H:%M}–{hours.end:%H:%M}"


def dates_words(rule: AccessRule | None) -> str:
    """A rule's date range in words."""
    if rule is None or not rule.temporary:
        return _t(TEXTS["always"])
    if rule.valid_from and rule.valid_until:
        return (
            _t(TEXTS["between"]).replace("%1", rule.valid_from.isoformat()).replace("%2", rule.valid_until.isoformat())
        )
    if rule.valid_from:
        return _t(TEXTS["from"]).replace("%1", rule.valid_from.isoformat())
    assert rule.valid_until is not None  # noqa: S101 - temporary: one of the two is set
    return _t(TEXTS["until"]).replace("%1", rule.valid_until.isoformat())


def access_model(shop: ShopHours) -> RowsTableModel[StaffAccess]:
    """Staff members and when they may come in."""

    def cells(row: StaffAccess) -> tuple[str, ...]:
        hours = row.rule.hours if row.rule else None
        if hours is None:
            days = _t(TEXTS["shop_days"])
            time_text = _t(TEXTS["shop_hours"]).replace("%1", hours_words(shop.weekly()))
        else:
            days, time_text = days_words(hours.days), hours_words(hours)
        return (row.name, days, time_text, dates_words(row.rule))

    return RowsTableModel(ACCESS_COLUMNS, cells, _t)


def entry_model(zone: tzinfo) -> RowsTableModel[EntryRecord]:
    """Door decisions: time, name, in or out, kiosk or desk, let in or refused and why, what the door did."""

    def cells(row: EntryRecord) -> tuple[str, ...]:
        if row.granted:
            decision = _t(TEXTS["granted"])
        else:
            reason = QCoreApplication.translate("Entry", REFUSAL_SENTENCES[row.reason]) if row.reason else ""
            decision = _t(TEXTS["refused"]).replace("%1", reason)
        door = _t(TEXTS[row.door_result]) if row.door_result else (_t(TEXTS["waiting"]) if row.granted else "")
        direction = {ClockDirection.IN: TEXTS["in"], ClockDirection.OUT: TEXTS["out"], None: ""}[row.direction]
        return (
            row.occurred_at.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
            row.person_name or row.operator_name or _t(TEXTS["unknown_person"]),
            _t(direction) if direction else "",
            _t(TEXTS["desk"] if row.method is ClockMethod.MANAGER else TEXTS["kiosk"]),
            decision,
            door,
        )

    return RowsTableModel(ENTRY_COLUMNS, cells, _t)


def timesheet_document(sheet: Timesheet, business_name: str) -> Document:
    """The monthly timesheet as a printable document (no method column: R9, R24)."""
    rows = []
    for day in sheet.days:
        note = _t(SHEET["absent_note"]) if day.absent else _t(SHEET["corrected_note"]) if day.corrected else ""
        worked = hours_text(day.worked) if day.worked else ""
        rows.append(
            (
                day.day.isoformat(),
                _t(WEEKDAYS[day.day.weekday()]),
                day.first_in.strftime("%H:%M") if day.first_in else "",
                day.last_out.strftime("%H:%M") if day.last_out else "",
                worked,
                note,
            )
        )
    header = tuple(_t(SHEET[key]) for key in ("date", "day", "first_in", "last_out", "hours", "note"))
    facts = Facts(
        (
            (_t(SHEET["business"]), business_name),
            (_t(SHEET["person"]), sheet.person_name),
            (_t(SHEET["month"]), f"{sheet.month:%Y-%m}"),
            (_t(SHEET["total"]), hours_text(sheet.total_worked)),
            (_t(SHEET["worked"]), str(sheet.days_worked)),
            (_t(SHEET["absent"]), str(sheet.days_absent)),
        )
    )
    return Document(
        title=_t(SHEET["title"]),
        style=DocumentStyle.REPORT,
        blocks=(facts, Table(header, tuple(rows)), Paragraph(_t(SHEET["explain"]))),
    )


def month_start(day: date) -> date:
    """The first day of ``day``'s month."""
    return day.replace(day=1)
