"""A whole capture flow, run as its own process by the no-frames-on-disk test (R12).

Plays the real clip through the camera feed, analyses every frame, encodes enrolment templates
and probes in the encoder process, and identifies against an in-memory gallery.
"""

import sys
import threading
from pathlib import Path

from app.camera.feed import CameraFeed
from app.camera.file_source import VideoFileSource
from app.domain.matching import MatchThresholds
from app.recognition.analyzer import FaceAnalyzer
from app.recognition.encoder import EncoderProcess
from app.recognition.gallery import TemplateGallery
from app.recognition.models import FaceModels


def main(clip: Path) -> None:
    analyzer = FaceAnalyzer(FaceModels())
    gallery = TemplateGallery()
    counts = {"frames": 0, "templates": 0, "searches": 0}
    with EncoderProcess() as encoder:

        def on_frame(frame) -> None:
            counts["frames"] += 1
            analysis = analyzer.analyse(frame.image, for_enrolment=not gallery)
            if analysis.face is None:
                return
            if not len(gallery) and analysis.verdict.acceptable:
                gallery.add([1], encoder.enrolment_template(analysis.face)[None, :])
                counts["templates"] += 1
            elif len(gallery) and frame.index % 5 == 0:
                gallery.identify(encoder.probe(analysis.face), MatchThresholds())
                counts["searches"] += 1

        CameraFeed(lambda: VideoFileSource(clip, realtime=False), on_frame=on_frame, on_state=lambda *_: None).run(
            threading.Event()
        )
    print(counts["frames"], counts["templates"], counts["searches"])


if __name__ == "__main__":
    main(Path(sys.argv[1]))
