"""Every desk screen in Chinese and English: rendered to PNG for the README, and checked for cut-off text.

The tour sets up a real installation in a temporary folder (real SQLCipher, real dlib, the photo
camera stand-in from ../shared/datasets), walks setup, sign-in, a face check-in, a declined
check-in, a verification, a withdrawal, every records page, and staff entry (staff records, face
entry, the kiosk refusing a held-up photo, a PIN clock-in, attendance), and grabs each screen.

Render the committed screenshots (CJK fonts needed, e.g. Debian ``fonts-noto-cjk``)::

    QT_QPA_PLATFORM=offscreen uv run python -m tests.ui.screenshot_tour --out assets/screenshots

tests/ui/test_screens.py runs the same tour without saving and fails on any text that does not fit.
"""

import argparse
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from argon2 import PasswordHasher
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QWidget,
    QWizard,
)

from app.camera.file_source import ImageSequenceSource
from app.config.device_settings import DeviceSettings
from app.config.paths import DataPaths
from app.domain.business import Purpose
from app.domain.consent import TypedName
from app.domain.guests import guest_details, stay_details
from app.domain.operators import OperatorSession
from app.domain.people import IdDocumentType
from app.keystore import KdfParams, KeyManager, MemorySecretStore
from app.recognition.analyzer import FaceAnalyzer
from app.recognition.encoder import EncoderProcess
from app.recognition.models import FaceModels
from app.services.capture_session import LocalFaceEngine
from app.services.desk_services import DeskServices
from app.services.installation_service import InstallationService
from app.services.passwords import PasswordHashing
from app.ui.desk_context import DeskContext, DeskEnvironment
from app.ui.desk_window import DeskWindow
from app.ui.i18n import Translators
from app.ui.login_window import LoginWindow
from app.ui.setup_wizard import SetupWizard
from app.ui.style import apply_style, use_fusion
from tests.helpers.clock import FakeClock
from tests.helpers.enrolment import consent, enrol_through_the_camera
from tests.integration.services.conftest import PIA
from tests.ui.screenshot_card_reader import card_reader_screens
from tests.ui.screenshot_documents import document_pages
from tests.ui.screenshot_door import door_screens
from tests.ui.screenshot_rights import rights_and_incident_screens
from tests.ui.screenshot_staff import staff_screens
from tests.unit.domain.test_identity_documents import make_resident_id

REPO_ROOT = Path(__file__).resolve().parents[2]
DATASETS = REPO_ROOT.parent / "shared" / "datasets"
OBAMA = ("obama.jpg",)  # one picture, like a guest standing still in front of the webcam
SHANGHAI = ZoneInfo("Asia/Shanghai")
ADMIN = ("wangfang", "wangfang-desk-1")
DESK_SIZE = (1280, 800)
WIZARD_SIZE = (900, 700)
ANSWER = {
    "en": "Guests may choose face verification for key pickup; the ID check gives the same service.",
    "zh_CN": "客人可以选择用人脸验证领取房卡；查验证件享受同样的服务，两者完全等同。",
}


@dataclass
class Tour:
    """Where screenshots go (None: only check them) and the problems found so far."""

    language: str
    out: Path | None
    problems: list[str] = field(default_factory=list)
    shots: list[str] = field(default_factory=list)
    large_high_contrast: bool = False  # every screen in Large text and High contrast

    @property
    def folder_name(self) -> str:
        """``en``, ``zh_CN``, or ``en-large-high-contrast``..."""
        return self.language + ("-large-high-contrast" if self.large_high_contrast else "")

    def style(self, app: QApplication) -> None:
        """The tour's display mode (again after a screen shown in another)."""
        apply_style(app, large_font=self.large_high_contrast, high_contrast=self.large_high_contrast)

    def grab(self, widget: QWidget, name: str, *, camera: QWidget | None = None) -> None:
        """Check ``widget``'s text fits, and save it as ``<language>/<name>.png``.

        The ``camera`` picture is pixelated in the saved file: the repository never holds a
        recognisable face from the test datasets, not even inside a screenshot.
        """
        settle(widget)
        self.problems += [f"{self.folder_name}/{name}: {problem}" for problem in text_problems(widget)]
        self.shots.append(name)
        if self.out is not None:
            folder = self.out / self.folder_name
            folder.mkdir(parents=True, exist_ok=True)
            image = widget.grab().toImage()
            if camera is not None:
                pixelate(image, QRect(camera.mapTo(widget, QPoint(0, 0)), camera.size()))
            image.save(str(folder / f"{name}.png"))


