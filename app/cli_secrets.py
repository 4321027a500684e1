"""Reading secrets for the command line: from the environment, or typed at a terminal.

Secrets are never command-line arguments (they would show in process lists and shell history).
"""

import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from app.application import OPERATOR_PASSWORD_ENV, PASSPHRASE_ENV, passphrase_from_environment
from app.domain.errors import InvalidInputError
from app.domain.operators import OperatorSession
from app.services.desk_services import DeskServices
from app.services.installation_service import InstallationService


def passphrase_if_needed(installation: InstallationService) -> str | None:
    """The database passphrase when this installation uses one: from the environment, or asked for."""
    if not installation.is_initialized() or not installation.uses_passphrase():
        return None
    if passphrase_from_environment() is None and not sys.stdin.isatty():
        return None  # opening then fails with a message that says how to give the passphrase
    return passphrase_from_environment() or secret_from(PASSPHRASE_ENV, "Database passphrase", confirm=False)


@contextmanager
def opened_desk(installation: InstallationService) -> Iterator[DeskServices]:
    """The installation's services for one command (passphrase asked if needed), closed afterwards."""
    desk = installation.open_desk(passphrase_if_needed(installation))
    try:
        yield desk
    finally:
        desk.close()


@contextmanager
def operator_signed_in(
    installation: InstallationService, operator: str, *, reason: str = "cli"
) -> Iterator[tuple[DeskServices, OperatorSession]]:
    """The opened desk and a signed-in session of ``operator``, signed out and closed afterwards.

    The password comes from the environment or a prompt; signing in as at the desk means the audit
    log names who acted.
    """
    password = secret_from(OPERATOR_PASSWORD_ENV, f"Password for {operator}", confirm=False)
    with opened_desk(installation) as desk:
        session = desk.operators.sign_in(operator, password)
        try:
            yield desk, session
        finally:
            desk.operators.sign_out(session, reason=reason)


def valid_secret(value: str, source: str) -> str:
    """``value`` if it is valid text; a secret that is not UTF-8 could never be typed again.

    Raises:
        InvalidInputError: naming where it came from, never the value.
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidInputError(f"{source} is not valid text (it must be UTF-8); nothing was changed.") from None
    return value


def secret_from(env_var: str, prompt: str, *, confirm: bool) -> str:
    """A secret from ``env_var``, or typed at a terminal (twice when ``confirm``)."""
    value = os.environ.get(env_var)
    if value:
        return valid_secret(value, env_var)
    if not sys.stdin.isatty():
        raise InvalidInputError(f"{prompt} needed: set {env_var} or run the command in a terminal.")
    value = valid_secret(getpass.getpass(f"{prompt}: "), "what was typed")
    if confirm and getpass.getpass(f"{prompt} (again): ") != value:
        raise InvalidInputError("The two entries differ; nothing was changed.")
    return value
