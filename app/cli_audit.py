"""``facedesk audit``: check the audit log's hash chain, or read the log in plain words.

``audit show`` says what the desk's Audit log page says: who acted by name, each event as a
sentence, its details in words (English, or Chinese with ``facedesk --lang zh_CN audit show``).
A Manager or Admin signs in to read it, as at the desk, so reading is itself logged.
"""

import argparse
import json
from datetime import tzinfo
from typing import Any

from app.cli_arguments import OneLineParser, count
from app.cli_secrets import opened_desk, operator_signed_in
from app.config.paths import DataPaths
from app.domain.audit import AuditHead, AuditRecord
from app.domain.clock import from_utc_text
from app.domain.errors import InvalidInputError
from app.services.installation_service import InstallationService

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
DEFAULT_SHOWN = 50


def add_audit_commands(commands: Any) -> None:
    """The ``audit verify`` and ``audit show`` sub-commands."""
    audit = commands.add_parser("audit", help="audit log tools: check the chain, read the log")
    audit_commands = audit.add_subparsers(dest="audit_command", metavar="ACTION", parser_class=OneLineParser)
    audit_commands.required = True
    verify = audit_commands.add_parser(
        "verify",
        help="exit 0 if the hash chain, its protective triggers and any checkpoints check out, else 1",
        description="Check the audit log: every event's hash and link, the append-only triggers, and checkpoints "
        "printed on deletion receipts and compliance reports (they survive someone rewriting the log).",
    )
    verify.add_argument(
        "--checkpoint",
        action="append",
        default=[],
        metavar="N:HASH",
        help="a checkpoint as printed on a receipt or report, e.g. 42:9f86d081884c7d65 (repeatable)",
    )
    show = audit_commands.add_parser(
        "show",
        help="the newest audit events in plain words: when, who, what, details",
        description="Print the newest audit events as the desk's Audit log page shows them: who acted by name, "
        "what happened, the details in words. A Manager or Admin signs in with --operator; the password comes "
        "from FACEDESK_OPERATOR_PASSWORD or a prompt. Chinese: facedesk --lang zh_CN audit show ...",
    )
    show.add_argument("--operator", required=True, metavar="USER", help="Manager or Admin user name")
    show.add_argument(
        "--last", type=count, default=DEFAULT_SHOWN, metavar="N", help=f"how many events (default {DEFAULT_SHOWN})"
    )
    show.add_argument("--json", action="store_true", help="print JSON (stored codes beside the words)")


def cmd_audit(args: argparse.Namespace, installation: InstallationService) -> int:
    """Run ``audit verify`` or ``audit show``."""
    if args.audit_command == "show":
        return _show(args, installation)
    try:
        checkpoints = [AuditHead.parse_checkpoint(text) for text in args.checkpoint]
    except ValueError as exc:
        raise InvalidInputError(f"--checkpoint: {exc}.") from None
    with opened_desk(installation) as desk:
        verdict = desk.audit.verify(checkpoints)
    print("\n".join(verdict.lines()))
    return EXIT_OK if verdict.intact else EXIT_CHECK_FAILED


def _show(args: argparse.Namespace, installation: InstallationService) -> int:
    with operator_signed_in(installation, args.operator) as (desk, session):
        names = desk.audit.operator_names(session)
        records = desk.audit.recent_events(session, args.last)
        zone = desk.zone
    words = _AuditWords(DataPaths.for_data_dir(args.data_dir), args.lang)
    try:
        rows = [words.row(record, names, zone) for record in records]
    finally:
        words.close()
    if args.json:
        print(json.dumps({"events": rows}, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not rows:
        print("The audit log has no events.")
    for row in reversed(rows):  # oldest first, so the newest ends up beside the prompt
        line = f"{row['id']:>6}  {row['when']}  {row['by']}: {row['event']}"
        print(line + (f"  ({row['details_text']})" if row["details_text"] else ""))
    return EXIT_OK


class _AuditWords:
    """The desk's own words for the log (its translations when a language other than English is asked for)."""

    def __init__(self, paths: DataPaths, language: str | None) -> None:
        # The words and their translations are the desk's (Qt's translation system); only this
        # command needs them, so Qt is loaded here and not for every command.
        from PySide6.QtCore import QCoreApplication

        from app.ui import audit_words, names, table_models
        from app.ui.i18n import Translators

        self._app = QCoreApplication.instance() or QCoreApplication([])
        self._translators = Translators(self._app, paths.cache_dir)
        self._translators.use(language or "en")
        self._audit_words, self._names, self._table_models = audit_words, names, table_models

    def close(self) -> None:
        """Take the translations out again (the process may go on, as the tests' does)."""
        self._translators.remove()

    def row(self, record: AuditRecord, operators: dict[int, str], zone: tzinfo) -> dict[str, Any]:
        try:
            details: Any = json.loads(record.details) if record.details else {}
        except ValueError:
            details = record.details
        return {
            "id": record.id,
            "when": from_utc_text(record.occurred_at).astimezone(zone).strftime("%Y-%m-%d %H:%M:%S"),
            "occurred_at": record.occurred_at,
            "by": self._table_models.actor_name(record.actor, operators),
            "actor": record.actor,
            "event": self._names.audit_action_name(record.action)
            + (f" #{record.subject_id}" if record.subject_id is not None else ""),
            "action": record.action,
            "subject_type": record.subject_type,
            "subject_id": record.subject_id,
            "details_text": self._audit_words.readable_details(record.details),
            "details": details,
        }
