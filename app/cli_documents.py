"""Command-line commands that write records and documents: attendance, signage, pia, filing.

Part of app/cli.py, kept apart so each module stays small. Every one of them opens the
installation as the holder of the database key (audited as ``cli``), refuses to overwrite an
existing file, and prints one line saying what it wrote.
"""

import argparse
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

from app.application import write_document_pdf
from app.cli_secrets import passphrase_if_needed
from app.domain.errors import InvalidInputError
from app.services.installation_service import InstallationService

EXIT_OK = 0


def add_document_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Declare the commands' arguments."""
    attendance = commands.add_parser(
        "attendance",
        help="write staff clock events between two dates to a CSV file",
        description="One row per clock event: person, date, time, direction (in/out) and method (face, pin or "
        "manager). No face data. Dates are days at the desk, both included.",
    )
    attendance.add_argument("--from", dest="first_day", required=True, metavar="DATE", help="first day, 2026-01-01")
    attendance.add_argument("--to", dest="last_day", required=True, metavar="DATE", help="last day, 2026-12-31")
    attendance.add_argument("--out", required=True, type=Path, metavar="FILE.csv", help="a new file to write")

    signage = commands.add_parser("signage", help="write the A4 sign for the desk (facial recognition in use) as a PDF")
    signage.add_argument("--out", required=True, type=Path, metavar="FILE.pdf", help="a new file to write")
    signage.add_argument("--lang", choices=["both", "en", "zh_CN"], default="both", help="language(s) of the sign")
    pia = commands.add_parser("pia", help="write the latest impact assessment report as a PDF")
    pia.add_argument("--out", required=True, type=Path, metavar="FILE.pdf", help="a new file to write")
    filing = commands.add_parser("filing", help="write the filing data (R21) as a PDF report and machine-readable JSON")
    filing.add_argument("--out", required=True, type=Path, metavar="FILE.pdf", help="a new PDF file to write")
    filing.add_argument("--json", required=True, type=Path, metavar="FILE.json", help="a new JSON file to write")


def _cmd_attendance(args: argparse.Namespace, installation: InstallationService) -> int:
    first_day = _date_argument("--from", args.first_day)
    last_day = _date_argument("--to", args.last_day)
    if args.out.exists():
        raise InvalidInputError(f"{args.out} already exists; choose a new file name.")
    desk = installation.open_desk(passphrase_if_needed(installation))
    try:
        rows = desk.attendance.export_csv(None, first_day, last_day, args.out)
    finally:
        desk.close()
    print(f"Wrote {rows} clock event{'s' if rows != 1 else ''} to {args.out}.")
    return EXIT_OK


def _cmd_signage(args: argparse.Namespace, installation: InstallationService) -> int:
    _refuse_existing(args.out)
    languages = ("zh_CN", "en") if args.lang == "both" else (args.lang,)
    desk = installation.open_desk(passphrase_if_needed(installation))
    try:
        document = desk.documents.signage(None, languages)
    finally:
        desk.close()
    print(f"Wrote the sign to {write_document_pdf(document, args.out)}.")
    return EXIT_OK


def _cmd_pia(args: argparse.Namespace, installation: InstallationService) -> int:
    _refuse_existing(args.out)
    desk = installation.open_desk(passphrase_if_needed(installation))
    try:
        document = desk.documents.pia_report(None)
    finally:
        desk.close()
    print(f"Wrote the impact assessment report to {write_document_pdf(document, args.out)}.")
    return EXIT_OK


def _cmd_filing(args: argparse.Namespace, installation: InstallationService) -> int:
    _refuse_existing(args.out)
    _refuse_existing(args.json)
    desk = installation.open_desk(passphrase_if_needed(installation))
    try:
        document, data = desk.documents.filing_data(None)
    finally:
        desk.close()
    write_document_pdf(document, args.out)
    try:
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise InvalidInputError(f"Cannot write {args.json}: {exc.strerror or 'not writable'}.") from None
    print(f"Wrote the filing data to {args.out} and {args.json}.")
    return EXIT_OK


def _refuse_existing(path: Path) -> None:
    if path.exists():
        raise InvalidInputError(f"{path} already exists; choose a new file name.")


def _date_argument(option: str, text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInputError(f"{option} needs a date like 2026-01-31, not {text!r}.") from None


DOCUMENT_COMMANDS: dict[str, Callable[[argparse.Namespace, InstallationService], int]] = {
    "attendance": _cmd_attendance,
    "signage": _cmd_signage,
    "pia": _cmd_pia,
    "filing": _cmd_filing,
}
