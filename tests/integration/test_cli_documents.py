"""``signage``, ``pia`` and ``filing``: PDFs (and JSON) built from the installation's own records (R2, R21, R22).

The installation holds real data first: a guest enrolled from real photos with a resident ID, and
a staff member with a PIN. Every document is read back (pypdf) and searched, decoded, for
template bytes, identity numbers and images.
"""

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from app.config.paths import DataPaths
from app.domain.business import Purpose
from app.domain.consent import TypedName
from app.keystore import KeyManager
from app.services.desk_services import DeskServices
from app.storage.consent_repository import ConsentRepository
from app.storage.database import Database
from tests.conftest import FaceDeskCli
from tests.helpers.clock import FakeClock
from tests.helpers.enrolment import enrol_through_the_camera
from tests.helpers.pdf_text import decoded_streams, has_image, pdf_page_count, pdf_text
from tests.integration.conftest import CLI_ENV, CLI_PASSPHRASE
from tests.integration.services.conftest import SourceSpy, adult, two_nights

BUSINESS = "Lotus Inn"
CONTACT = "+86 10 1234 5678"
MANUAL_ZH = "人工查验证件"
MANUAL_EN = "manual ID document check"


@pytest.fixture
def held_data(passphrase_desk: DeskServices, clock: FakeClock, shared_datasets: Path) -> dict[str, object]:
    """A guest with face data (3 templates, resident ID) and a staff member with a PIN."""
    desk = passphrase_desk
    boss = desk.operators.sign_in("boss", "boss-password-1")
    details = adult(clock)
    guest = desk.check_in.register(boss, details, two_nights(clock))
    desk.consents.give(
        boss,
        person_id=guest.person_id,
        stay_id=guest.stay_id,
        purpose=Purpose.GUEST_VERIFICATION,
        notice=desk.consents.notice(Purpose.GUEST_VERIFICATION, "en"),
        affirmation=TypedName("Li Wei"),
    )
    camera = SourceSpy([shared_datasets / "images" / n for n in ("obama.jpg", "obama-1080p.jpg", "obama-720p.jpg")])
    enrol_through_the_camera(
        desk.faces.begin_enrolment(boss, person_id=guest.person_id, purpose=Purpose.GUEST_VERIFICATION,
                                   source_factory=camera)
    )  # fmt: skip
    staff = desk.staff.register(boss, adult(clock, "Zhang Min", serial="333"))
    desk.staff.set_pin(boss, staff, "4071")
    with desk.database.snapshot() as conn:
        templates = ConsentRepository(conn).templates_of(guest.person_id)
    desk.close()
    return {"number": details.document.number, "templates": templates.astype(np.float32).tobytes()}


def assert_holds_no_personal_data(path: Path, held: dict[str, object]) -> None:
    streams = decoded_streams(path)
    text = pdf_text(path)
    number = str(held["number"])
    assert number[-5:] not in text and number[-5:].encode() not in streams  # at most the last 4 characters
    templates = held["templates"]
    assert isinstance(templates, bytes)
    for start in range(0, len(templates), 16):
        assert templates[start : start + 16] not in streams
    assert not has_image(path)
    assert "Li Wei" not in text and "Zhang Min" not in text


@pytest.mark.usefixtures("cjk_fonts")  # reads Chinese back from the PDF
@pytest.mark.req("R22")
def test_signage_is_a_one_page_bilingual_sign_with_the_processor_and_the_manual_alternative(
    cli: FaceDeskCli, held_data: dict[str, object], tmp_path: Path
) -> None:
    out = tmp_path / "sign.pdf"
    result = cli("signage", "--out", str(out), env=CLI_ENV)
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    for needed in ("人脸识别", "Facial recognition", BUSINESS, CONTACT, MANUAL_ZH, MANUAL_EN, "optional", "自愿"):
        assert needed in " ".join(text.split()), needed
    assert "staff clocking in and out" in " ".join(text.split())  # both enabled purposes are named
    flat = " ".join(text.split())
    # issue 16, R22: how long face data is kept, and where the camera looks, in both languages
    assert "Your template is deleted when you check out" in flat and "您退房时模板即被删除" in flat
    assert "when your employment ends" in flat and "deleted within 7 days" in flat
    assert "Camera area: the hotel front desk counter" in flat and "摄像区域：酒店前台柜台" in flat
    assert pdf_page_count(out) == 1
    assert_holds_no_personal_data(out, held_data)
    english = tmp_path / "sign-en.pdf"
    assert cli("signage", "--out", str(english), "--lang", "en", env=CLI_ENV).returncode == 0
    assert "人脸识别" not in pdf_text(english)


