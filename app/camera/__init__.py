"""Frame sources: USB webcams through OpenCV, and video files or photos for trials and tests."""

import cv2

# OpenCV prints its own warnings (such as "can't open camera by index") straight to stderr; the
# camera code turns every failure into a clear FaceDesk error instead.
cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)
