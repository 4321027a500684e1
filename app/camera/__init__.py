"""Frame sources: USB webcams through OpenCV, and video files or photo folders for trials and tests."""
