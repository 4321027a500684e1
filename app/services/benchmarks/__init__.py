"""``facedesk bench``: speed and accuracy of the face engine, measured against peers in one run."""
