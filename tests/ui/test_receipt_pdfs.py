"""Consent and deletion receipts saved as PDF on request: what was agreed or deleted, the notice
version and the withdrawal code; no template, image or identity number (R5, R10, R12)."""

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from app.domain.business import Purpose
from app.domain.documents import PageBreak, Paper
from app.domain.operators import OperatorSession
from app.services.check_in_service import GuestStay
from app.services.desk_services import DeskServices
from app.storage.consent_repository import ConsentRepository
from app.ui.check_in.consent_step import NoticeConsentStep
from app.ui.check_in.receipt_step import ReceiptStep
from app.ui.guest_language import GuestLanguage
from app.ui.receipt_pdf import receipts_document, save_receipt_pdf
from tests.helpers.enrolment import consent, enrol_through_the_camera
from tests.helpers.pdf_text import decoded_streams, has_image, pdf_text
from tests.integration.services.conftest import SourceSpy, adult


@pytest.fixture
def enrolled(
    face_ready: DeskServices, clerk: OperatorSession, register: Callable[..., GuestStay], obama_camera: SourceSpy
) -> tuple[GuestStay, object, bytes]:
    guest = register()
    receipt = consent(face_ready, clerk, guest)
    enrol_through_the_camera(
        face_ready.faces.begin_enrolment(
            clerk, person_id=guest.person_id, purpose=Purpose.GUEST_VERIFICATION, source_factory=obama_camera
        )
    )
    with face_ready.database.snapshot() as conn:
        templates = ConsentRepository(conn).templates_of(guest.person_id).astype(np.float32).tobytes()
    return guest, receipt, templates


def assert_clean(path: Path, templates: bytes, number: str) -> None:
    streams = decoded_streams(path)
    assert not has_image(path)
    assert number[-5:] not in pdf_text(path)
    for start in range(0, len(templates), 16):
        assert templates[start : start + 16] not in streams


@pytest.mark.req("R5")
def test_the_consent_receipt_is_saved_as_pdf_from_the_guest_screen(
    qtbot: QtBot, enrolled, tmp_path: Path, paths, clock
) -> None:
    _, receipt, templates = enrolled
    step = ReceiptStep(GuestLanguage("en", paths.cache_dir))
    qtbot.addWidget(step)
    step.show_receipt(receipt)
    assert step.pdf_button.text() == "Save as PDF"
    out = tmp_path / "consent.pdf"
    step.save_pdf(out)
    text = " ".join(pdf_text(out).split())
    for needed in ("Consent receipt", "Lotus Inn", "face verification", "notice version", receipt.withdrawal_code):
        assert needed in text, needed
    assert_clean(out, templates, adult(clock).document.number)  # the registered guest's document


@pytest.mark.req("R10")
def test_the_deletion_receipt_is_saved_as_pdf_and_holds_no_face_data(
    face_ready: DeskServices, clerk: OperatorSession, enrolled, tmp_path: Path, clock
) -> None:
    _, receipt, templates = enrolled
    deletion = face_ready.consents.withdraw(clerk, receipt.consent_id)
    out = save_receipt_pdf(deletion, tmp_path / "deletion.pdf")
    text = " ".join(pdf_text(out).split())
    for needed in ("Deletion receipt", "Lotus Inn", receipt.withdrawal_code, "Face templates deleted immediately: 3."):
        assert needed in text, needed
    assert_clean(out, templates, adult(clock).document.number)


@pytest.mark.usefixtures("cjk_fonts")  # reads Chinese back from the PDF
@pytest.mark.req("R23")
def test_the_notice_is_printable_and_saved_as_pdf_from_the_guest_screen_in_the_guests_language(
    qtbot: QtBot, face_ready: DeskServices, paths, tmp_path: Path
) -> None:
    guest = GuestLanguage("en", paths.cache_dir)
    step = NoticeConsentStep(guest)
    qtbot.addWidget(step)
    step.show_notice(face_ready.consents.notice(Purpose.GUEST_VERIFICATION, "en"))
    assert step.print_notice.text() == "Print the notice" and step.save_notice.isEnabled()
    english = tmp_path / "notice-en.pdf"
    step.save_notice_pdf(english)
    text = " ".join(pdf_text(english).split())
    for needed in ("what you should know", "Lotus Inn", "How long it is kept", "It is your choice"):
        assert needed in text, needed
    guest.switch("zh_CN")
    step.show_notice(face_ready.consents.notice(Purpose.GUEST_VERIFICATION, "zh_CN"))
    assert step.save_notice.text() == "将告知书保存为 PDF"
    chinese = tmp_path / "notice-zh.pdf"
    step.save_notice_pdf(chinese)
    assert "人脸核验告知书" in "".join(pdf_text(chinese).split()) and not has_image(chinese)


def page_size_mm(path: Path) -> list[tuple[float, float]]:
    """Each page's width and height in whole millimetres."""
    return [
        (round(float(page.mediabox.width) / 72 * 25.4), round(float(page.mediabox.height) / 72 * 25.4))
        for page in PdfReader(path).pages
    ]


@pytest.mark.req("R5")
def test_with_the_receipt_roll_chosen_the_guest_gets_an_80_mm_slip_as_long_as_the_receipt(
    qtbot: QtBot, enrolled, tmp_path: Path, paths
) -> None:
    _, receipt, _ = enrolled
    paper = Paper.A4
    step = ReceiptStep(GuestLanguage("en", paths.cache_dir), lambda: paper)
    qtbot.addWidget(step)
    step.show_receipt(receipt)
    step.save_pdf(tmp_path / "a4.pdf")
    paper = Paper.ROLL_80MM  # the receptionist changed Settings -> Receipt paper
    step.save_pdf(tmp_path / "roll.pdf")
    assert page_size_mm(tmp_path / "a4.pdf") == [(210, 297)]
    [(width, height)] = page_size_mm(tmp_path / "roll.pdf")  # one slip, however long, no second page
    assert width == 80 and 50 < height < 297
    text = " ".join(pdf_text(tmp_path / "roll.pdf").split())
    for needed in ("Consent receipt", "Lotus Inn", "notice version", receipt.withdrawal_code):
        assert needed in text, needed


def test_a_partys_deletion_receipts_follow_each_other_on_the_roll_and_take_a_sheet_each_on_a4(
    face_ready: DeskServices, clerk: OperatorSession, enrolled
) -> None:
    _, receipt, _ = enrolled
    deletion = face_ready.consents.withdraw(clerk, receipt.consent_id)
    on_roll = receipts_document((deletion, deletion), Paper.ROLL_80MM)
    on_a4 = receipts_document((deletion, deletion), Paper.A4)
    assert not any(isinstance(block, PageBreak) for block in on_roll.blocks)
    assert sum(isinstance(block, PageBreak) for block in on_a4.blocks) == 1


def test_the_receipt_on_screen_reads_like_the_paper_one_not_like_a_terminal(qtbot: QtBot, enrolled, paths) -> None:
    _, receipt, _ = enrolled
    step = ReceiptStep(GuestLanguage("en", paths.cache_dir))
    qtbot.addWidget(step)
    step.show_receipt(receipt)
    shown = step.body.toPlainText()
    assert shown.startswith("Consent receipt") and f"Withdrawal code: {receipt.withdrawal_code}" in shown
    assert not step.body.font().fixedPitch() and "monospace" not in step.body.font().family().lower()
    html = step.body.toHtml().replace(" ", "")
    assert "font-weight:700" in html  # the title is bold, not shouted in capitals
    assert "font-size:20pt" in html  # the text as large as the rest of the guest screen, not print size
