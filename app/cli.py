"""The ``facedesk`` command line (a contract: DESIGN.md section 6).

Every command exits non-zero with one clear line on stderr for bad input, a wrong passphrase or
a missing data folder, and none of them ever prints a key, a template or an image.

Exit codes: 0 success; 1 a check found a problem (``audit verify``, ``doctor``); 2 bad input;
3 access refused (passphrase, recovery code, keyring); 4 data problem (not set up, missing,
damaged or too new); 70 unexpected error (details in the log file).
"""

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from app import __version__
from app.application import (
    ADMIN_PASSWORD_ENV,
    NEW_PASSPHRASE_ENV,
    PASSPHRASE_ENV,
    RECOVERY_CODE_ENV,
    LaunchOptions,
    build_installation,
    passphrase_from_environment,
    run_desk_app,
    start_logging,
)
from app.cli_arguments import EXIT_BAD_INPUT as CLI_BAD_INPUT
from app.cli_arguments import OneLineParser, refuse_undecodable
from app.cli_audit import add_audit_commands, cmd_audit
from app.cli_bench import BENCH_COMMANDS, add_bench_commands
from app.cli_desk import DESK_COMMANDS, add_desk_commands
from app.cli_documents import DOCUMENT_COMMANDS, add_document_commands
from app.cli_rights import RIGHTS_COMMANDS, add_rights_commands
from app.cli_secrets import opened_desk, passphrase_if_needed, secret_from
from app.config.files import os_error
from app.config.paths import DataPaths, refuse_cloud_sync
from app.config.process_hardening import forbid_core_dumps
from app.domain.audit import CLI_ACTOR
from app.domain.business import PERMITTED_LOCATIONS, LocationType, Purpose
from app.domain.errors import (
    AuthenticationError,
    FaceDeskError,
    InvalidInputError,
    KeyAccessError,
    PermissionDeniedError,
)
from app.recognition.encoder_engines import DEFAULT_ENGINE, EncoderEngine
from app.services.diagnostics_service import DiagnosticsService
from app.services.installation_service import InstallationService
from app.services.setup_service import SetupRequest

logger = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_BAD_INPUT = CLI_BAD_INPUT
EXIT_ACCESS = 3
EXIT_DATA = 4
EXIT_INTERNAL = 70


