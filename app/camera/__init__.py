"""Frame sources: USB webcams through OpenCV, and video files or photos for trials and tests.

OpenCV itself is imported by the modules that use it (through :mod:`app.camera.opencv`), so the
package can be imported for its frame type without loading OpenCV.
"""
