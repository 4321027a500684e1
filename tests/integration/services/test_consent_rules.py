"""Consent before any face data; re-consent on a new notice; one-step withdrawal (R3-R7, R10, R12, R14)."""

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from app.camera.frames import Frame, load_image
from app.domain.business import Purpose
from app.domain.consent import Guardian, Signature, TypedName
from app.domain.errors import ComplianceBlockedError, InvalidInputError, StateError
from app.domain.identity_documents import id_document
from app.domain.operators import OperatorSession
from app.domain.people import IdDocumentType
from app.services.check_in_service import GuestStay
from app.services.desk_services import DeskServices
from app.services.verification_session import RenewalRequired, VerificationResult, VerificationSession
from app.storage.consent_repository import ConsentRepository
from tests.helpers.clock import FakeClock
from tests.helpers.enrolment import consent, enrol_through_the_camera, enrolled_guest, template_rows, verify
from tests.helpers.sqlcipher_pages import decrypted_pages
from tests.integration.services.conftest import PIA, SourceSpy, child


@pytest.mark.req("R3")
@pytest.mark.req("R4")
def test_no_camera_source_is_created_before_consent(
    face_ready: DeskServices, clerk: OperatorSession, register: Callable[..., GuestStay], obama_camera: SourceSpy
) -> None:
    guest = register()
    with pytest.raises(ComplianceBlockedError, match="no consent"):
        face_ready.faces.begin_enrolment(
            clerk, person_id=guest.person_id, purpose=Purpose.GUEST_VERIFICATION, source_factory=obama_camera
        )
    assert obama_camera.created == 0
    consent(face_ready, clerk, guest)
    session = face_ready.faces.begin_enrolment(
        clerk, person_id=guest.person_id, purpose=Purpose.GUEST_VERIFICATION, source_factory=obama_camera
    )
    assert obama_camera.created == 0  # still nothing until the camera worker asks the session
    session.open_source()
    assert obama_camera.created == 1


@pytest.mark.req("R5")
def test_no_template_is_stored_without_a_live_consent(
    face_ready: DeskServices,
    clerk: OperatorSession,
    register: Callable[..., GuestStay],
    obama_camera: SourceSpy,
    photo_frames: Callable[..., list[Frame]],
) -> None:
    guest = register()
    receipt = consent(face_ready, clerk, guest)
    session = face_ready.faces.begin_enrolment(
        clerk, person_id=guest.person_id, purpose=Purpose.GUEST_VERIFICATION, source_factory=obama_camera
    )
    for frame in photo_frames("obama.jpg", "obama-1080p.jpg", "obama-720p.jpg"):
        session.submit(frame)
    face_ready.consents.withdraw(clerk, receipt.consent_id)  # the guest changes their mind mid-capture
    with pytest.raises(ComplianceBlockedError, match="withdrawn"):
        session.finish()
    assert template_rows(face_ready) == 0


@pytest.mark.req("R5")
def test_the_consent_row_holds_every_evidence_field(
    face_ready: DeskServices, clerk: OperatorSession, register: Callable[..., GuestStay]
) -> None:
    guest = register()
    strokes = (tuple((float(x), 50.0 + x % 9) for x in range(20, 160, 4)),)
    receipt = consent(face_ready, clerk, guest, language="zh_CN", affirmation=Signature(strokes))
    with face_ready.database.snapshot() as conn:
        row = conn.execute(
            "SELECT person_id, purpose, notice_version, notice_sha256, language, method, affirmation, consenter, "
            "operator_id, device_id, given_at_utc, given_at_local, retention_until, withdrawn_at, withdrawal_code "
            "FROM consents WHERE id = ?",
            (receipt.consent_id,),
        ).fetchone()
    assert row[0] == guest.person_id
    assert row[1:3] == ("guest_verification", "2026.2")
    assert len(row[3]) == 64
    assert row[4:6] == ("zh_CN", "drawn_signature")
    assert row[6].startswith("[[[20.0,")
    assert row[7] == "self"
    assert row[8] == clerk.operator_id
    assert len(row[9]) == 36  # this desk's device id
    assert row[10].endswith("Z") and row[11].endswith("+08:00")  # UTC and desk-local times
    assert row[12] == "2026-03-04T04:00:00.000Z"  # noon on departure day, Shanghai, grace 0 h
    assert row[13] is None and row[14] == receipt.withdrawal_code


