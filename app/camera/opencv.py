"""OpenCV, imported once and told to keep quiet.

OpenCV prints its own warnings (such as "can't open camera by index") straight to stderr; the
camera code turns every failure into a clear FaceDesk error instead.
"""

import cv2

cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)

__all__ = ["cv2"]
