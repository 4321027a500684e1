"""Reusable widgets: camera preview, progress ring, signature pad."""