@pytest.mark.req("R4")
def test_consent_needs_the_notice_as_shown_and_an_affirmative_act(
    face_ready: DeskServices, clerk: OperatorSession, register: Callable[..., GuestStay], admin: OperatorSession
) -> None:
    guest = register()
    shown = face_ready.consents.notice(Purpose.GUEST_VERIFICATION, "en")
    with pytest.raises(InvalidInputError, match="own name"):
        consent(face_ready, clerk, guest, affirmation=TypedName("OK"))
    face_ready.business.update(admin, contact="+86 10 8888 9999")  # the notice text changes
    with pytest.raises(StateError, match="notice has changed"):
        face_ready.consents.give(
            clerk,
            person_id=guest.person_id,
            stay_id=guest.stay_id,
            purpose=Purpose.GUEST_VERIFICATION,
            notice=shown,
            affirmation=TypedName("Li Wei"),
        )


@pytest.mark.req("R7")
def test_with_the_guardian_flow_a_child_needs_a_guardians_consent(
    face_ready: DeskServices,
    clerk: OperatorSession,
    admin: OperatorSession,
    register: Callable[..., GuestStay],
    clock: FakeClock,
) -> None:
    face_ready.settings.change(admin, "consent/guardian_flow_enabled", True)
    face_ready.pia.record(admin, PIA)  # the guardian flow changes what was assessed
    guest = register(child(clock), room="1209")
    with pytest.raises(InvalidInputError, match="guardian must give consent"):
        consent(face_ready, clerk, guest, affirmation=TypedName("Li Xiaoming"))
    guardian = Guardian("Li Na", "mother", id_document(IdDocumentType.PASSPORT, "E7654321", today=clock().date()))
    receipt = consent(face_ready, clerk, guest, affirmation=TypedName("Li Na"), guardian=guardian)
    with face_ready.database.snapshot() as conn:
        row = conn.execute(
            "SELECT consenter, guardian_name, guardian_relation, guardian_id_hash FROM consents WHERE id = ?",
            (receipt.consent_id,),
        ).fetchone()
    assert row[:3] == ("guardian", "Li Na", "mother")
    assert len(row[3]) == 64 and "E7654321" not in row[3]
    assert "E7654321" not in repr(guardian)


@pytest.mark.req("R6")
def test_a_new_notice_version_forces_renewal_before_the_camera_opens(
    face_ready: DeskServices,
    clerk: OperatorSession,
    register: Callable[..., GuestStay],
    obama_camera: SourceSpy,
    photo_frames: Callable[..., list[Frame]],
    notices_dir: Path,
) -> None:
    guest = register()
    enrolled_guest(face_ready, clerk, guest, obama_camera)
    for language in ("en", "zh_CN"):  # an update installs version 2026.3 of the guest notice
        path = notices_dir / language / "guest_verification.txt"
        path.write_text(
            path.read_text(encoding="utf-8").replace("version: 2026.2", "version: 2026.3"), encoding="utf-8"
        )
    faces = face_ready.faces
    camera = SourceSpy(obama_camera.photos)
    renewal = faces.begin_verification(clerk, person_id=guest.person_id, stay_id=guest.stay_id, source_factory=camera)
    assert isinstance(renewal, RenewalRequired)
    assert renewal.notice.version == "2026.3"
    assert camera.created == 0
    face_ready.consents.renew(clerk, renewal.consent_id, renewal.notice, TypedName("Li Wei"))
    session = faces.begin_verification(clerk, person_id=guest.person_id, stay_id=guest.stay_id, source_factory=camera)
    assert verify(session, photo_frames("obama2.jpg")) is VerificationResult.MATCH
    assert template_rows(face_ready, guest.person_id) == 3


