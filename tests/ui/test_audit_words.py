"""The audit log's details read in words, in both languages, and every key the services write has its words."""

import re
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.domain.attendance import CorrectionReason
from app.domain.flows import AbandonReason
from app.domain.operators import OperatorSession
from app.services.check_in_service import GuestStay
from app.services.desk_services import DeskServices
from app.ui.audit_words import KEYS, VALUES, readable_details
from app.ui.desk_context import DeskContext
from app.ui.desk_pages import DeskPages
from tests.conftest import REPO_ROOT
from tests.ui.conftest import Camera

DETAIL_KEY = re.compile(r"details=\{([^}]*)\}")


def test_every_detail_key_the_services_write_has_words() -> None:
    written: set[str] = set()
    for path in (REPO_ROOT / "app" / "services").rglob("*.py"):
        for block in DETAIL_KEY.findall(path.read_text(encoding="utf-8")):
            written |= set(re.findall(r'"([a-z_]+)":', block))
    assert written, "no details found: the pattern no longer matches the code"
    assert sorted(written - set(KEYS)) == []


# Lines that write a reason or a status into an audit event; matching.py's reasons are the
# kiosk's own answers, never written to the log; cli_rights.py names sub-commands (its reason,
# cli_export, is listed in VALUES and checked by the CLI test).
REASON_LINE = re.compile(r'\breason\b|"status"')
NOT_AUDITED = {"app/domain/matching.py", "app/ui/audit_words.py", "app/cli_rights.py"}


def test_every_reason_and_status_the_code_writes_has_words() -> None:
    sources = {
        path: path.read_text(encoding="utf-8")
        for path in (REPO_ROOT / "app").rglob("*.py")
        if path.relative_to(REPO_ROOT).as_posix() not in NOT_AUDITED
    }
    # functions that take a reason as text, so that a call passing one by position is found too
    takers = set(re.findall(r"def (\w+)\([^)]*\breason: str", "\n".join(sources.values())))
    passes_a_reason = re.compile(r"\b(?:" + "|".join(sorted(takers)) + r")\(")
    written = {reason.value for reason in (*AbandonReason, *CorrectionReason)}
    for text in sources.values():
        for line in text.splitlines():
            if line.lstrip().startswith("#"):
                continue
            if REASON_LINE.search(line) or passes_a_reason.search(line):
                written |= set(re.findall(r'"([a-z_]+)"', line)) - set(KEYS)
    assert {"wrong_password", "checked_out", "ended_by_manager", "withdrawn"} <= written, "the patterns miss reasons"
    assert sorted(written - set(VALUES)) == []


def test_a_check_reads_as_words_not_codes() -> None:
    text = readable_details('{"document_check": "card_read", "result": "document_checked", "returning": false}')
    assert text == "Document: card read by the reader · Result: ID document checked · Returning guest: no"
    assert readable_details('{"languages": "zh_CN,en"}') == "Languages: Chinese, English"
    assert readable_details('{"unknown_key": "raw"}') == "unknown_key: raw"  # nothing hidden


def test_the_selected_event_is_shown_whole_beside_the_log(
    qtbot: QtBot, face_ready: DeskServices, manager: OperatorSession, register: Callable[..., GuestStay],
    photo_camera: Camera, make_context: Callable[..., DeskContext], tmp_path: Path,
) -> None:  # fmt: skip
    stay = register()
    face_ready.check_in.confirm_document(manager, stay.stay_id, matches=True)
    page = DeskPages(make_context(face_ready, manager, photo_camera)).audit()
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    events = [page.model.data(page.model.index(row, 3)) for row in range(page.model.rowCount())]
    row = next(row for row, event in enumerate(events) if event.startswith("ID document check"))
    page.table.selectRow(row)
    text = page.event_details.text()
    assert "Result: ID document checked" in text and "Document: looked at" in text
    assert manager.display_name in text
