"""The desk opens whatever camera is configured at the moment of each capture."""

from pathlib import Path

from app.camera.file_source import ImageSequenceSource, VideoFileSource
from app.services.camera_service import CameraChoice, camera_opener


def test_the_choice_is_read_again_for_every_capture(shared_datasets: Path) -> None:
    current = [CameraChoice(str(shared_datasets / "clips" / "short_hamilton_clip.mp4"))]
    open_camera = camera_opener(lambda: current[0])
    assert isinstance(open_camera(), VideoFileSource)
    current[0] = CameraChoice(str(shared_datasets / "images" / "obama.jpg"), fps=10.0)
    source = open_camera()
    assert isinstance(source, ImageSequenceSource)
    assert source.name == "obama.jpg"