@pytest.mark.req("R6")
def test_declining_the_new_notice_deletes_the_template(
    face_ready: DeskServices, clerk: OperatorSession, register: Callable[..., GuestStay], obama_camera: SourceSpy
) -> None:
    guest = register()
    enrolled_guest(face_ready, clerk, guest, obama_camera)
    with face_ready.database.snapshot() as conn:
        consent_id = ConsentRepository(conn).live_consent(guest.person_id, Purpose.GUEST_VERIFICATION).id  # type: ignore[union-attr]
    face_ready.consents.decline_renewal(clerk, consent_id)
    assert template_rows(face_ready, guest.person_id) == 0


@pytest.mark.req("R10")
@pytest.mark.req("R12")
def test_withdrawal_by_code_deletes_at_once_and_verification_then_fails(
    face_ready: DeskServices,
    clerk: OperatorSession,
    register: Callable[..., GuestStay],
    obama_camera: SourceSpy,
    photo_frames: Callable[..., list[Frame]],
) -> None:
    guest = register()
    receipt = consent(face_ready, clerk, guest)
    enrol_through_the_camera(
        face_ready.faces.begin_enrolment(
            clerk, person_id=guest.person_id, purpose=Purpose.GUEST_VERIFICATION, source_factory=obama_camera
        )
    )
    session = face_ready.faces.begin_verification(
        clerk, person_id=guest.person_id, stay_id=guest.stay_id, source_factory=obama_camera
    )
    assert verify(session, photo_frames("obama2.jpg")) is VerificationResult.MATCH

    found = face_ready.consents.find_by_code(clerk, receipt.withdrawal_code.lower().replace("-", " "))
    deletion = face_ready.consents.withdraw(clerk, found.id)  # one call, no reason asked
    assert "Face templates deleted immediately: 3." in deletion.text
    assert receipt.withdrawal_code in deletion.text
    assert template_rows(face_ready, guest.person_id) == 0
    with pytest.raises(ComplianceBlockedError, match="manual ID check"):
        face_ready.faces.begin_verification(
            clerk, person_id=guest.person_id, stay_id=guest.stay_id, source_factory=obama_camera
        )
    with face_ready.database.snapshot() as conn:
        actions = [r[0] for r in conn.execute("SELECT action FROM audit_events")]
        images = conn.execute(
            "SELECT count(*) FROM face_templates WHERE hex(embedding) LIKE 'FFD8FF%' OR hex(embedding) LIKE '89504E47%'"
        ).fetchone()[0]
    assert "consent.withdrawn" in actions and images == 0
    with pytest.raises(StateError, match="already withdrawn"):
        face_ready.consents.withdraw(clerk, found.id)


