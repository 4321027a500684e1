"""``facedesk in-house`` and ``facedesk checkout`` on a real database, as separate processes (issue 15)."""

import json
from pathlib import Path

import pytest

from app.domain.people import IdDocumentType
from app.services.desk_services import DeskServices
from tests.conftest import FaceDeskCli
from tests.helpers.clock import FakeClock
from tests.helpers.enrolment import enrolled_guest
from tests.helpers.sweeps import sweep
from tests.integration.conftest import CLI_ENV
from tests.integration.services.conftest import SourceSpy, adult, two_nights


@pytest.fixture
def hotel(passphrase_desk: DeskServices, clock: FakeClock, shared_datasets: Path) -> dict[str, int]:
    """1208 checked in by face (3 templates), 0815 by ID, 2001 arriving, 3003 a party of two arriving, 4004 a party
    of two in the house."""
    desk = passphrase_desk
    boss = desk.operators.sign_in("boss", "boss-password-1")
    face = desk.check_in.register(boss, adult(clock), two_nights(clock, "1208"))
    photos = [shared_datasets / "images" / n for n in ("obama.jpg", "obama-1080p.jpg", "obama-720p.jpg")]
    enrolled_guest(desk, boss, face, SourceSpy(photos))
    desk.check_in.complete_with_face(boss, face.stay_id)
    zhang = adult(clock, "Zhang San", serial="222")
    by_id = desk.check_in.register(boss, zhang, two_nights(clock, "0815"))
    desk.check_in.decline_face(boss, by_id.stay_id)
    desk.check_in.complete_manual(boss, by_id.stay_id, IdDocumentType.RESIDENT_ID, zhang.document.number)
    arriving = desk.check_in.register(boss, adult(clock, "Li Na", serial="444"), two_nights(clock, "2001"))
    first = desk.check_in.register(boss, adult(clock, "Wang Wu", serial="555"), two_nights(clock, "3003"))
    second = desk.check_in.register(boss, adult(clock, "Wang Liu", serial="666"), two_nights(clock, "3003"))
    family = []
    for name, serial in (("Chen Hua", "777"), ("Chen Mei", "888")):
        stay = desk.check_in.register(boss, adult(clock, name, serial=serial), two_nights(clock, "4004"))
        desk.check_in.decline_face(boss, stay.stay_id)
        desk.check_in.confirm_document(boss, stay.stay_id, matches=True)
        family.append(stay.stay_id)
    desk.close()
    return {"face": face.stay_id, "id": by_id.stay_id, "arriving": arriving.stay_id, "party": first.stay_id,
            "party2": second.stay_id, "family": family[0], "family2": family[1]}  # fmt: skip


def in_house(cli: FaceDeskCli) -> dict:
    result = cli("in-house", "--json", "--operator", "boss", env=CLI_ENV)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_in_house_lists_the_day_and_checkout_deletes_the_face_data(cli: FaceDeskCli, hotel: dict[str, int]) -> None:
    day = in_house(cli)
    assert [row["room"] for row in day["arrivals"]] == ["2001", "3003", "3003"]
    assert [(row["room"], row["method"]) for row in day["in_house"]] == [
        ("0815", "id_document"), ("1208", "face"), ("4004", "id_document"), ("4004", "id_document"),
    ]  # fmt: skip
    face = next(row for row in day["in_house"] if row["room"] == "1208")
    assert face["name"] == "Li Wei" and face["face_data_until"] is not None
    assert "score" not in json.dumps(day) and "template" not in json.dumps(day)

    done = cli("checkout", "1208", "--operator", "boss", env=CLI_ENV)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Checked out room 1208 (stay #{hotel['face']}): 3 face templates deleted now."
    assert [row["room"] for row in in_house(cli)["in_house"]] == ["0815", "4004", "4004"]
    stats = json.loads(cli("stats", "--json", env=CLI_ENV).stdout)
    assert stats["face_templates"] == 0
    by_number = cli("checkout", f"#{hotel['id']}", "--operator", "boss", env=CLI_ENV)
    assert by_number.returncode == 0 and "no face data was held" in by_number.stdout


BAD_TARGETS = [
    ("9999", "No open stay is in room 9999."),
    ("#99999", "No open stay has the number 99999."),
    ("#abc", "No open stay has the number abc."),
    ("3003", "Nobody in room 3003 is checked in yet"),
    ("#{arriving}", "is not checked in yet"),
    ("   ", "Name a room, or a stay as #12."),
]


@pytest.mark.parametrize(("target", "words"), sweep(BAD_TARGETS, by_default=BAD_TARGETS[2:4], several_names=True))
def test_checkout_with_bad_input_says_so_in_one_line_and_changes_nothing(
    cli: FaceDeskCli, hotel: dict[str, int], target: str, words: str
) -> None:
    before = in_house(cli)
    result = cli("checkout", target.format(**hotel), "--operator", "boss", env=CLI_ENV)
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("facedesk: ") and words in line
    assert in_house(cli) == before


def test_a_wrong_operator_password_checks_nobody_out(cli: FaceDeskCli, hotel: dict[str, int]) -> None:
    before = in_house(cli)
    result = cli("checkout", "1208", "--operator", "boss", env={**CLI_ENV, "FACEDESK_OPERATOR_PASSWORD": "wrong-1"})
    assert result.returncode == 3 and "Wrong user name or password" in result.stderr
    assert in_house(cli) == before


def test_checkout_of_a_room_checks_the_whole_party_out(cli: FaceDeskCli, hotel: dict[str, int]) -> None:
    """A family in 4004 leaves together: naming the room checks out everyone in the house there."""
    done = cli("checkout", "4004", "--operator", "boss", env=CLI_ENV)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"Checked out room 4004 (stay #{hotel['family']}): no face data was held.",
        f"Checked out room 4004 (stay #{hotel['family2']}): no face data was held.",
    ]
    assert [row["room"] for row in in_house(cli)["in_house"]] == ["0815", "1208"]
