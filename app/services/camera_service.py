"""Which cameras this computer has, for the settings page and the setup wizard."""

from app.camera.usb_camera import list_cameras


def available_cameras() -> list[tuple[int, str]]:
    """(index, name) of each camera found."""
    return [(camera.index, camera.name) for camera in list_cameras()]