@pytest.mark.req("R14")
def test_withdrawn_templates_are_gone_from_the_database_file_and_its_log(
    face_ready: DeskServices,
    clerk: OperatorSession,
    register: Callable[..., GuestStay],
    obama_camera: SourceSpy,
    paths,
    secret_store,
) -> None:
    guest = register()
    enrolled_guest(face_ready, clerk, guest, obama_camera)
    with face_ready.database.snapshot() as conn:
        stored = [bytes(row[0]) for row in conn.execute("SELECT embedding FROM face_templates")]
        consent_id = ConsentRepository(conn).live_consent(guest.person_id, Purpose.GUEST_VERIFICATION).id  # type: ignore[union-attr]
    face_ready.consents.withdraw(clerk, consent_id)
    key = bytes(next(iter(secret_store._secrets.values())))
    wal = paths.database.with_name(paths.database.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # the log was emptied after the deletion
    pages = list(decrypted_pages(paths.database, key))
    for template in stored:
        assert not any(template[:64] in page for page in pages)


@pytest.mark.req("R12")
def test_verification_records_the_outcome_without_any_biometric_value(
    face_ready: DeskServices,
    clerk: OperatorSession,
    register: Callable[..., GuestStay],
    obama_camera: SourceSpy,
    photo_frames: Callable[..., list[Frame]],
) -> None:
    guest = register()
    enrolled_guest(face_ready, clerk, guest, obama_camera)
    session = face_ready.faces.begin_verification(
        clerk, person_id=guest.person_id, stay_id=guest.stay_id, source_factory=obama_camera
    )
    assert verify(session, photo_frames("biden.jpg")) is VerificationResult.NO_MATCH
    assert session.submit(photo_frames("obama2.jpg")[0]).offer_manual_check  # one decision, no retry loop
    with face_ready.database.snapshot() as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(verifications)")}
        [check] = ConsentRepository(conn).verifications_of(guest.person_id)
    assert not columns & {"distance", "score", "embedding", "template", "image"}
    assert (check["method"], check["result"]) == ("face", "no_match")


def test_a_verification_without_a_usable_face_ends_uncertain_and_offers_the_manual_check(
    face_ready: DeskServices,
    enrolled_and_verifying: Callable[[], tuple[GuestStay, VerificationSession]],
    photo_frames: Callable[..., list[Frame]],
) -> None:
    _, session = enrolled_and_verifying()
    progress = session.submit(photo_frames("two_people.jpg")[0])
    assert progress.result is None and progress.hint == "Only one person in front of the camera, please."
    assert session.give_up() is VerificationResult.UNCERTAIN
    assert session.submit(photo_frames("obama2.jpg")[0]).offer_manual_check


@pytest.fixture
def enrolled_and_verifying(
    face_ready: DeskServices, clerk: OperatorSession, register: Callable[..., GuestStay], obama_camera: SourceSpy
) -> Callable[[], tuple[GuestStay, VerificationSession]]:
    """Register a guest, enrol them from the Obama photos, and open a verification of them (as the clerk)."""

    def begin() -> tuple[GuestStay, VerificationSession]:
        guest = register()
        enrolled_guest(face_ready, clerk, guest, obama_camera)
        session = face_ready.faces.begin_verification(
            clerk, person_id=guest.person_id, stay_id=guest.stay_id, source_factory=obama_camera
        )
        assert isinstance(session, VerificationSession)
        return guest, session

    return begin


def test_templates_survive_nothing_but_numbers(
    face_ready: DeskServices, clerk: OperatorSession, register: Callable[..., GuestStay], obama_camera: SourceSpy
) -> None:
    guest = register()
    enrolled_guest(face_ready, clerk, guest, obama_camera)
    with face_ready.database.snapshot() as conn:
        templates = ConsentRepository(conn).templates_of(guest.person_id)
    assert templates.shape == (3, 128)
    assert np.allclose(np.linalg.norm(templates, axis=1), 1.0, atol=1e-5)


def test_a_verification_decides_from_several_usable_frames_not_the_first(
    face_ready: DeskServices,
    enrolled_and_verifying: Callable[[], tuple[GuestStay, VerificationSession]],
    photo_frames: Callable[..., list[Frame]],
) -> None:
    """Four good frames of the guest and one of somebody else: the fused decision is still a match,
    and nothing is decided before the fifth usable frame."""
    _, session = enrolled_and_verifying()
    frames = photo_frames("biden.jpg", "two_people.jpg", "obama2.jpg", "obama3.jpg", "obama-720p.jpg", "obama2.jpg")
    results = [session.submit(frame).result for frame in frames]
    assert results == [None, None, None, None, None, VerificationResult.MATCH]


def test_where_enabled_a_guest_verification_asks_for_head_turns_and_a_photo_cannot_give_them(
    face_ready: DeskServices,
    admin: OperatorSession,
    enrolled_and_verifying: Callable[[], tuple[GuestStay, VerificationSession]],
    shared_datasets: Path,
) -> None:
    """The guest's own photo held up to the camera: it matches, but it cannot turn, so the check is
    uncertain (the manual ID check is offered) and no match is recorded."""
    face_ready.settings.change(admin, "verification/liveness", True)
    face_ready.pia.record(admin, PIA)
    guest, session = enrolled_and_verifying()
    photo = load_image(shared_datasets / "images" / "obama2.jpg")
    seen = []
    for index in range(30 * 30):  # up to 30 seconds of a 30 fps camera
        progress = session.submit(Frame.own(photo, index, index / 30))
        seen.append(progress)
        if progress.result is not None:
            break
    assert seen[0].turn_side is not None and (seen[0].prompt, seen[0].prompts) == (1, 3)
    assert progress.result is VerificationResult.UNCERTAIN and progress.liveness_failed
    assert progress.offer_manual_check
    with face_ready.database.snapshot() as conn:
        [check] = ConsentRepository(conn).verifications_of(guest.person_id)
    assert (check["method"], check["result"]) == ("face", "uncertain")
