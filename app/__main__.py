"""``python -m app``: the same as the ``facedesk`` command."""

import multiprocessing
import sys

from app.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the encoder process of a frozen bundle starts through here
    sys.exit(main())