def build_parser() -> argparse.ArgumentParser:
    """The full command-line grammar."""
    parser = OneLineParser(
        prog="facedesk",
        description="FaceDesk: consent-first face recognition for front desks. "
        "With no command, starts the desk application.",
    )
    parser.add_argument("--version", action="version", version=f"FaceDesk {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="data folder (default: the per-user data folder)")
    parser.add_argument("--lang", choices=["en", "zh_CN"], help="language of the desk application")
    parser.add_argument(
        "--camera",
        metavar="INDEX|FILE",
        help="camera number, or a video, photo or folder of photos to use instead of a webcam",
    )
    parser.add_argument(
        "--engine",
        choices=[e.value for e in EncoderEngine],
        default=DEFAULT_ENGINE.value,
        help="face encoder: opencv (dlib's network on OpenCV's DNN, the default) or dlib (dlib's own, the reference)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="also log to the terminal")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation (models, face engine, encrypted database, translations, Qt, cameras)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)

    init = commands.add_parser(
        "init",
        help="set up a new installation",
        description=f"Set up a new installation. The first Admin's password comes from {ADMIN_PASSWORD_ENV} "
        f"(or a prompt). With no usable OS keyring, or with {PASSPHRASE_ENV} set, the database key is "
        "protected by that passphrase. Prints a recovery code once.",
    )
    init.add_argument("--business-name", required=True, help="the business named on notices and signs")
    init.add_argument("--contact", required=True, help="phone, e-mail or address for guests' rights requests")
    init.add_argument("--admin", required=True, metavar="USER", help="user name of the first Admin")
    init.add_argument("--admin-name", default="", metavar="NAME", help="display name of the first Admin")
    init.add_argument(
        "--location-type",
        choices=[loc.value for loc in LocationType],
        default=LocationType.HOTEL_FRONT_DESK.value,
        help="where the camera is; private spaces are refused (default: hotel_front_desk)",
    )
    init.add_argument(
        "--purpose",
        action="append",
        choices=[p.value for p in Purpose],
        default=[],
        help="enable face recognition for this purpose (repeatable; default: none, face features off)",
    )

    doctor = commands.add_parser("doctor", help="check key backend, model files and database")
    doctor.add_argument("--json", action="store_true", help="print JSON")
    doctor.add_argument(
        "--card-reader",
        metavar="PORT",
        help="try the ID card reader on this port (default: the one chosen in Settings)",
    )

    stats = commands.add_parser("stats", help="counts of people, templates, consents and the filing counter")
    stats.add_argument("--json", action="store_true", help="print JSON")

    purge = commands.add_parser(
        "purge", help="apply the retention rules now (the desk application also does it hourly)"
    )
    purge.add_argument("--dry-run", action="store_true", help="list what would be deleted; change nothing")
    purge.add_argument("--json", action="store_true", help="print JSON")

    add_document_commands(commands)
    add_desk_commands(commands)
    add_rights_commands(commands)

    add_audit_commands(commands)

    add_bench_commands(commands)

    commands.add_parser(
        "recover",
        help="regain access with the recovery code",
        description=f"Unlock with the recovery code ({RECOVERY_CODE_ENV} or a prompt). "
        f"With {PASSPHRASE_ENV} set, that becomes the new database passphrase; "
        "otherwise the key is put back into the OS keyring.",
    )
    commands.add_parser(
        "passphrase",
        help="change the database passphrase",
        description=f"Change the passphrase: current one from {PASSPHRASE_ENV}, new one from "
        f"{NEW_PASSPHRASE_ENV} (or prompts).",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit code."""
    forbid_core_dumps()  # before any secret is read or any frame is captured
    args = build_parser().parse_args(argv)
    try:
        refuse_undecodable(args)
    except InvalidInputError as exc:
        return _fail(EXIT_BAD_INPUT, exc)
    if args.self_test:
        from app.self_test import run_self_test  # loads dlib and Qt: only when asked

        return run_self_test(engine=EncoderEngine(args.engine))
    if args.command is None:
        try:
            options = LaunchOptions(args.data_dir, args.lang, args.verbose, args.camera, EncoderEngine(args.engine))
            return run_desk_app(options)
        except InvalidInputError as exc:
            return _fail(EXIT_BAD_INPUT, exc)
    paths = DataPaths.for_data_dir(args.data_dir)
    try:
        refuse_cloud_sync(paths)
    except InvalidInputError as exc:
        return _fail(EXIT_BAD_INPUT, exc)
    start_logging(paths, verbose=args.verbose)
    handler: Callable[[argparse.Namespace, InstallationService], int] = _COMMANDS[args.command]
    try:
        return handler(args, build_installation(paths))
    except BrokenPipeError:
        # The reader went away (``facedesk stats | head``): not an error, and nothing more to say.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except InvalidInputError as exc:
        return _fail(EXIT_BAD_INPUT, exc)
    except (KeyAccessError, AuthenticationError, PermissionDeniedError) as exc:
        return _fail(EXIT_ACCESS, exc)
    except FaceDeskError as exc:
        return _fail(EXIT_DATA, exc)
    except KeyboardInterrupt:
        print("facedesk: interrupted; nothing more was changed.", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:  # the disk or the folder, not FaceDesk: one line by kind, never a traceback
        logger.info("Command stopped by an OS error (errno %s).", exc.errno)
        return _fail(EXIT_DATA, os_error(exc, paths.root, "nothing more was changed"))
    except Exception:
        logger.exception("Unexpected error in 'facedesk %s'.", args.command)
        print(
            f"facedesk: unexpected error; details are in {paths.log_dir}. Nothing more was changed.",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def _fail(code: int, exc: FaceDeskError) -> int:
    logger.info("Command failed: %s: %s", type(exc).__name__, exc)
    print(f"facedesk: {exc}", file=sys.stderr)
    return code


def _cmd_init(args: argparse.Namespace, installation: InstallationService) -> int:
    location = LocationType(args.location_type)
    if location.is_private_space:
        allowed = ", ".join(loc.value for loc in PERMITTED_LOCATIONS)
        raise InvalidInputError(
            f"Face recognition may not be used in a {location.value.replace('_', ' ')} (Measures Art. 13); "
            f"use one of: {allowed}."
        )
    request = SetupRequest(
        business_name=args.business_name,
        contact=args.contact,
        location_type=location,
        admin_username=args.admin,
        admin_display_name=args.admin_name,
        admin_password=secret_from(ADMIN_PASSWORD_ENV, "Password for the first Admin", confirm=True),
        purposes=frozenset(Purpose(p) for p in args.purpose),
    ).validated()
    passphrase = passphrase_from_environment()
    if passphrase is None and not installation.keyring_available:
        passphrase = secret_from(PASSPHRASE_ENV, "New database passphrase", confirm=True)
    if passphrase is not None:
        installation.check_new_passphrase(passphrase)
    installation.paths.ensure_root()
    start_logging(installation.paths, verbose=args.verbose)  # the folder exists now: log setup too
    desk, code = installation.create_desk(request, passphrase=passphrase)
    desk.close()
    protection = installation.key_facts()["key_backend"]
    print(f"FaceDesk is set up in {installation.paths.root}.")
    print(f"Database key protected by: {protection}.")
    print()
    print("RECOVERY CODE (shown only now; write it down and keep it away from this computer):")
    print(f"    {code.formatted()}")
    print("If the keyring entry or the passphrase is ever lost, 'facedesk recover' with this code")
    print("restores access to the database.")
    return EXIT_OK


def face_engine_line(status: dict[str, Any] | None) -> str:
    """The doctor's line about the face encoder engine."""
    if status is None:
        return "not started (model files missing)"
    if status["engine"] is None:
        return f"PROBLEM: {status['problem']}"
    line = f"{status['engine']} ({status['description']})"
    if status["engine"] != status["requested"]:
        line += f"; PROBLEM: {status['requested']} was asked for, but {status['problem']}"
    return line


def _cmd_doctor(args: argparse.Namespace, installation: InstallationService) -> int:
    passphrase = passphrase_if_needed(installation)
    report = DiagnosticsService(installation).report(
        passphrase,
        camera=args.camera,
        card_reader=args.card_reader or configured_card_reader(installation.paths),
        door=device_settings_reader(installation.paths),
        engine=EncoderEngine(args.engine),
    )
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print(f"FaceDesk {report['facedesk_version']} (Python {report['python']}, {report['platform']})")
        print(f"Data folder:   {report['data_dir']} ({'set up' if report['initialized'] else 'not set up'})")
        key = report["key"]
        print(f"Database key:  {key.get('key_backend', 'not created yet')}")
        print(f"OS keyring:    {key['secret_store']}")
        print(f"Crash dumps:   {report['core_dumps']} (they would hold keys and face data)")
        for model in report["models"]["files"]:
            print(f"Model file:    {model['name']}: {'found' if model['found'] else 'MISSING'}")
        print(f"Face engine:   {face_engine_line(report['face_engine'])}")
        cameras = ", ".join(f"{c['index']}: {c['name']}" for c in report["cameras"]) or "none found"
        print(f"Cameras:       {cameras}")
        if report.get("camera_source"):
            source = report["camera_source"]
            state = (
                f"{source['width']}x{source['height']} at {source['fps']:g} fps" if source["ok"] else source["error"]
            )
            print(f"--camera:      {source['name']}: {state}")
        ports = ", ".join(p["device"] for p in report["serial_ports"]) or "none found"
        print(f"Serial ports:  {ports}")
        reader = report["card_reader"]
        if reader:
            print(f"ID card reader: {reader['port']}: {READER_OUTCOMES[reader['outcome']]}")
        else:
            print("ID card reader: none chosen (documents are typed; choose one in Settings)")
        door = report["door_relay"]
        if door:
            print(f"Door relay:    {door['port']} ({door['board']}): {RELAY_OUTCOMES[door['outcome']]}")
        else:
            print("Door relay:    none chosen (no door is opened; choose one in Settings)")
        database = report["database"]
        if database and "problem" in database:
            print(f"Database:      PROBLEM: {database['problem']}")
            _print_damage(database.get("damaged_pages", 0))
        elif database:
            pending = " (upgrade pending)" if database["upgrade_pending"] else ""
            print(f"Database:      schema {database['schema_version']}{pending}, {database['cipher']}")
            _print_damage(database["damaged_pages"])
            for problem in database["integrity_problems"]:
                if "fail authentication" not in problem:
                    print(f"Integrity:     PROBLEM: {problem}")
        backup = report["newest_verified_backup"]
        print(f"Last backup:   {backup['name']} (verified)" if backup else "Last backup:   none verified yet")
    return EXIT_OK if report["ok"] else EXIT_CHECK_FAILED


READER_OUTCOMES = {
    "ready": "answers, no card on it",
    "card_on_reader": "answers, a card lies on it",
    "no_answer": "PROBLEM: the port opens but no reader answers (is it the reader's port?)",
    "cannot_open": "PROBLEM: cannot be opened (unplugged, or in use by another program)",
}


RELAY_OUTCOMES = {
    "ready": "answers (the door was sent 'lock')",
    "no_answer": "PROBLEM: the port opens but the board did not confirm (is it the relay's port and board type?)",
    "cannot_open": "PROBLEM: cannot be opened (unplugged, or in use by another program such as the open desk)",
    "invalid": "PROBLEM: the bytes set in Settings for this board are not valid hexadecimal pairs",
}


def device_settings_reader(paths: DataPaths) -> Callable[[str], object] | None:
    """Reads this computer's device settings (door relay and others), if a settings file exists."""
    if not paths.device_settings.exists():
        return None
    from app.config.device_settings import DeviceSettings  # Qt's settings file reader: only when there is one

    return DeviceSettings(paths.device_settings).value


def configured_card_reader(paths: DataPaths) -> str | None:
    """The reader port chosen in Settings on this computer, if any."""
    if not paths.device_settings.exists():
        return None
    from app.config.device_settings import DeviceSettings  # Qt's settings file reader: only when there is one

    return str(DeviceSettings(paths.device_settings).value("card_reader/port")) or None


def _print_damage(pages: int) -> None:
    if pages:
        print(f"Damaged:       {pages} page(s) fail authentication: restore the latest backup into a new data "
              "folder ('facedesk restore')")  # fmt: skip


def _cmd_stats(args: argparse.Namespace, installation: InstallationService) -> int:
    with opened_desk(installation) as desk:
        desk.statistics.update_milestones(datetime.now(UTC))
        summary = desk.statistics.summary()
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        print(stats_text(summary))
    return EXIT_OK


def _count(number: int, one: str, many: str) -> str:
    return f"{number:,} {one if number == 1 else many}"


def stats_text(summary: dict[str, Any]) -> str:
    """The ``stats`` summary in sentences a shop owner reads at a glance (``--json`` has the same data)."""
    people, consents, checks, filing = (
        summary["people"],
        summary["consents"],
        summary["verifications"],
        summary["filing"],
    )
    level = {
        "below": "below the first warning level (50,000 people)",
        "warning_50k": "past 50,000 people: prepare the filing",
        "warning_90k": "past 90,000 people: the filing is close",
        "filing_required": "the filing threshold is reached: file within 30 working days",
    }.get(filing["level"], filing["level"])
    lines = [
        ("People on file", f"{_count(people['guests'], 'guest', 'guests')}, {people['staff']:,} staff"),
        (
            "Face data held",
            f"{_count(summary['people_with_face_data'], 'person', 'people')}, "
            f"{_count(summary['face_templates'], 'template', 'templates')}",
        ),
        ("Consents", f"{consents['live']:,} live, {consents['withdrawn']:,} withdrawn"),
        ("Stays", f"{summary['stays']:,}"),
        ("Checks", f"{checks['face']:,} by face, {checks['manual']:,} by ID document"),
        ("Operator accounts", f"{summary['operators']:,}"),
        ("Audit events", f"{summary['audit_events']:,}"),
        ("Open security alerts", f"{summary['open_security_alerts']:,}"),
        ("Impact assessments", f"{summary['pia_records']:,}"),
        (
            "Filing",
            f"{filing['people_with_face_data']:,} of {filing['threshold']:,} people with face data; {level}",
        ),
    ]
    if filing["filing_deadline"]:
        lines.append(("Filing deadline", str(filing["filing_deadline"])))
    width = max(len(label) for label, _ in lines) + 2
    return "\n".join(f"{label + ':':<{width}}{value}" for label, value in lines)


def _cmd_purge(args: argparse.Namespace, installation: InstallationService) -> int:
    with opened_desk(installation) as desk:
        report = desk.retention.purge(dry_run=args.dry_run, actor=CLI_ACTOR)
    items = [
        {
            "consent_id": item.consent_id,
            "person_id": item.person_id,
            "purpose": item.purpose,
            "reason": item.reason,
            "templates": item.templates,
            "due_at": item.due_at.isoformat(timespec="minutes"),
        }
        for item in report.items
    ]
    if args.json:
        print(
            json.dumps(
                {
                    "dry_run": report.dry_run,
                    "consents": len(items),
                    "templates": report.templates,
                    "items": items,
                    "registrations_erased": report.registrations_erased,
                },
                indent=2,
            )
        )
        return EXIT_OK
    verb = "Would delete" if report.dry_run else "Deleted"
    consents = _count(len(items), "consent", "consents")
    print(f"{verb} the face data of {consents}, {_count(report.templates, 'template', 'templates')}.")
    for index, item in enumerate(items):
        print(
            f"  consent {item['consent_id']} (person {item['person_id']}, {item['purpose']}): "
            f"{_count(report.items[index].templates, 'template', 'templates')}, "
            f"{str(item['reason']).replace('_', ' ')} since {item['due_at']}"
        )
    if report.registrations_erased:
        print(
            f"{verb} the registrations (name, ID document, birth date, stays) whose guest register period has "
            f"ended: {report.registrations_erased}."
        )
    return EXIT_OK


def _cmd_recover(args: argparse.Namespace, installation: InstallationService) -> int:
    code = secret_from(RECOVERY_CODE_ENV, "Recovery code", confirm=False)
    new_passphrase = passphrase_from_environment()
    if new_passphrase is None and not installation.keyring_available:
        new_passphrase = secret_from(PASSPHRASE_ENV, "New database passphrase", confirm=True)
    installation.recover(code, new_passphrase=new_passphrase).close()
    print(f"Access restored; the database key is now protected by: {installation.key_facts()['key_backend']}.")
    return EXIT_OK


def _cmd_passphrase(args: argparse.Namespace, installation: InstallationService) -> int:
    old = secret_from(PASSPHRASE_ENV, "Current database passphrase", confirm=False)
    new = secret_from(NEW_PASSPHRASE_ENV, "New database passphrase", confirm=True)
    installation.change_passphrase(old, new)
    print("The database passphrase was changed.")
    return EXIT_OK


_COMMANDS: dict[str, Callable[[argparse.Namespace, InstallationService], int]] = {
    "init": _cmd_init,
    "doctor": _cmd_doctor,
    "stats": _cmd_stats,
    "audit": cmd_audit,
    **BENCH_COMMANDS,
    "purge": _cmd_purge,
    **DOCUMENT_COMMANDS,
    **DESK_COMMANDS,
    **RIGHTS_COMMANDS,
    "recover": _cmd_recover,
    "passphrase": _cmd_passphrase,
}


if __name__ == "__main__":
    sys.exit(main())
