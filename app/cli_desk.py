"""Front-desk commands for scripts: ``in-house`` lists the day, ``checkout`` checks a room or a stay out.

Both sign an operator in (``--operator``, password from ``FACEDESK_OPERATOR_PASSWORD`` or a prompt),
as the desk would, so the audit log names who did it.
"""

import argparse
import json
from collections.abc import Callable
from typing import Any

from app.application import OPERATOR_PASSWORD_ENV
from app.cli_secrets import operator_signed_in
from app.domain.errors import InvalidInputError, NotFoundError, StateError
from app.domain.front_desk import DeskStay
from app.services.installation_service import InstallationService

EXIT_OK = 0


def add_desk_commands(commands: "argparse._SubParsersAction[Any]") -> None:
    """Declare ``in-house`` and ``checkout``."""
    in_house = commands.add_parser(
        "in-house",
        help="today's arrivals, in-house guests and departures, by room",
        description=f"Lists open stays as the Front desk page does. An operator signs in with --operator; the "
        f"password comes from {OPERATOR_PASSWORD_ENV} or a prompt.",
    )
    in_house.add_argument("--operator", required=True, metavar="USER", help="operator user name")
    in_house.add_argument("--json", action="store_true", help="print JSON")
    checkout = commands.add_parser(
        "checkout",
        help="check a guest out (face data goes at checkout plus the grace period)",
        description=f"Check out every guest in the house in ROOM (a party leaves together), or only stay number "
        f"N written as #N. An operator signs in with --operator; the password comes from {OPERATOR_PASSWORD_ENV} "
        "or a prompt.",
    )
    checkout.add_argument("stay", metavar="ROOM|#N", help="a room, or a stay number as #12")
    checkout.add_argument("--operator", required=True, metavar="USER", help="operator user name")


def _row(row: DeskStay) -> dict[str, Any]:
    stay = row.stay
    method = (
        None if stay.check_in_method is None else ("face" if stay.check_in_method.value == "face" else "id_document")
    )
    return {
        "stay": stay.id,
        "room": stay.room,
        "name": row.name,
        "arrival": stay.arrival.isoformat(),
        "departure": stay.departure.isoformat(),
        "checked_in": stay.checked_in,
        "method": method,
        "face_data_until": row.face_data_until.isoformat(timespec="minutes") if row.face_data_until else None,
    }


def _cmd_in_house(args: argparse.Namespace, installation: InstallationService) -> int:
    with operator_signed_in(installation, args.operator) as (desk, session):
        day = desk.front_desk.day(session)
        zone = desk.zone
    if args.json:
        print(json.dumps({
            "date": day.on.isoformat(),
            "arrivals": [_row(row) for row in day.arrivals],
            "in_house": [_row(row) for row in day.in_house],
            "departures": [row.stay.id for row in day.departures],
        }, indent=2, ensure_ascii=False))  # fmt: skip
        return EXIT_OK
    print(f"{day.on.isoformat()}: {len(day.arrivals)} arriving, {len(day.in_house)} in house, "
          f"{len(day.departures)} leaving today")  # fmt: skip
    for title, rows in (("Arriving", day.arrivals), ("In house", day.in_house)):
        for row in rows:
            face = (
                f"face data until {row.face_data_until.astimezone(zone).strftime('%Y-%m-%d %H:%M')}"
                if row.face_data_until
                else "no face data"
            )
            leaving = " (leaving today)" if row in day.departures else ""
            print(f"  {title:9} room {row.stay.room:6} #{row.stay.id:<5} {row.name} · until "
                  f"{row.stay.departure.isoformat()}{leaving} · {face}")  # fmt: skip
    return EXIT_OK


def _cmd_checkout(args: argparse.Namespace, installation: InstallationService) -> int:
    with operator_signed_in(installation, args.operator) as (desk, session):
        try:
            rows = desk.front_desk.leaving(session, args.stay)
        except (NotFoundError, StateError) as exc:  # a room or number typed wrong is bad input (exit 2), not damage
            raise InvalidInputError(str(exc)) from None
        done = [(row, desk.check_in.check_out(session, row.stay.id).templates_deleted) for row in rows]
    for row, deleted in done:
        what = (
            f"{deleted} face template{'s' if deleted != 1 else ''} deleted now"
            if deleted
            else "face data goes at checkout plus the grace period"
            if row.face_data_until
            else "no face data was held"
        )
        print(f"Checked out room {row.stay.room} (stay #{row.stay.id}): {what}.")
    return EXIT_OK


DESK_COMMANDS: dict[str, Callable[[argparse.Namespace, InstallationService], int]] = {
    "in-house": _cmd_in_house,
    "checkout": _cmd_checkout,
}