@pytest.mark.usefixtures("cjk_fonts")  # reads Chinese back from the PDF
@pytest.mark.req("R2")
def test_the_pia_report_covers_the_four_items_and_the_processing_facts(
    cli: FaceDeskCli, held_data: dict[str, object], tmp_path: Path
) -> None:
    out = tmp_path / "pia.pdf"
    result = cli("pia", "--out", str(out), env=CLI_ENV)
    assert result.returncode == 0, result.stderr
    text = " ".join(pdf_text(out).split())
    for needed in (
        BUSINESS, CONTACT, "人脸识别", "Facial recognition", MANUAL_ZH, MANUAL_EN,
        "Lawfulness, legitimacy and necessity", "Impact on individuals", "Risks of leak, tampering and loss",
        "proportionate to the risks", "Wang Fang, owner", "2026-03-01",
        "Purposes", "Method", "Data items", "Retention", "Storage", "Security measures", "Counts",
        "People with face data: 1", "Face templates: 3", "SQLCipher", "Guests choose face verification",
    ):  # fmt: skip
        assert needed in text, needed
    assert "out of date" not in text
    assert "酒店前台 / Hotel front desk" in text and "hotel_front_desk" not in text  # words, not a code
    assert_holds_no_personal_data(out, held_data)


@pytest.mark.req("R21")
def test_filing_data_is_a_report_and_json_with_counts_a_chain_can_add_up(
    cli: FaceDeskCli, held_data: dict[str, object], tmp_path: Path
) -> None:
    pdf, data_file = tmp_path / "filing.pdf", tmp_path / "filing.json"
    result = cli("filing", "--out", str(pdf), "--json", str(data_file), env=CLI_ENV)
    assert result.returncode == 0, result.stderr
    data = json.loads(data_file.read_text(encoding="utf-8"))
    assert data["format"] == "facedesk-filing-data/1"
    assert data["processor"]["name"] == BUSINESS and data["processor"]["device_id"]
    assert data["purposes"] == ["guest_verification", "staff_entry"]
    assert data["counts"] == {"people_with_face_data": 1, "face_templates": 3, "live_consents": 1}
    assert data["filing"]["threshold"] == 100_000 and data["filing"]["reached_on"] is None
    assert data["pia"]["current"] is True and len(data["pia"]["report_sha256"]) == 64
    assert {"storage", "access", "audit", "lockout_attempts"} <= set(data["safeguards"])
    assert {"guest_grace_hours", "backup_days", "identify_threshold"} <= set(data["rules"])
    assert "manual ID document check" in data["method"]["manual_alternative"]
    text = " ".join(pdf_text(pdf).split())
    for needed in (BUSINESS, CONTACT, "Facial recognition filing data", "not reached (1 of 100,000)", MANUAL_EN):
        assert needed in text, needed
    assert "Hotel front desk" in text and "hotel_front_desk" not in text
    raw = data_file.read_text(encoding="utf-8")
    assert str(held_data["number"])[-5:] not in raw and "Li Wei" not in raw
    assert_holds_no_personal_data(pdf, held_data)
    assert cli("audit", "verify", env=CLI_ENV).returncode == 0


def test_documents_refuse_to_overwrite_and_pia_needs_an_assessment(
    cli: FaceDeskCli, held_data: dict[str, object], tmp_path: Path, data_dir: Path
) -> None:
    existing = tmp_path / "sign.pdf"
    existing.write_text("keep", encoding="utf-8")
    refused = cli("signage", "--out", str(existing), env=CLI_ENV)
    assert refused.returncode == 2 and "already exists" in refused.stderr
    assert existing.read_text(encoding="utf-8") == "keep"
    fresh = FaceDeskCli(tmp_path / "fresh", cli.base_env)
    env = {**CLI_ENV, "FACEDESK_ADMIN_PASSWORD": "boss-password-1"}
    assert fresh("init", "--business-name", BUSINESS, "--contact", CONTACT, "--admin", "boss", env=env).returncode == 0
    no_pia = fresh("pia", "--out", str(tmp_path / "p.pdf"), env=CLI_ENV)
    assert no_pia.returncode == 4
    assert no_pia.stderr.strip() == (
        "facedesk: No impact assessment is recorded yet: an administrator records one under Compliance first."
    )
    assert not (tmp_path / "p.pdf").exists()


