"""UI fixtures: a signed-in desk context on a real installation, with photos as the camera."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.application import OpenDesk
from app.camera.file_source import ImageSequenceSource, VideoFileSource
from app.config.device_settings import DeviceSettings
from app.config.paths import DataPaths
from app.domain.operators import OperatorSession
from app.services.desk_services import DeskServices
from app.ui.desk_context import DeskContext, DeskEnvironment
from app.ui.desk_pages import DeskPages
from app.ui.desk_window import DeskWindow
from app.ui.guest_language import GuestLanguage
from app.ui.i18n import install_english_plurals
from app.ui.style import stylesheet
from tests.helpers.clock import FakeClock
from tests.helpers.staff import answer_with_the_clip, enrol_staff, register_staff
from tests.helpers.staff import clip_camera as fast_clip_camera
from tests.integration.services.conftest import (  # noqa: F401 - fixtures shared with the service tests
    admin,
    clerk,
    face_ready,
    manager,
    obama_camera,
    photo_frames,
    register,
)

OBAMA = ("obama.jpg", "obama-1080p.jpg", "obama-720p.jpg")


class Camera:
    """A camera stand-in paced like a webcam: real photos, or the real clip, through FrameSource."""

    def __init__(self, make: Callable[[], object]) -> None:
        self._make = make
        self.created = 0

    def __call__(self) -> object:
        self.created += 1
        return self._make()


@pytest.fixture
def photo_camera(shared_datasets: Path) -> Camera:
    photos = [shared_datasets / "images" / name for name in OBAMA]
    return Camera(lambda: ImageSequenceSource(photos, name="desk camera", fps=10.0, realtime=True, loop=True))


@pytest.fixture
def clip_camera(shared_datasets: Path) -> Camera:
    # Looped, as a webcam never runs out: played once (9 s), a capture on a machine busy enough to
    # see one frame in several could reach the clip's end before three good views (seen once).
    return Camera(lambda: VideoFileSource(shared_datasets / "clips" / "short_hamilton_clip.mp4", loop=True))


@pytest.fixture(scope="session", autouse=True)
def english_plural_forms(qapp, tmp_path_factory: pytest.TempPathFactory) -> None:
    """English counts read "1 consent", "3 consents", as at the desk (installed once, like the app does)."""
    install_english_plurals(qapp, tmp_path_factory.mktemp("i18n-cache"))


@pytest.fixture(autouse=True)
def no_windows_left_behind(qapp) -> Iterator[None]:
    """Windows a test opened are deleted after it, not only hidden.

    Closed windows wait for a deferred delete that a test's event loop may never reach; hundreds
    of them piled up, and every later stylesheet change restyled them all: the suite slowed down
    test after test.
    """
    before = set(qapp.topLevelWidgets())
    yield
    for widget in set(qapp.topLevelWidgets()) - before:
        widget.close()
        widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def plain_stylesheet(qapp) -> Iterator[None]:
    """Each test starts and ends with the normal look (a flow test may switch on large text)."""
    qapp.setStyleSheet(stylesheet())
    yield
    qapp.setStyleSheet(stylesheet())


@pytest.fixture
def make_context(paths: DataPaths, qapp) -> Callable[..., DeskContext]:
    def make(desk: DeskServices, session: OperatorSession, camera: Callable[[], object]) -> DeskContext:
        return DeskContext(
            desk=desk,
            session=session,
            open_camera=camera,
            device=DeviceSettings(paths.device_settings),
            guest=GuestLanguage("en", paths.cache_dir),
            cache_dir=paths.cache_dir,
        )

    return make


@pytest.fixture
def open_desk(
    qtbot: QtBot,
    face_ready: DeskServices,  # noqa: F811 - pytest fixtures, requested by name
    photo_camera: Camera,
    make_context: Callable[..., DeskContext],
) -> Iterator[Callable[[OperatorSession], DeskWindow]]:
    """Opens the whole desk window for a session (every page, the status bar), closed after the test."""
    windows: list[DeskWindow] = []

    def open_for(session: OperatorSession) -> DeskWindow:
        window = DeskWindow(make_context(face_ready, session, photo_camera), "desk camera")
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield open_for
    for window in windows:
        window.shutdown()


@pytest.fixture
def desk_env(paths: DataPaths, photo_camera: Camera, shared_datasets: Path, qapp) -> DeskEnvironment:
    """This computer as the desk app sees it, with the photo camera standing in for the webcam."""
    paths.ensure_root()
    return DeskEnvironment(
        device=DeviceSettings(paths.device_settings),
        open_camera=photo_camera,
        camera_override=str(shared_datasets / "images" / OBAMA[0]),
        cache_dir=paths.cache_dir,
    )


@pytest.fixture
def owner(installation) -> Iterator[OpenDesk]:
    """The composition root's owner of the open installation (closed after the test)."""
    open_desk = OpenDesk(installation)
    yield open_desk
    open_desk.close()


def unnamed_controls(window: QWidget) -> list[str]:
    """Focusable controls of ``window`` that a screen reader would announce without a name (R23)."""
    unnamed = []
    for widget in window.findChildren(QWidget):
        if not widget.focusPolicy().value or widget.window() is not window:
            continue
        if widget.parentWidget() is not None and widget.parentWidget().inherits("QAbstractSpinBox"):
            continue  # the line edit inside a spin box is announced with the spin box
        interface = QAccessible.queryAccessibleInterface(widget)
        if interface is None or not interface.text(QAccessible.Text.Name).strip():
            unnamed.append(f"{type(widget).__name__} {widget.objectName()!r} in {type(widget.parentWidget()).__name__}")
    return unnamed


SPEAKER = "Lin Manuel"


@pytest.fixture
def speaker(
    face_ready: DeskServices,  # noqa: F811 - pytest fixtures, requested by name
    manager: OperatorSession,  # noqa: F811
    admin: OperatorSession,  # noqa: F811
    clock: FakeClock,
    shared_datasets: Path,
) -> int:
    """A staff member (the speaker of the shared clip) with face entry and the PIN 2580.

    The kiosk asks for one head turn, which the clip answers (see ``answer_with_the_clip``).
    """
    answer_with_the_clip(face_ready, admin)
    person_id = register_staff(face_ready, manager, clock, SPEAKER, "111")
    enrol_staff(face_ready, manager, person_id, fast_clip_camera(shared_datasets), SPEAKER)
    face_ready.staff.set_pin(manager, person_id, "2580")
    return person_id


@pytest.fixture
def desk_page(
    qtbot,
    face_ready: DeskServices,  # noqa: F811 - pytest fixtures, requested by name
    photo_camera: Camera,
    make_context: Callable[..., DeskContext],
) -> Callable[[OperatorSession, str], QWidget]:
    """Build one desk page (by its DeskPages name) for a signed-in operator, shown and refreshed."""

    def build(session: OperatorSession, name: str) -> QWidget:
        page = getattr(DeskPages(make_context(face_ready, session, photo_camera)), name)()
        qtbot.addWidget(page)
        page.show()
        page.refresh()
        return page

    return build
