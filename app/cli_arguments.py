"""The command line's argument types and parser: every mistake is one line and exit code 2.

Numbers are checked for range before they reach SQLite (a record number of 10^23 would overflow),
and text that was not valid UTF-8 is refused by name before it is stored or printed anywhere.
"""

import argparse
from typing import NoReturn

from app.domain.errors import InvalidInputError

EXIT_BAD_INPUT = 2

MAX_ROW_NUMBER = 2**63 - 1  # SQLite's largest row id
MAX_COUNT = 10_000_000


def row_number(text: str) -> int:
    """A record number as shown in the desk (1 up to SQLite's largest row id)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 1 <= value <= MAX_ROW_NUMBER:
        raise argparse.ArgumentTypeError(f"{text} is not a record number (1 to {MAX_ROW_NUMBER})")
    return value


def count(text: str) -> int:
    """A count of things or runs (0 up to ten million)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0 <= value <= MAX_COUNT:
        raise argparse.ArgumentTypeError(f"{text} is out of range (0 to {MAX_COUNT:,})")
    return value


def refuse_undecodable(args: argparse.Namespace) -> None:
    """Refuse text arguments that were not valid UTF-8 (Python keeps such bytes as lone surrogates).

    File names are left alone: on Linux a file name may be any bytes.

    Raises:
        InvalidInputError: naming the option.
    """
    for name, value in vars(args).items():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and not is_text(item):
                option = name if name in ("command", "person_id") else "--" + name.replace("_", "-")
                raise InvalidInputError(f"{option} is not valid text (it must be UTF-8); nothing was changed.")


def is_text(value: str) -> bool:
    """Whether ``value`` is valid Unicode (encodes as UTF-8)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class OneLineParser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, as the CLI contract requires."""

    def error(self, message: str) -> NoReturn:
        """Print ``message`` as one line and exit with code 2."""
        self.exit(EXIT_BAD_INPUT, f"facedesk: {message} (see 'facedesk --help')\n")
