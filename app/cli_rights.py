"""Rights-request commands (R19): ``export-person``, ``requests`` (the register), ``request`` (open, answer, refuse).

A Manager or Admin signs in (``--operator``, password from ``FACEDESK_OPERATOR_PASSWORD`` or a
prompt), as on the Rights requests page, so the audit log names who did it. Registering a request
needs ``--identity-checked``: the requester's ID document was checked in person.
"""

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.application import OPERATOR_PASSWORD_ENV, write_document_pdf
from app.cli_arguments import row_number
from app.cli_secrets import operator_signed_in
from app.domain.errors import InvalidInputError
from app.domain.rights import RightsRequestRow
from app.services.installation_service import InstallationService
from app.services.rights_service import REQUEST_KINDS

EXIT_OK = 0
_SIGN_IN = f"A Manager or Admin signs in with --operator; the password comes from {OPERATOR_PASSWORD_ENV} or a prompt."


def add_rights_commands(commands: "argparse._SubParsersAction[Any]") -> None:
    """Declare ``export-person``, ``requests`` and ``request``."""
    export = commands.add_parser(
        "export-person",
        help="write everything held on one person to a readable file (a rights request)",
        description=f"Export one person's data. A Manager or Admin signs in with --operator; the password comes "
        f"from {OPERATOR_PASSWORD_ENV} or a prompt.",
    )
    export.add_argument("person_id", type=row_number, metavar="ID", help="the person's number, as shown in the desk")
    export.add_argument("--out", required=True, type=Path, metavar="FILE", help="a new file to write")
    export.add_argument("--operator", required=True, metavar="USER", help="Manager or Admin user name")

    listing = commands.add_parser(
        "requests",
        help="the rights request register: open requests first, with the day each answer is due",
        description=f"List every rights request. {_SIGN_IN}",
    )
    listing.add_argument("--operator", required=True, metavar="USER", help="Manager or Admin user name")
    listing.add_argument("--json", action="store_true", help="print JSON")

    request = commands.add_parser(
        "request",
        help="register, answer or refuse a person's rights request",
        description=f"Register a request after checking the requester's ID document in person, answer it with "
        f"the action it asks for, or refuse it with a reason. {_SIGN_IN}",
    )
    actions = request.add_subparsers(dest="request_action", metavar="ACTION", parser_class=type(request))
    actions.required = True
    opened = actions.add_parser("open", help="register a request", description=f"Register a request. {_SIGN_IN}")
    opened.add_argument("--person", required=True, type=row_number, metavar="ID", help="the person's number")
    opened.add_argument("--kind", required=True, choices=REQUEST_KINDS, help="what they ask for")
    opened.add_argument(
        "--identity-checked",
        action="store_true",
        help="confirm that the requester's ID document was checked in person (required)",
    )
    answer = actions.add_parser(
        "answer",
        help="fulfil a request: access/copy write --out FILE, correction sets --name, deletion deletes the "
        "person's data, withdrawal deletes their face data, explanation marks it given",
        description=f"Fulfil request N with the action its kind asks for. {_SIGN_IN}",
    )
    refuse = actions.add_parser(
        "refuse", help="refuse a request with a reason", description=f"Refuse request N. {_SIGN_IN}"
    )
    for parser in (opened, answer, refuse):
        parser.add_argument("--operator", required=True, metavar="USER", help="Manager or Admin user name")
    for parser in (answer, refuse):
        parser.add_argument("request_id", type=row_number, metavar="N", help="the request's number")
    answer.add_argument(
        "--out", type=Path, metavar="FILE.pdf", help="access or copy: the person's data as a PDF, with FILE.json beside"
    )
    answer.add_argument("--name", metavar="NAME", help="correction: the corrected full name")
    refuse.add_argument("--reason", required=True, help="why, in words the person can understand")


def _row(row: RightsRequestRow) -> dict[str, Any]:
    return {
        "request": row.id,
        "person": row.person_id,
        "name": row.person_name,
        "personal_data_deleted": row.erased,
        "kind": row.kind,
        "received_at": row.received_at.isoformat(timespec="minutes"),
        "answer_due": row.due_on.isoformat(),
        "status": row.status,
        "refusal_reason": row.refusal_reason,
    }


