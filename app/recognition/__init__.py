"""Face detection, alignment, encoding, quality checks and gallery search (dlib, numpy)."""
