"""``facedesk audit show``: the log in plain words for a Manager or Admin, in English, Chinese and JSON."""

import json

import pytest

from app.domain.people import IdDocumentType
from app.domain.roles import Role
from app.services.desk_services import DeskServices
from tests.conftest import FaceDeskCli
from tests.helpers.clock import FakeClock
from tests.integration.conftest import CLI_ENV
from tests.integration.services.conftest import adult, two_nights

RAW_CODES = ("operator:", "document_checked", "looked_at", "check_in.", "stay_id", "returning")


@pytest.fixture
def checked_in_by_hand(passphrase_desk: DeskServices, clock: FakeClock) -> None:
    """A desk operator (Xiao Li) and a guest checked in by the manual ID check."""
    desk = passphrase_desk
    boss = desk.operators.sign_in("boss", "boss-password-1")
    desk.operators.create_operator(
        boss, username="xiaoli", display_name="Xiao Li", role=Role.DESK, password="xiaoli-pass-1"
    )
    guest = adult(clock, "Zhang San", serial="222")
    stay = desk.check_in.register(boss, guest, two_nights(clock, "1302"))
    desk.check_in.complete_manual(boss, stay.stay_id, IdDocumentType.RESIDENT_ID, guest.document.number)
    desk.operators.sign_out(boss)
    desk.close()


@pytest.mark.req("R17")
def test_the_log_reads_in_words_with_names_and_no_codes(cli: FaceDeskCli, checked_in_by_hand: None) -> None:
    result = cli("audit", "show", "--operator", "boss", env=CLI_ENV)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    check = next(line for line in lines if "ID document check" in line)
    assert "Wang Fang:" in check and "Result: ID document checked" in check and "Document: looked at" in check
    assert any("Operator account created" in line and "Role: Desk" in line for line in lines)
    assert "Why: signed out" in result.stdout
    assert not [code for code in RAW_CODES if code in result.stdout]
    assert "Zhang San" not in result.stdout  # the log names operators, never guests
    assert "Signed in" in lines[-1]  # newest last: this very reading signed in


def test_the_log_reads_in_chinese_with_the_global_language_option(cli: FaceDeskCli, checked_in_by_hand: None) -> None:
    result = cli("--lang", "zh_CN", "audit", "show", "--operator", "boss", env=CLI_ENV)
    assert result.returncode == 0, result.stderr
    check = next(line for line in result.stdout.splitlines() if "证件" in line and "Wang Fang" in line)
    assert "Result" not in check and "ID document" not in check
    assert not [code for code in RAW_CODES if code in result.stdout]


def test_json_keeps_the_stored_codes_beside_the_words_and_the_count_is_kept(
    cli: FaceDeskCli, checked_in_by_hand: None
) -> None:
    result = cli("audit", "show", "--operator", "boss", "--last", "4", "--json", env=CLI_ENV)
    assert result.returncode == 0, result.stderr
    events = json.loads(result.stdout)["events"]
    assert len(events) == 4
    assert [event["id"] for event in events] == sorted((event["id"] for event in events), reverse=True)
    newest = events[0]
    assert (
        newest["action"] == "login.succeeded"
        and newest["by"] == "Wang Fang"
        and newest["actor"].startswith("operator:")
    )
    assert all(isinstance(event["details"], dict) for event in events)


@pytest.mark.req("R16")
def test_a_desk_operator_may_not_read_the_log(cli: FaceDeskCli, checked_in_by_hand: None) -> None:
    result = cli(
        "audit", "show", "--operator", "xiaoli", env={**CLI_ENV, "FACEDESK_OPERATOR_PASSWORD": "xiaoli-pass-1"}
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert result.stderr.strip().count("\n") == 0  # one line saying why