def test_outputs_never_write_through_a_planted_symlink(
    cli: FaceDeskCli, held_data: dict[str, object], tmp_path: Path
) -> None:
    """Issue 14, item 4: a link at ``out/s.pdf.part`` made ``signage --out out/s.pdf`` overwrite its
    target; a dangling link at the ``--json`` path made ``filing`` create the link's target."""
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    (out / "s.pdf.part").symlink_to(victim)
    (out / "f.pdf.part").symlink_to(victim)
    result = cli("signage", "--out", str(out / "s.pdf"), env=CLI_ENV)
    assert result.returncode == 0, result.stderr
    assert victim.read_text(encoding="utf-8") == "precious"
    assert (out / "s.pdf").is_file() and not (out / "s.pdf").is_symlink()
    assert (out / "s.pdf").read_bytes().startswith(b"%PDF")
    dangling = tmp_path / "not-yet-there.json"
    (out / "f.json").symlink_to(dangling)
    refused = cli("filing", "--out", str(out / "f.pdf"), "--json", str(out / "f.json"), env=CLI_ENV)
    assert refused.returncode == 2 and "already exists" in refused.stderr
    assert not dangling.exists() and victim.read_text(encoding="utf-8") == "precious"
    written = cli("filing", "--out", str(out / "f.pdf"), "--json", str(out / "g.json"), env=CLI_ENV)
    assert written.returncode == 0, written.stderr
    assert victim.read_text(encoding="utf-8") == "precious"
    assert json.loads((out / "g.json").read_text(encoding="utf-8"))["format"] == "facedesk-filing-data/1"
    leftovers = sorted(p.name for p in out.iterdir() if p.name.endswith(".part") and not p.is_symlink())
    assert leftovers == []  # no temporary file left behind


def audit_actions(paths: DataPaths) -> list[str]:
    key = KeyManager(paths.key_file, None).unlock(CLI_PASSPHRASE)
    database, _ = Database.open(paths.database, key, upgrade=False)
    try:
        with database.reading() as uow:
            return [record.action for record in uow.audit_log.iter_all()]
    finally:
        database.close()


@pytest.mark.req("R17")
def test_the_audit_log_records_only_outputs_that_were_written(
    cli: FaceDeskCli, held_data: dict[str, object], paths: DataPaths, tmp_path: Path
) -> None:
    """Issue 14 item 10: `person.exported` was audited for an --out that could not be written, `document.*`
    for PDFs never written, and `filing` left its PDF behind when the JSON could not be written."""
    before = audit_actions(paths)
    missing = tmp_path / "no-such-folder"
    ok = tmp_path / "ok"
    ok.mkdir()
    attempts = [
        ["export-person", "1", "--out", str(missing / "export.json"), "--operator", "boss"],
        ["pia", "--out", str(missing / "pia.pdf")],
        ["signage", "--out", str(missing / "sign.pdf")],
        ["attendance", "--from", "2026-01-01", "--to", "2026-12-31", "--out", str(missing / "a.csv")],
        ["filing", "--out", str(missing / "filing.pdf"), "--json", str(ok / "filing.json")],
        ["filing", "--out", str(ok / "filing.pdf"), "--json", str(missing / "filing.json")],
    ]
    for command in attempts:
        result = cli(*command, env=CLI_ENV)
        assert result.returncode == 2, (command, result.stderr)
        (line,) = result.stderr.strip().splitlines()
        assert "no-such-folder does not exist" in line and "was not written" in line
    assert list(ok.iterdir()) == []  # both files or neither
    after = audit_actions(paths)
    written = [a for a in after[len(before) :] if a.startswith(("person.", "document.", "filing.", "attendance."))]
    assert written == []
    done = cli("export-person", "1", "--out", str(ok / "export.json"), "--operator", "boss", env=CLI_ENV)
    assert done.returncode == 0, done.stderr
    assert audit_actions(paths)[-2:] == ["person.exported", "session.ended"]  # a written one is recorded


@pytest.mark.req("R18")
def test_ten_parallel_export_person_guesses_lock_once_and_check_at_most_five(
    cli: FaceDeskCli, held_data: dict[str, object], paths: DataPaths, tmp_path: Path
) -> None:
    """Issue 14 item 9: 4 of 10 parallel `export-person` guesses were checked after the account locked."""
    before = len(audit_actions(paths))

    def guess(n: int) -> int:
        env = {**CLI_ENV, "FACEDESK_OPERATOR_PASSWORD": f"wrong-guess-{n:02d}"}
        return cli(
            "export-person", "1", "--out", str(tmp_path / f"e{n}.json"), "--operator", "boss", env=env
        ).returncode

    with ThreadPoolExecutor(max_workers=10) as pool:
        codes = list(pool.map(guess, range(10)))
    assert set(codes) == {3}  # every guess refused: wrong password or locked
    actions = audit_actions(paths)[before:]
    assert actions.count("operator.locked") == 1
    assert actions.count("login.failed") <= 5  # at most the allowed attempts were checked
    assert actions.count("login.failed") + actions.count("login.refused_locked") == 10
    assert not list(tmp_path.glob("e*.json"))
    right = cli("export-person", "1", "--out", str(tmp_path / "ok.json"), "--operator", "boss", env=CLI_ENV)
    assert right.returncode == 3 and "locked" in right.stderr  # the right password waits for the lock
