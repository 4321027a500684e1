"""``facedesk requests`` and ``facedesk request`` on a real database, as separate processes (R19).

Before these commands, only ``export-person`` reached R19 from the command line.
"""

import json
from pathlib import Path

import pytest

from app.services.desk_services import DeskServices
from tests.conftest import FaceDeskCli
from tests.helpers.clock import FakeClock
from tests.helpers.enrolment import enrolled_guest
from tests.helpers.pdf_text import pdf_text
from tests.integration.conftest import CLI_ENV
from tests.integration.services.conftest import SourceSpy, adult, two_nights


@pytest.fixture
def guests(passphrase_desk: DeskServices, clock: FakeClock, shared_datasets: Path) -> dict[str, int]:
    """Li Wei booked and enrolled but never checked in; Zhang San stayed (checked in with face)."""
    desk = passphrase_desk
    boss = desk.operators.sign_in("boss", "boss-password-1")
    photos = [shared_datasets / "images" / n for n in ("obama.jpg", "obama-1080p.jpg", "obama-720p.jpg")]
    booked = desk.check_in.register(boss, adult(clock), two_nights(clock, "1208"))
    enrolled_guest(desk, boss, booked, SourceSpy(photos))
    stayed = desk.check_in.register(boss, adult(clock, "Zhang San", serial="222"), two_nights(clock, "0815"))
    enrolled_guest(desk, boss, stayed, SourceSpy(photos), name="Zhang San")
    desk.check_in.complete_with_face(boss, stayed.stay_id)
    desk.close()
    return {"booked": booked.person_id, "stayed": stayed.person_id}


def run(cli: FaceDeskCli, *args: str) -> str:
    result = cli(*args, "--operator", "boss", env=CLI_ENV)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.req("R19")
def test_requests_are_registered_answered_and_refused_from_the_command_line(
    cli: FaceDeskCli, guests: dict[str, int], tmp_path: Path
) -> None:
    (tmp_path / "copy").mkdir()
    unchecked = cli("request", "open", "--person", str(guests["booked"]), "--kind", "deletion",
                    "--operator", "boss", env=CLI_ENV)  # fmt: skip
    assert unchecked.returncode == 2 and "--identity-checked" in unchecked.stderr
    assert json.loads(run(cli, "requests", "--json")) == []  # nothing registered

    opened = run(cli, "request", "open", "--person", str(guests["booked"]), "--kind", "deletion", "--identity-checked")
    assert opened.startswith("Registered request #1 (deletion); answer it by ")
    answered = run(cli, "request", "answer", "1")
    assert "Deleted the person's name, ID document, birth date and stays, and 3 face templates" in answered

    run(cli, "request", "open", "--person", str(guests["stayed"]), "--kind", "deletion", "--identity-checked")
    kept = run(cli, "request", "answer", "2")
    assert "Deleted 3 face templates. The guest register keeps the registration until 2028-03-04" in kept

    run(cli, "request", "open", "--person", str(guests["stayed"]), "--kind", "copy", "--identity-checked")
    no_file = cli("request", "answer", "3", "--operator", "boss", env=CLI_ENV)
    assert no_file.returncode == 2 and "--out FILE.pdf" in no_file.stderr
    (tmp_path / "zhang.json").write_text("{}", encoding="utf-8")  # a file of that name is there already
    taken = cli("request", "answer", "3", "--out", str(tmp_path / "zhang.pdf"), "--operator", "boss", env=CLI_ENV)
    assert taken.returncode == 2 and "zhang.json already exists" in taken.stderr
    assert not (tmp_path / "zhang.pdf").exists()  # nothing written, the request still open
    answered = run(cli, "request", "answer", "3", "--out", str(tmp_path / "copy" / "zhang.pdf"))
    assert "zhang.pdf and zhang.json; request #3 is answered" in answered
    assert json.loads((tmp_path / "copy" / "zhang.json").read_text(encoding="utf-8"))["person"]["name"] == "Zhang San"
    assert "Copy of your personal information" in " ".join(pdf_text(tmp_path / "copy" / "zhang.pdf").split())

    run(cli, "request", "open", "--person", str(guests["stayed"]), "--kind", "explanation", "--identity-checked")
    blank = cli("request", "refuse", "4", "--reason", " ", "--operator", "boss", env=CLI_ENV)
    assert blank.returncode == 2 and "reason" in blank.stderr
    run(cli, "request", "refuse", "4", "--reason", "Explained in writing on 2 March.")
    again = cli("request", "answer", "4", "--operator", "boss", env=CLI_ENV)
    assert again.returncode == 4 and "already closed" in again.stderr

    register = {row["request"]: row for row in json.loads(run(cli, "requests", "--json"))}
    assert register[1]["personal_data_deleted"] and register[1]["name"] is None
    assert register[2]["name"] == "Zhang San" and register[2]["status"] == "fulfilled"
    assert (register[4]["status"], register[4]["refusal_reason"]) == ("refused", "Explained in writing on 2 March.")
    assert "Li Wei" not in run(cli, "requests")
    assert run(cli, "requests").splitlines()[0] == "4 requests, 0 open"
