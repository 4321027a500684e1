"""Qt objects that run on their own threads: camera capture, recognition, one-off jobs."""
