"""The Compliance and Settings pages: what needs attention, and settings that are audited (R2, R13, R16)."""

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QDoubleSpinBox, QLabel, QSpinBox
from pytestqt.qtbot import QtBot

from app.domain.operators import OperatorSession
from app.domain.roles import Role
from app.services.desk_services import DeskServices
from app.ui.desk_context import DeskContext
from app.ui.desk_pages import DeskPages
from tests.ui.conftest import Camera

ANSWER = "Checked for the front desk of Lotus Inn in November."


@pytest.mark.req("R2")
def test_a_missing_assessment_is_flagged_and_recorded_from_the_page(
    qtbot: QtBot,
    desk: DeskServices,
    admin: OperatorSession,
    photo_camera: Camera,
    make_context: Callable[..., DeskContext],
) -> None:
    page = DeskPages(make_context(desk, admin, photo_camera)).compliance()
    qtbot.addWidget(page)
    page.refresh()
    assert page.pia_status.text().startswith("Needs action: no impact assessment recorded.")
    assert page.retention.text() == "Nothing is waiting for deletion."
    assert page.filing.text() == "0 people with face data."
    page.pia_button.click()
    dialog = page.pia_dialog
    assert dialog is not None and dialog.isVisible()
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    dialog.form.assessor.setText("Wang Fang")
    dialog.form.items["lawful"].setPlainText("Too short.")
    save.click()
    assert dialog.isVisible()
    assert dialog.error.text() == 'Answer "Is it lawful and necessary?" in at least 20 characters.'
    for field in dialog.form.items.values():
        field.setPlainText(ANSWER)
    save.click()
    assert not dialog.isVisible()
    assert desk.pia.status().current
    assert page.pia_status.text().startswith("Met: assessed on ")
    assert "Wang Fang" in page.pia_status.text()


@pytest.mark.req("R2")
def test_a_changed_retention_setting_makes_the_assessment_stale_in_plain_words(
    qtbot: QtBot,
    face_ready: DeskServices,
    admin: OperatorSession,
    photo_camera: Camera,
    make_context: Callable[..., DeskContext],
) -> None:
    ctx = make_context(face_ready, admin, photo_camera)
    settings = DeskPages(ctx).settings()
    qtbot.addWidget(settings)
    settings.refresh()
    grace = settings.policy_widgets["retention/guest_grace_hours"]
    assert isinstance(grace, QSpinBox)
    grace.setValue(grace.value() + 12)
    settings.save_policy.click()
    assert face_ready.settings.value("retention/guest_grace_hours") == grace.value()
    compliance = DeskPages(ctx).compliance()
    qtbot.addWidget(compliance)
    compliance.refresh()
    assert compliance.pia_status.text() == (
        "Needs action: Hours after checkout before guest face data is deleted changed. "
        "Face enrolment is paused until a new assessment."
    )
    changes = [e for e in face_ready.audit.recent_events(admin, 20) if e.action == "settings.changed"]
    assert changes and "retention/guest_grace_hours" in changes[0].details


@pytest.mark.req("R16")
def test_an_admin_adds_a_desk_operator_and_bad_input_is_explained(
    qtbot: QtBot,
    desk: DeskServices,
    admin: OperatorSession,
    photo_camera: Camera,
    make_context: Callable[..., DeskContext],
) -> None:
    page = DeskPages(make_context(desk, admin, photo_camera)).settings()
    qtbot.addWidget(page)
    page.refresh()
    before = page.operators.count()
    assert page.new_password.placeholderText() == "At least 8 characters"  # said before, not after a failure
    qtbot.keyClicks(page.new_username, "zhao")
    qtbot.keyClicks(page.new_name, "Zhao Lei")
    qtbot.keyClicks(page.new_password, "short")
    page.add_operator.click()
    assert page.operator_error.isVisibleTo(page)
    assert page.operator_error.text() != ""
    assert page.operators.count() == before
    page.new_password.setText("zhao-desk-password-1")
    page.add_operator.click()
    assert not page.operator_error.isVisibleTo(page)
    assert page.operators.count() == before + 1
    assert any(item.role is Role.DESK and item.username == "zhao" for item in desk.operators.list_operators(admin))
    assert page.new_username.text() == page.new_password.text() == ""


def test_display_settings_are_kept_for_this_computer(
    qtbot: QtBot,
    desk: DeskServices,
    admin: OperatorSession,
    photo_camera: Camera,
    make_context: Callable[..., DeskContext],
) -> None:
    ctx = make_context(desk, admin, photo_camera)
    page = DeskPages(ctx).settings()
    qtbot.addWidget(page)
    page.refresh()
    with qtbot.waitSignal(page.display_changed, timeout=1000):
        page.large_text.click()
    assert ctx.device.value("ui/large_font") is True
    with qtbot.waitSignal(page.display_changed, timeout=1000):
        page.language.setCurrentIndex(page.language.findData("zh_CN"))
        page.language.activated.emit(page.language.currentIndex())
    assert ctx.device.value("ui/language") == "zh_CN"


def test_matching_thresholds_wait_under_advanced_with_words_and_still_save(
    qtbot: QtBot,
    face_ready: DeskServices,
    admin: OperatorSession,
    photo_camera: Camera,
    make_context: Callable[..., DeskContext],
) -> None:
    settings = DeskPages(make_context(face_ready, admin, photo_camera)).settings()
    qtbot.addWidget(settings)
    settings.show()
    settings.refresh()
    threshold = settings.policy_widgets["recognition/verify_threshold"]
    assert isinstance(threshold, QDoubleSpinBox)
    assert not threshold.isVisible() and not settings.advanced.isVisible()  # no raw 0.410 for a shop owner
    assert settings.policy_widgets["retention/guest_grace_hours"].isVisible()
    settings.show_advanced.click()
    assert threshold.isVisible() and settings.show_advanced.text() == "Hide advanced face matching settings"
    assert "Smaller numbers make face matching stricter" in " ".join(
        label.text() for label in settings.advanced.findChildren(QLabel)
    )
    threshold.setValue(0.40)
    settings.save_policy.click()
    assert face_ready.settings.value("recognition/verify_threshold") == pytest.approx(0.40)
    assert settings.scroll_area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff


def test_a_camera_given_on_the_command_line_is_named_in_settings(
    qtbot: QtBot, face_ready: DeskServices, admin: OperatorSession, photo_camera: Camera,
    make_context: Callable[..., DeskContext],
) -> None:  # fmt: skip
    ctx = make_context(face_ready, admin, photo_camera)
    ctx.camera_name = "clip.mp4"
    settings = DeskPages(ctx).settings()
    qtbot.addWidget(settings)
    settings.refresh()
    assert settings.camera.currentText() == "clip.mp4 (given when FaceDesk was started)"
    assert not settings.camera.isEnabled()
