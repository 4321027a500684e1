"""USB cameras: the backend per operating system, discovery, and a camera that is not there."""

from pathlib import Path

import cv2
import pytest

from app.camera import usb_camera
from app.camera.usb_camera import CameraInfo, UsbCameraSource, capture_backends, list_cameras
from app.domain.errors import CameraUnavailableError


@pytest.mark.parametrize(
    ("platform", "backends"),
    [
        ("win32", (cv2.CAP_DSHOW, cv2.CAP_MSMF)),
        ("darwin", (cv2.CAP_AVFOUNDATION,)),
        ("linux", (cv2.CAP_V4L2,)),
    ],
)
def test_each_platform_uses_its_native_capture_backend(platform: str, backends: tuple[int, ...]) -> None:
    assert capture_backends(platform) == backends


def test_linux_cameras_are_listed_from_sysfs_without_opening_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for index, name in ((0, "HD Pro Webcam C920"), (2, "")):
        node = tmp_path / f"video{index}"
        node.mkdir()
        (node / "name").write_text(name + "\n")
    (tmp_path / "not-a-camera").mkdir()
    monkeypatch.setattr(usb_camera, "_V4L_ROOT", tmp_path)
    assert list_cameras("linux") == [CameraInfo(0, "HD Pro Webcam C920"), CameraInfo(2, "Camera 2")]


def test_a_camera_that_is_not_there_gets_a_plain_message() -> None:
    source = UsbCameraSource(63)
    with pytest.raises(CameraUnavailableError, match="plugged in and not in use by another program"):
        source.open()
    source.close()  # harmless after a failed open