def _cmd_export_person(args: argparse.Namespace, installation: InstallationService) -> int:
    if args.out.is_symlink() or args.out.exists():
        raise InvalidInputError(f"{args.out} already exists; choose a new file name.")
    with operator_signed_in(installation, args.operator, reason="cli_export") as (desk, session):
        written = desk.rights.write_export(session, args.person_id, args.out)
    print(f"Wrote everything held on person {args.person_id} to {written}.")
    return EXIT_OK


def _cmd_requests(args: argparse.Namespace, installation: InstallationService) -> int:
    with operator_signed_in(installation, args.operator) as (desk, session):
        rows = desk.rights.requests(session)
        zone = desk.zone
    if args.json:
        print(json.dumps([_row(row) for row in rows], indent=2, ensure_ascii=False))
        return EXIT_OK
    open_count = sum(row.status == "open" for row in rows)
    print(f"{len(rows)} requests, {open_count} open")
    for row in rows:
        who = "personal data deleted" if row.erased else (row.person_name or "nobody on file")
        due = f", answer by {row.due_on.isoformat()}" if row.status == "open" else ""
        reason = f": {row.refusal_reason}" if row.refusal_reason else ""
        received = row.received_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
        print(f"  #{row.id} {received} {row.kind} for {who} (person {row.person_id}): {row.status}{reason}{due}")
    return EXIT_OK


def _cmd_request(args: argparse.Namespace, installation: InstallationService) -> int:
    return _ACTIONS[args.request_action](args, installation)


def _open(args: argparse.Namespace, installation: InstallationService) -> int:
    if not args.identity_checked:
        raise InvalidInputError("Check the requester's ID document in person, then add --identity-checked.")
    with operator_signed_in(installation, args.operator) as (desk, session):
        request_id = desk.rights.open_request(session, args.person, args.kind)
        due = next(row.due_on for row in desk.rights.requests(session) if row.id == request_id)
    print(f"Registered request #{request_id} ({args.kind}); answer it by {due.isoformat()}.")
    return EXIT_OK


def _answer(args: argparse.Namespace, installation: InstallationService) -> int:
    with operator_signed_in(installation, args.operator) as (desk, session):
        request = next((row for row in desk.rights.requests(session) if row.id == args.request_id), None)
        if request is None:
            raise InvalidInputError(f"There is no request #{args.request_id}.")
        if request.kind in ("access", "copy"):
            if args.out is None:
                raise InvalidInputError("An access or copy request is answered with --out FILE.pdf.")
            pdf, companion = desk.rights.fulfil_with_export(session, request.id, args.out, write_document_pdf)
            print(f"Wrote the person's data to {pdf} and {companion.name}; request #{request.id} is answered.")
        elif request.kind == "correction":
            if not args.name:
                raise InvalidInputError('A correction request is answered with --name "the corrected name".')
            desk.rights.fulfil_correction(session, request.id, args.name)
            print(f"The name was corrected; request #{request.id} is answered.")
        elif request.kind == "deletion":
            outcome = desk.rights.fulfil_deletion(session, request.id)
            if outcome.identity_erased:
                print(f"Deleted the person's name, ID document, birth date and stays, and "
                      f"{outcome.templates_deleted} face templates; request #{request.id} is answered.")  # fmt: skip
            else:
                assert outcome.register_kept_until is not None  # noqa: S101 - set whenever the identity is kept
                print(f"Deleted {outcome.templates_deleted} face templates. The guest register keeps the "
                      f"registration until {outcome.register_kept_until.isoformat()}, when it is deleted by "
                      f"itself; request #{request.id} is answered.")  # fmt: skip
        elif request.kind == "withdrawal":
            templates = desk.rights.fulfil_withdrawal(session, request.id)
            print(f"Consent withdrawn, {templates} face templates deleted; request #{request.id} is answered.")
        else:
            desk.rights.fulfil_request(session, request.id)
            print(f"Request #{request.id} is answered.")
    return EXIT_OK


def _refuse(args: argparse.Namespace, installation: InstallationService) -> int:
    with operator_signed_in(installation, args.operator) as (desk, session):
        desk.rights.refuse_request(session, args.request_id, args.reason)
    print(f"Request #{args.request_id} is refused; the reason is kept with it.")
    return EXIT_OK


_ACTIONS: dict[str, Callable[[argparse.Namespace, InstallationService], int]] = {
    "open": _open,
    "answer": _answer,
    "refuse": _refuse,
}
RIGHTS_COMMANDS: dict[str, Callable[[argparse.Namespace, InstallationService], int]] = {
    "export-person": _cmd_export_person,
    "requests": _cmd_requests,
    "request": _cmd_request,
}