def pixelate(image: QImage, area: QRect, block: int = 28) -> None:
    """Replace ``area`` of ``image`` with coarse blocks (in place)."""
    part = image.copy(area)
    small = part.scaled(max(1, area.width() // block), max(1, area.height() // block))
    coarse = small.scaled(area.size())  # nearest-neighbour: big flat blocks, no detail left
    painter = QPainter(image)
    painter.drawImage(area.topLeft(), coarse)
    painter.end()


def settle(widget: QWidget | None = None, ms: int = 30) -> None:
    """Let layouts, style polish and queued signals run; then, for ``widget``, until its layout is still.

    A style or font change reaches the window one level of the widget tree per round of posted
    events (each parent re-lays itself out when a child's size hint changed). A busy machine gets
    fewer rounds into a fixed wait, so the rounds are counted here until no geometry changes, never
    timed: the check must not depend on how loaded the machine is.
    """
    QTest.qWait(ms)
    if widget is None:
        return
    unchanged_rounds, last = 0, _geometries(widget)
    for _ in range(200):
        QApplication.sendPostedEvents()
        QApplication.processEvents()
        current = _geometries(widget)
        unchanged_rounds = unchanged_rounds + 1 if current == last else 0
        if unchanged_rounds >= 3:
            return
        last = current
    raise AssertionError(f"{type(widget).__name__}'s layout never settled")


def _geometries(widget: QWidget) -> list[tuple[int, ...]]:
    """Where every widget is and what it asks for: a size hint change is what travels up the tree."""
    return [
        (*child.geometry().getRect(), child.sizeHint().width(), child.sizeHint().height())
        for child in [widget, *widget.findChildren(QWidget)]
    ]


def wait_until(condition: Callable[[], bool], timeout_ms: int = 60_000) -> None:
    """Process events until ``condition`` holds."""
    waited = 0
    while not condition():
        if waited > timeout_ms:
            raise TimeoutError("the screen did not reach the expected state")
        QTest.qWait(20)
        waited += 20


# --- the text-fit check -----------------------------------------------------------------------


def text_problems(window: QWidget) -> list[str]:
    """Visible text in ``window`` that is cut off: labels, buttons, fields, lists and group titles."""
    problems = []
    if window.width() < window.minimumSizeHint().width() or window.height() < window.minimumSizeHint().height():
        problems.append(f"{type(window).__name__} is smaller than its contents need")
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible() or widget.window() is not window.window():
            continue
        problem = _cut_off(widget)
        if problem:
            problems.append(f"{type(widget).__name__} {problem}")
    return problems


def _cut_off(widget: QWidget) -> str:
    if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
        if widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            return (
                f"{widget.text()[:50]!r} needs {needed}px height, has {widget.height()}"
                if (needed > widget.height() + 1)
                else ""
            )
        needed = widget.sizeHint().width()
        return f"{widget.text()[:50]!r} needs {needed}px, has {widget.width()}" if needed > widget.width() + 1 else ""
    if isinstance(widget, QAbstractButton) and widget.text():
        hint = widget.sizeHint()
        if hint.width() > widget.width() + 1 or hint.height() > widget.height() + 1:
            return (
                f"{widget.text()[:50]!r} needs {hint.width()}x{hint.height()}, has {widget.width()}x{widget.height()}"
            )
        return ""
    if isinstance(widget, QLineEdit) and widget.placeholderText() and not widget.text():
        needed = widget.fontMetrics().horizontalAdvance(widget.placeholderText()) + 24
        return f"placeholder {widget.placeholderText()[:50]!r} needs {needed}px" if needed > widget.width() else ""
    if isinstance(widget, QComboBox) and widget.currentText():
        needed = widget.fontMetrics().horizontalAdvance(widget.currentText()) + 40
        return (
            f"{widget.currentText()[:50]!r} needs {needed}px, has {widget.width()}" if needed > widget.width() else ""
        )
    if isinstance(widget, QListWidget) and widget.objectName() == "Navigation":
        needed = widget.sizeHintForColumn(0)
        return f"navigation needs {needed}px" if needed > widget.viewport().width() else ""
    if isinstance(widget, QGroupBox) and widget.title():
        needed = widget.fontMetrics().horizontalAdvance(widget.title()) + 24
        return f"title {widget.title()[:50]!r} needs {needed}px" if needed > widget.width() else ""
    return ""


# --- the installation and its people ------------------------------------------------------------


@contextmanager
def installation(language: str) -> Iterator[tuple[InstallationService, DeskEnvironment, EncoderProcess]]:
    """A fresh installation in a temporary folder, with the photo camera as the desk's webcam."""
    with tempfile.TemporaryDirectory(prefix="facedesk-tour-") as folder:
        paths = DataPaths.for_data_dir(Path(folder) / "data")
        paths.ensure_root()
        clock = FakeClock(datetime(2026, 11, 26, 2, 30, tzinfo=UTC))  # 10:30 at the desk in Shanghai
        keys = KeyManager(paths.key_file, MemorySecretStore(), kdf=KdfParams(1, 8192, 1), clock=clock)
        hashing = PasswordHashing(PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1))
        encoder = EncoderProcess()
        engine = LocalFaceEngine(FaceAnalyzer(FaceModels()), encoder)
        service = InstallationService(paths, keys, clock, hashing, local_zone=SHANGHAI, engine=engine)
        photos = [DATASETS / "images" / name for name in OBAMA]
        device = DeviceSettings(paths.device_settings)
        device.set("ui/language", language)
        env = DeskEnvironment(
            device=device,
            open_camera=lambda: ImageSequenceSource(photos, name="USB camera 0", fps=10.0, realtime=True, loop=True),
            camera_override=None,
            cache_dir=paths.cache_dir,
        )
        try:
            yield service, env, encoder
        finally:
            encoder.close()


def names(language: str) -> dict[str, str]:
    """Guest names that fit the language of the screenshots."""
    if language == "zh_CN":
        return {
            "admin": "王芳",
            "business": "莲花客栈",
            "face": "李伟",
            "manual": "张敏",
            "new": "陈静",
            "child": "陈小明",
        }
    return {
        "admin": "Wang Fang",
        "business": "Lotus Inn",
        "face": "Li Wei",
        "manual": "Anna Schmidt",
        "new": "Chen Jing",
        "child": "Chen Xiaoming",
    }


# --- the tour ------------------------------------------------------------------------------------


def setup_screens(tour: Tour, service: InstallationService, env: DeskEnvironment) -> DeskServices:
    """The seven setup pages."""
    who = names(tour.language)
    wizard = SetupWizard(service, env)
    wizard.resize(*WIZARD_SIZE)
    wizard.show()
    tour.grab(wizard, "setup-1-language")
    wizard.next()
    business = wizard.business_page
    business.name.setText(who["business"])
    business.contact.setText("+86 21 5555 0123 · privacy@lotus-inn.example")
    business.guest_purpose.setChecked(True)
    business.staff_purpose.setChecked(True)
    tour.grab(wizard, "setup-2-business")
    wizard.next()
    admin = wizard.admin_page
    admin.display_name.setText(who["admin"])
    admin.username.setText(ADMIN[0])
    admin.password.setText(ADMIN[1])
    admin.repeat.setText(ADMIN[1])
    tour.grab(wizard, "setup-3-admin")
    wizard.next()
    tour.grab(wizard, "setup-4-key")
    wizard.next()
    tour.grab(wizard, "setup-5-recovery-code")
    wizard.recovery_page.confirmed.setChecked(True)
    wizard.next()
    wizard.camera_page.start_test()
    wait_until(lambda: wizard.camera_page.preview.painted >= 3)
    tour.grab(wizard, "setup-6-camera", camera=wizard.camera_page.preview)
    wizard.next()
    form = wizard.assessment_page.form
    form.assessor.setText(who["admin"])
    for item in form.items.values():
        item.setPlainText(ANSWER[tour.language])
    tour.grab(wizard, "setup-7-assessment")
    created: list[DeskServices] = []
    wizard.setup_completed.connect(created.append)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    wizard.close()
    return created[0]


def seed_guests(desk: DeskServices, tour: Tour, env: DeskEnvironment) -> None:
    """Two guests already in house: one verified by face, one by ID document."""
    who = names(tour.language)
    session = desk.operators.sign_in(*ADMIN)
    today = desk.today()
    face_guest = guest_details(
        who["face"], IdDocumentType.RESIDENT_ID, make_resident_id("310104", date(1988, 6, 15), "123"), None, today=today
    )
    first = desk.check_in.register(session, face_guest, stay_details("1208", today, today + timedelta(2), today=today))
    consent(desk, session, first, tour.language, affirmation=TypedName(who["face"]))
    enrol_through_the_camera(
        desk.faces.begin_enrolment(
            session, person_id=first.person_id, purpose=Purpose.GUEST_VERIFICATION, source_factory=env.open_camera
        )
    )
    desk.check_in.complete_with_face(session, first.stay_id)
    passport = guest_details(who["manual"], IdDocumentType.PASSPORT, "C03005988", date(1979, 2, 3), today=today)
    second = desk.check_in.register(session, passport, stay_details("1210", today, today + timedelta(1), today=today))
    desk.check_in.decline_face(session, second.stay_id)
    desk.check_in.complete_manual(session, second.stay_id, IdDocumentType.PASSPORT, "5988")
    desk.operators.sign_out(session)


def fill_new_guest(window: DeskWindow, who: dict[str, str], room: str, number: str) -> None:
    details = window.check_in.details
    details.name.setText(who["new"])
    details.document_number.setText(number)
    details.room.setText(room)


def desk_screens(tour: Tour, desk: DeskServices, env: DeskEnvironment) -> None:
    """Sign-in, then every page of the desk as an Admin sees it."""
    who = names(tour.language)
    login = LoginWindow(desk.operators, desk.business_name())
    login.resize(*DESK_SIZE)
    login.show()
    login.reset(ADMIN[0])
    login.password.setText("••••")
    tour.grab(login, "signin")
    login.close()

    session = desk.operators.sign_in(*ADMIN)
    window = DeskWindow(DeskContext.for_session(env, desk, session, tour.language), env.camera_name())
    window.resize(*DESK_SIZE)
    window.show()
    tour.grab(window, "front-desk-1-in-house")
    window.front_desk.arrivals_button.click()
    tour.grab(window, "front-desk-2-arrivals")
    window.front_desk.in_house_button.click()
    window.front_desk.table.selectRow(0)
    window.front_desk.checkout_button.click()
    tour.grab(window.front_desk.confirmation, "front-desk-3-checkout")
    window.front_desk.confirmation.reject()
    window.show_page("check_in")
    check_in = window.check_in

    fill_new_guest(window, who, "1512", make_resident_id("110105", date(1992, 9, 30), "246"))
    tour.grab(window, "checkin-1-details")
    check_in.details.continue_button.click()
    tour.grab(window, "checkin-2-choice")
    check_in.method.face_button.click()
    check_in.consent.consent_box.setChecked(True)
    check_in.consent.typed_name.setText(who["new"])
    tour.grab(window, "checkin-3-notice-and-consent")
    check_in.consent.agree_button.click()
    wait_until(lambda: check_in.capture.ring.done >= 1 and check_in.capture.preview.painted > 5)
    tour.grab(window, "checkin-4-capture", camera=check_in.capture.preview)
    wait_until(lambda: check_in.guest_steps.currentWidget() is check_in.receipt)
    tour.grab(window, "checkin-5-receipt")
    check_in.receipt.done_button.click()
    tour.grab(window, "checkin-6-done")
    check_in.next_button.click()
    fill_new_guest(window, {**who, "new": who["new"] + " B"}, "1514", "E12345678")
    check_in.details.document_type.setCurrentIndex(check_in.details.document_type.findData("passport"))
    check_in.details.birth_date.setText("1990-01-01")
    check_in.details.continue_button.click()
    check_in.method.manual_button.click()
    tour.grab(window, "checkin-7-id-document-check")

    window.show_page("verify")
    verify = window.verify
    verify.search.query.setText("1208")
    verify.search.search()
    verify.start_face()
    wait_until(lambda: verify.result.text() != "")
    tour.grab(window, "verify-1-face-match")
    verify.search.query.setText("1210")
    verify.search.search()
    verify.start_manual()
    verify.matches_button.setFocus()
    tour.grab(window, "verify-2-id-document-check")

    window.show_page("withdraw")
    withdraw = window.withdraw
    withdraw.search.query.setText("1512")
    withdraw.search.search()
    tour.grab(window, "withdraw-1-found")
    withdraw.withdraw_button.click()
    box = withdraw.confirmation
    assert box is not None
    tour.grab(box, "withdraw-2-confirm")
    box.button(QMessageBox.StandardButton.Yes).click()
    wait_until(lambda: withdraw.confirmation is None)
    tour.grab(window, "withdraw-3-receipt")

    window.show_page("people")
    tour.grab(window, "people")
    window.show_page("audit")
    window.audit.verify()
    tour.grab(window, "audit-log")
    window.show_page("compliance")
    tour.grab(window, "compliance")
    window.show_page("settings")
    tour.grab(window, "settings")

    window.show_page("check_in")
    check_in.reset()
    fill_new_guest(
        window, {**who, "new": who["new"] + " C"}, "1516", make_resident_id("110105", date(1985, 1, 2), "135")
    )
    check_in.details.continue_button.click()
    app = QApplication.instance()
    apply_style(app, large_font=True, high_contrast=True)
    tour.grab(window, "checkin-2-choice-large-text-high-contrast")
    tour.style(app)
    check_in.method.manual_button.click()
    check_in.manual.matches_button.click()
    party_screens(tour, desk, session, window)
    window.close()
    desk.operators.sign_out(session)


def party_screens(tour: Tour, desk: DeskServices, session: OperatorSession, window: DeskWindow) -> None:
    """A child of a party (guardian flow on), then a longer stay the agreed notice does not cover."""
    who = names(tour.language)
    assessment = replace(PIA, assessor=who["admin"], assessed_on=desk.today())
    desk.settings.change(session, "consent/guardian_flow_enabled", True)
    desk.pia.record(session, assessment)
    check_in = window.check_in
    check_in.same_room_button.click()
    check_in.details.name.setText(who["child"])
    check_in.details.document_number.setText(make_resident_id("110105", date(2017, 5, 6), "357"))
    check_in.details.continue_button.click()
    check_in.method.face_button.click()
    check_in.guardian.choices.buttons()[1].setChecked(True)
    tour.grab(window, "checkin-8-guardian")
    check_in.reset()

    desk.settings.change(session, "retention/guest_grace_hours", 2)
    desk.pia.record(session, assessment)
    window.show_page("front_desk")
    front_desk = window.front_desk
    front_desk.table.selectRow(0)
    front_desk.dates_button.click()
    front_desk.date_dialog.date.setDate(front_desk.date_dialog.date.date().addDays(1))
    front_desk.date_dialog.accept()
    renewal = front_desk.reconfirmation.dialog
    assert renewal is not None
    tour.grab(renewal, "front-desk-4-longer-stay")
    renewal.decline_button.click()
    receipts = front_desk.receipts_dialog
    assert receipts is not None
    tour.grab(receipts, "front-desk-5-deletion-receipt")
    receipts.reject()


def run_tour(language: str, out: Path | None, *, large_high_contrast: bool = False) -> Tour:
    """Walk every screen in ``language``; save PNGs under ``out`` when given.

    With ``large_high_contrast`` every screen is shown in Large text and High contrast (saved
    under ``<language>-large-high-contrast/``, for looking at; the README shows the normal ones).
    """
    app = QApplication.instance() or QApplication([])
    use_fusion(app)
    tour = Tour(language, out, large_high_contrast=large_high_contrast)
    tour.style(app)
    with installation(language) as (service, env, _):
        translators = Translators(app, env.cache_dir)
        try:
            translators.use(language)
            desk = setup_screens(tour, service, env)
            try:
                seed_guests(desk, tour, env)
                desk_screens(tour, desk, env)
                staff_screens(tour, desk, env, ADMIN, wait_until)
                door_screens(tour, desk, env, ADMIN, wait_until)
                card_reader_screens(tour, desk, env, ADMIN, wait_until)
                if out is not None and language == "en" and not large_high_contrast:  # bilingual: rendered once
                    document_pages(desk, ADMIN, out)
                rights_and_incident_screens(tour, desk, env, ADMIN, names(language)["face"])
            finally:
                desk.close()
        finally:
            translators.remove()
    return tour


def main() -> int:
    """Render both languages into ``--out``; report text that does not fit."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for <language>/<screen>.png")
    parser.add_argument("--language", choices=["en", "zh_CN"], action="append", help="default: both")
    parser.add_argument(
        "--large-high-contrast", action="store_true", help="every screen in Large text and High contrast"
    )
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    app.setApplicationName("FaceDesk")
    problems = []
    for language in args.language or ["en", "zh_CN"]:
        tour = run_tour(language, args.out, large_high_contrast=args.large_high_contrast)
        print(f"{tour.folder_name}: {len(tour.shots)} screens written to {args.out / tour.folder_name}")
        problems += tour.problems
    for problem in problems:
        print("does not fit:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
