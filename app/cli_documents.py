"""Command-line commands that write records, documents and backups.

attendance, signage, pia, filing, backup and restore.

Part of app/cli.py, kept apart so each module stays small. Every one of them opens the
installation as the holder of the database key (audited as ``cli``), refuses to overwrite an
existing file, and prints one line saying what it wrote.
"""

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from app.application import PASSPHRASE_ENV, RECOVERY_CODE_ENV, passphrase_from_environment, write_document_pdf
from app.cli_secrets import opened_desk, passphrase_if_needed, secret_from
from app.config.paths import DataPaths
from app.domain.audit import CLI_ACTOR
from app.domain.clock import system_clock
from app.domain.documents import Document
from app.domain.errors import InvalidInputError
from app.services.backup_service import BackupService
from app.services.document_service import write_filing_json
from app.services.installation_service import InstallationService

EXIT_OK = 0


def add_document_commands(commands: "argparse._SubParsersAction[Any]") -> None:
    """Declare the commands' arguments."""
    commands.add_parser(
        "backup",
        help="write an encrypted backup now (also daily by the desk); old ones are rotated out",
    )
    restore = commands.add_parser(
        "restore",
        help="restore a backup into a new, empty data folder (needs the recovery code)",
        description=f"Copy BACKUP into --data-dir (which must be new) and unlock it with the recovery code "
        f"({RECOVERY_CODE_ENV} or a prompt); {PASSPHRASE_ENV} becomes the new passphrase, or the OS keyring "
        "keeps the key.",
    )
    restore.add_argument("backup", type=Path, metavar="BACKUP", help="a backups/facedesk-backup-... folder")
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
    _refuse_existing(args.out)
    with opened_desk(installation) as desk:
        rows = desk.attendance.export_csv(None, first_day, last_day, args.out)
    print(f"Wrote {rows} clock event{'s' if rows != 1 else ''} to {args.out}.")
    return EXIT_OK


def _cmd_signage(args: argparse.Namespace, installation: InstallationService) -> int:
    _refuse_existing(args.out)
    languages = ("zh_CN", "en") if args.lang == "both" else (args.lang,)
    with opened_desk(installation) as desk:
        desk.documents.signage(None, languages, write=lambda document: write_document_pdf(document, args.out))
    print(f"Wrote the sign to {args.out}.")
    return EXIT_OK


def _cmd_pia(args: argparse.Namespace, installation: InstallationService) -> int:
    _refuse_existing(args.out)
    with opened_desk(installation) as desk:
        desk.documents.pia_report(None, write=lambda document: write_document_pdf(document, args.out))
    print(f"Wrote the impact assessment report to {args.out}.")
    return EXIT_OK


def _cmd_filing(args: argparse.Namespace, installation: InstallationService) -> int:
    _refuse_existing(args.out)
    _refuse_existing(args.json)

    def write_both(document: Document, data: dict[str, Any]) -> None:
        write_filing_json(data, args.json)
        try:
            write_document_pdf(document, args.out)
        except BaseException:
            args.json.unlink(missing_ok=True)  # both files or neither
            raise

    with opened_desk(installation) as desk:
        desk.documents.filing_data(None, write=write_both)
    print(f"Wrote the filing data to {args.out} and {args.json}.")
    return EXIT_OK


FIRST_YEAR, LAST_YEAR = 1970, 2999  # attendance lies within these; year 9999 would overflow the day after


def _refuse_existing(path: Path) -> None:
    if path.is_symlink() or path.exists():  # a link, even a dangling one, is never written through
        raise InvalidInputError(f"{path} already exists; choose a new file name.")


def _date_argument(option: str, text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise InvalidInputError(f"{option} needs a date like 2026-01-31, not {text!r}.") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise InvalidInputError(f"{option} needs a date between {FIRST_YEAR} and {LAST_YEAR}, not {text}.")
    return day


def _cmd_backup(args: argparse.Namespace, installation: InstallationService) -> int:
    database = installation.open(passphrase_if_needed(installation))
    try:
        service = installation.backups()
        backup = service.take(database, actor=CLI_ACTOR)
        kept = len(service.backups())
    finally:
        database.close()
    print(f"Wrote the encrypted backup {backup.path} ({kept} kept).")
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace, installation: InstallationService) -> int:
    target = DataPaths.for_data_dir(args.data_dir)
    backup = args.backup.expanduser().resolve()
    BackupService.refuse_unusable(backup, target)  # before asking for anything
    code = secret_from(RECOVERY_CODE_ENV, "Recovery code", confirm=False)
    new_passphrase = passphrase_from_environment()
    if new_passphrase is None and not installation.keyring_available:
        new_passphrase = secret_from(PASSPHRASE_ENV, "New database passphrase", confirm=True)
    if new_passphrase is not None:
        installation.check_new_passphrase(new_passphrase)
    BackupService.place(backup, target, code)  # verifies everything first; places nothing on any failure
    database = installation.recover(code, new_passphrase=new_passphrase)
    try:
        people, verdict = BackupService(target, system_clock).record_restore(database, args.backup.name)
    finally:
        database.close()
    print(f"Restored {people} people from {args.backup.name} into {target.root}. {verdict.describe()}")
    return EXIT_OK if verdict.intact else 1


DOCUMENT_COMMANDS: dict[str, Callable[[argparse.Namespace, InstallationService], int]] = {
    "attendance": _cmd_attendance,
    "signage": _cmd_signage,
    "pia": _cmd_pia,
    "filing": _cmd_filing,
    "backup": _cmd_backup,
    "restore": _cmd_restore,
}
