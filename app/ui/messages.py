"""Messages from the services, shown in the desk's language.

Services raise errors with English sentences. The ones a receptionist is likely to see are
declared here so lupdate puts them in the translation file (context "Messages"); anything not
listed is shown in English rather than not at all. tests/ui/test_messages.py checks that every
entry is still raised somewhere, so the list cannot silently go stale.
"""

import re

from PySide6.QtCore import QCoreApplication

from app.domain.errors import (
    DatabaseDamagedError,
    DiskFullError,
    FaceDeskError,
    KeyFileDamagedError,
    KeyFileMismatchError,
    ReadOnlyError,
    RollbackError,
)
from app.domain.translatable import QT_TRANSLATE_NOOP

KNOWN_MESSAGES = (
    QT_TRANSLATE_NOOP("Messages", "Enter the name as it is written on the ID document."),
    QT_TRANSLATE_NOOP("Messages", "A name cannot contain invisible characters."),
    QT_TRANSLATE_NOOP("Messages", "A resident ID number has 17 digits followed by a digit or X."),
    QT_TRANSLATE_NOOP("Messages", "This resident ID number does not contain a valid date of birth."),
    QT_TRANSLATE_NOOP("Messages", "This resident ID number is not valid: please check it for typing mistakes."),
    QT_TRANSLATE_NOOP("Messages", "A residence permit number has 17 digits followed by a digit or X."),
    QT_TRANSLATE_NOOP("Messages", "This residence permit number does not contain a valid date of birth."),
    QT_TRANSLATE_NOOP("Messages", "This residence permit number is not valid: please check it for typing mistakes."),
    QT_TRANSLATE_NOOP(
        "Messages", "A Hong Kong, Macao or Taiwan residence permit number starts with 810000, 820000 or 830000."
    ),
    QT_TRANSLATE_NOOP(
        "Messages",
        "A foreign permanent resident ID number has 18 digits starting with 9 (2023 card) or "
        "3 letters and 12 digits (2017 card).",
    ),
    QT_TRANSLATE_NOOP("Messages", "This permanent residence ID number does not contain a valid date of birth."),
    QT_TRANSLATE_NOOP(
        "Messages", "This permanent residence ID number is not valid: please check it for typing mistakes."
    ),
    QT_TRANSLATE_NOOP(
        "Messages", "A Hong Kong and Macao permit number is H or M followed by 8 digits (10 on newer cards)."
    ),
    QT_TRANSLATE_NOOP("Messages", "A Taiwan permit number has 8 digits (10 on older permits)."),
    QT_TRANSLATE_NOOP("Messages", "The date of birth does not match the one in the document number."),
    QT_TRANSLATE_NOOP("Messages", "The machine-readable zone has a wrong check digit for the document number."),
    QT_TRANSLATE_NOOP("Messages", "The machine-readable zone has a wrong check digit for the date of birth."),
    QT_TRANSLATE_NOOP("Messages", "The machine-readable zone has a wrong check digit for the expiry date."),
    QT_TRANSLATE_NOOP("Messages", "The machine-readable zone has a wrong check digit for the personal number."),
    QT_TRANSLATE_NOOP(
        "Messages", "The machine-readable zone has a wrong final check digit: a character is misread somewhere."
    ),
    QT_TRANSLATE_NOOP(
        "Messages",
        "This is not a complete machine-readable zone: a passport has 2 lines of 44 characters, an ID card 3 lines "
        "of 30.",
    ),
    QT_TRANSLATE_NOOP("Messages", "The machine-readable zone has an impossible date."),
    QT_TRANSLATE_NOOP("Messages", "The card could not be read correctly: lay it on the reader again."),
    QT_TRANSLATE_NOOP("Messages", "This kind of card cannot be read here yet: enter its details by hand."),
    QT_TRANSLATE_NOOP("Messages", "The card's date of birth does not match its number: check the card by hand."),
    QT_TRANSLATE_NOOP(
        "Messages",
        "This ID card has expired, so it cannot confirm who the guest is: check another valid document.",
    ),
    QT_TRANSLATE_NOOP(
        "Messages",
        "The card on the reader is not the document registered for this guest: lay the guest's own card, "
        "or check their document by hand.",
    ),
    QT_TRANSLATE_NOOP("Messages", "Enter the date of birth shown on the document."),
    QT_TRANSLATE_NOOP("Messages", "The date of birth does not match the one in the resident ID number."),
    QT_TRANSLATE_NOOP("Messages", "The date of birth is not possible."),
    QT_TRANSLATE_NOOP("Messages", "The departure date cannot be before the arrival date."),
    QT_TRANSLATE_NOOP("Messages", "The departure date has already passed."),
    QT_TRANSLATE_NOOP("Messages", "A stay can last at most one year."),
    QT_TRANSLATE_NOOP("Messages", "Enter at least the last four characters of the document number."),
    QT_TRANSLATE_NOOP("Messages", "The document shown does not match the one registered for this stay."),
    QT_TRANSLATE_NOOP("Messages", "This stay is already checked in."),
    QT_TRANSLATE_NOOP("Messages", "This stay is already checked out."),
    QT_TRANSLATE_NOOP("Messages", "The typed name must be the consenting person's own name."),
    QT_TRANSLATE_NOOP("Messages", "Enter how the guardian is related to the child."),
    QT_TRANSLATE_NOOP("Messages", "Please sign with a finger or the pen: the signature is empty."),
    QT_TRANSLATE_NOOP("Messages", "Please sign with a finger or the pen: the signature is too small."),
    QT_TRANSLATE_NOOP("Messages", "The notice has changed since it was shown: please show it again."),
    QT_TRANSLATE_NOOP("Messages", "This person has already consented for this purpose."),
    QT_TRANSLATE_NOOP("Messages", "No consent has this withdrawal code: check it for typing mistakes."),
    QT_TRANSLATE_NOOP("Messages", "A withdrawal code has 8 letters and digits, like 7KQ2-MXW9."),
    QT_TRANSLATE_NOOP("Messages", "This consent was already withdrawn or has ended; no face data is held under it."),
    QT_TRANSLATE_NOOP("Messages", "No face data is held for this person: use the manual ID check."),
    QT_TRANSLATE_NOOP("Messages", "Face verification is not enabled: use the manual ID check."),
    QT_TRANSLATE_NOOP("Messages", "The consent was withdrawn: nothing was stored."),
    QT_TRANSLATE_NOOP("Messages", "The face encoder process stopped; it will be restarted."),
    QT_TRANSLATE_NOOP("Messages", "That user name is already taken; choose another."),
    QT_TRANSLATE_NOOP("Messages", "A refusal needs a reason the person can understand."),
    QT_TRANSLATE_NOOP("Messages", "This request is already closed."),
    QT_TRANSLATE_NOOP("Messages", "A deletion request is answered by deleting the data: use Answer."),
    QT_TRANSLATE_NOOP("Messages", "This request asks for something else; answer it with its own button."),
    QT_TRANSLATE_NOOP(
        "Messages",
        "Staff records are employment and payroll records the employer must keep. Withdraw the staff member's "
        "face data on the Withdraw page, and refuse this request with that reason.",
    ),
    QT_TRANSLATE_NOOP("Messages", "The incident cannot end before it began."),
    QT_TRANSLATE_NOOP("Messages", "Choose which kinds of data the incident involved."),
    QT_TRANSLATE_NOOP("Messages", "Describe what happened."),
    QT_TRANSLATE_NOOP("Messages", "Describe why it happened."),
    QT_TRANSLATE_NOOP("Messages", "Describe the harm it could do to the people affected."),
    QT_TRANSLATE_NOOP("Messages", "Describe what was done, and what will be done."),
    QT_TRANSLATE_NOOP("Messages", "A relay channel is a number from 1 to 8."),
    QT_TRANSLATE_NOOP("Messages", "Enter the bytes as hexadecimal pairs, for example A0 01 01 A2."),
    QT_TRANSLATE_NOOP("Messages", "A relay command has at most 32 bytes."),
    QT_TRANSLATE_NOOP("Messages", "The bytes that open the door must differ from the bytes that lock it."),
    QT_TRANSLATE_NOOP("Messages", "Days are Monday to Sunday."),
    QT_TRANSLATE_NOOP("Messages", "Choose at least one day."),
    QT_TRANSLATE_NOOP("Messages", "Temporary access must end on or after the day it starts."),
    QT_TRANSLATE_NOOP("Messages", "A PIN is made of digits only."),
    QT_TRANSLATE_NOOP("Messages", "A PIN has 4 to 8 digits."),
    QT_TRANSLATE_NOOP("Messages", "Choose a PIN that is harder to guess than a repeated digit or a run like 1234."),
    QT_TRANSLATE_NOOP("Messages", "No PIN is set for this name yet: ask the manager to set one."),
    QT_TRANSLATE_NOOP("Messages", "Too many wrong PINs: the PIN works again in 15 minutes, or ask the manager."),
    QT_TRANSLATE_NOOP("Messages", "That PIN is not right. Please try again."),
    QT_TRANSLATE_NOOP("Messages", "There is no such staff member."),
    QT_TRANSLATE_NOOP("Messages", "The kiosk session has ended."),
    QT_TRANSLATE_NOOP("Messages", "Face entry is not in use: staff clock in with their PIN."),
    QT_TRANSLATE_NOOP("Messages", "A corrected time cannot be in the future."),
    QT_TRANSLATE_NOOP("Messages", "This event was already corrected."),
    QT_TRANSLATE_NOOP("Messages", "There is no such clock event."),
    QT_TRANSLATE_NOOP("Messages", "The end date is before the start date."),
    QT_TRANSLATE_NOOP("Messages", "Choose at most three years at a time."),
    # Refusals and checks a receptionist, a shop owner or an administrator can meet at the desk
    QT_TRANSLATE_NOOP(
        "Messages",
        "This document is on file under another name: check the document, or have a manager correct the record.",
    ),
    QT_TRANSLATE_NOOP("Messages", "This guest's registration is incomplete: register the guest again."),
    QT_TRANSLATE_NOOP("Messages", "No face data was captured for this stay: use the manual ID check."),
    QT_TRANSLATE_NOOP("Messages", "Face recognition is not enabled for this purpose: use the manual ID check."),
    QT_TRANSLATE_NOOP("Messages", "Face recognition is not enabled for this purpose."),
    QT_TRANSLATE_NOOP(
        "Messages",
        "The guest declined face verification for this stay; it is not offered again (manual ID check).",
    ),
    QT_TRANSLATE_NOOP("Messages", "Face verification is not offered to children under 14: use the manual ID check."),
    QT_TRANSLATE_NOOP("Messages", "For a child under 14 a parent or guardian must give consent."),
    QT_TRANSLATE_NOOP("Messages", "Only a child under 14 needs a guardian's consent: the guest consents."),
    QT_TRANSLATE_NOOP("Messages", "There is no live consent to renew."),
    QT_TRANSLATE_NOOP("Messages", "No ID document is registered for this guest: have a manager correct the record."),
    QT_TRANSLATE_NOOP(
        "Messages",
        "No impact assessment is recorded yet: an administrator records one under Compliance first.",
    ),
    QT_TRANSLATE_NOOP("Messages", "Not enough good pictures yet: keep looking at the camera."),
    QT_TRANSLATE_NOOP(
        "Messages", "There is no consent to the current notice: show the notice and ask for consent first."
    ),
    QT_TRANSLATE_NOOP("Messages", "This filing was already recorded as submitted."),
    QT_TRANSLATE_NOOP("Messages", "Face verification was not held back for this guest."),
    QT_TRANSLATE_NOOP("Messages", "Face verification cannot be offered now: check the ID document."),
    QT_TRANSLATE_NOOP("Messages", "No new notice is waiting for an answer."),
    QT_TRANSLATE_NOOP("Messages", "This person has no stay to check a document against."),
    QT_TRANSLATE_NOOP("Messages", "This check-in step is not available now."),
    QT_TRANSLATE_NOOP("Messages", "This verification step is not available now."),
    QT_TRANSLATE_NOOP("Messages", "This kiosk step is not available now."),
    QT_TRANSLATE_NOOP("Messages", "This face-entry step is not available now."),
    QT_TRANSLATE_NOOP("Messages", "The current password is wrong; the password was not changed."),
    QT_TRANSLATE_NOOP("Messages", "There is no such operator."),
    QT_TRANSLATE_NOOP("Messages", "Enter who carried out the assessment."),
    QT_TRANSLATE_NOOP("Messages", "Enter the business name shown to guests on notices and signs."),
    QT_TRANSLATE_NOOP("Messages", "Enter a contact (phone, e-mail or address) guests can use for their rights."),
    QT_TRANSLATE_NOOP("Messages", "A person with this document is already on file."),
    QT_TRANSLATE_NOOP("Messages", "Your session has ended: sign in again."),
    QT_TRANSLATE_NOOP("Messages", "This account is no longer active: sign in again."),
    QT_TRANSLATE_NOOP("Messages", "The database passphrase cannot start or end with a space."),
    QT_TRANSLATE_NOOP(
        "Messages", "This recovery code does not unlock this installation; check it for typing mistakes."
    ),
    QT_TRANSLATE_NOOP("Messages", "Wrong passphrase: the database was not opened and nothing was changed."),
    QT_TRANSLATE_NOOP("Messages", "A machine-readable zone has only capital letters, digits and <."),
    QT_TRANSLATE_NOOP("Messages", "There is no such person."),
    QT_TRANSLATE_NOOP("Messages", "There is no such request."),
    QT_TRANSLATE_NOOP("Messages", "There is no such stay."),
    QT_TRANSLATE_NOOP("Messages", "There is no such consent."),
    QT_TRANSLATE_NOOP("Messages", "There is no such incident."),
    QT_TRANSLATE_NOOP("Messages", "There is no such filing."),
    QT_TRANSLATE_NOOP("Messages", "Only a deletion request for a person on file deletes personal data."),
)

# Messages with values in them (a length, a file name, a camera number), raised as f-strings: each
# is declared with %1, %2 where the values go. The values are kept; those that are words (the
# field named in "Enter the %1.") are translated when they are declared in TERMS.
KNOWN_TEMPLATES = (
    QT_TRANSLATE_NOOP("Messages", "A name has at most %1 characters."),
    QT_TRANSLATE_NOOP("Messages", "Enter a room of 1 to %1 characters."),
    QT_TRANSLATE_NOOP("Messages", "A document number has %1 to %2 letters and digits."),
    QT_TRANSLATE_NOOP("Messages", "Enter the %1."),
    QT_TRANSLATE_NOOP("Messages", "The %1 has at most %2 characters."),
    QT_TRANSLATE_NOOP("Messages", "The %1 cannot contain invisible or control characters."),
    QT_TRANSLATE_NOOP("Messages", "The database passphrase needs at least %1 characters."),
    QT_TRANSLATE_NOOP(
        "Messages",
        "A recovery code has %1 letters and digits in %2 groups of %3, like ABCDE-12345-FGHJK-67890-MNPQR-STVWX.",
    ),
    QT_TRANSLATE_NOOP("Messages", "Your role (%1) does not allow this; ask a manager or an administrator."),
    QT_TRANSLATE_NOOP("Messages", "Business name and contact need 1 to %1 characters."),
    QT_TRANSLATE_NOOP("Messages", "Describe the %1 in at least %2 characters."),
    QT_TRANSLATE_NOOP(
        "Messages", "Camera %1 could not be opened: check it is plugged in and not in use by another program."
    ),
    QT_TRANSLATE_NOOP("Messages", "Camera %1 stopped sending pictures; it may have been unplugged."),
)

# Words the services put into templates (field names, assessment items, role names).
TERMS = (
    QT_TRANSLATE_NOOP("Messages", "business name"),
    QT_TRANSLATE_NOOP("Messages", "contact"),
    QT_TRANSLATE_NOOP("Messages", "display name"),
    QT_TRANSLATE_NOOP("Messages", "lawfulness and necessity"),
    QT_TRANSLATE_NOOP("Messages", "impact on individuals and mitigations"),
    QT_TRANSLATE_NOOP("Messages", "risks of leak, tampering or loss"),
    QT_TRANSLATE_NOOP("Messages", "proportionality of safeguards"),
    QT_TRANSLATE_NOOP("Messages", "Desk"),
    QT_TRANSLATE_NOOP("Messages", "Manager"),
    QT_TRANSLATE_NOOP("Messages", "Admin"),
)


def _pattern(template: str) -> re.Pattern[str]:
    """``template`` as a regular expression whose groups are its values, in the order %1, %2, ..."""
    parts = re.split(r"%(\d)", template)
    return re.compile("".join(re.escape(part) if i % 2 == 0 else "(.+?)" for i, part in enumerate(parts)) + r"\Z")


_TEMPLATES = tuple((template, _pattern(template)) for template in KNOWN_TEMPLATES)


def _filled(text: str) -> str | None:
    """``text`` through the template it was made from, its values put back; None if none fits."""
    for template, pattern in _TEMPLATES:
        match = pattern.match(text)
        if match is None:
            continue
        filled = QCoreApplication.translate("Messages", template)
        for number, value in enumerate(match.groups(), start=1):
            filled = filled.replace(f"%{number}", QCoreApplication.translate("Messages", value))
        return filled
    return None


# Storage faults carry details (a folder, an event number, a backup's name) that make each message
# unique, so they get a translated summary by kind, with the details below it.
KIND_SUMMARIES: tuple[tuple[type[FaceDeskError], str], ...] = (
    (DiskFullError, QT_TRANSLATE_NOOP("Messages", "The disk is full. Nothing was saved and nothing was lost.")),
    (ReadOnlyError, QT_TRANSLATE_NOOP("Messages", "FaceDesk cannot write to its data folder. Nothing was lost.")),
    (
        RollbackError,
        QT_TRANSLATE_NOOP(
            "Messages",
            "The database is an older copy than this installation's own record. It was not changed: "
            "put the current database back, or ask the owner to restore the newest backup.",
        ),
    ),
    (
        DatabaseDamagedError,
        QT_TRANSLATE_NOOP(
            "Messages",
            "The database is damaged. It was not changed: ask the owner to restore the newest backup.",
        ),
    ),
    (
        KeyFileMismatchError,
        QT_TRANSLATE_NOOP("Messages", "The key file belongs to another installation. Nothing was changed."),
    ),
    (
        KeyFileDamagedError,
        QT_TRANSLATE_NOOP(
            "Messages", "The key file is damaged. Nothing was changed: copy it back from the newest backup."
        ),
    ),
)


def user_message(error: FaceDeskError | str) -> str:
    """The error's sentence in the desk's language (English when no translation exists).

    A storage fault shows a translated summary of its kind first, then its details.
    """
    text = str(error)
    translated = QCoreApplication.translate("Messages", text)
    if translated != text:
        return translated
    filled = _filled(text)
    if filled is not None:
        return filled
    if isinstance(error, str):
        return translated
    for kind, summary in KIND_SUMMARIES:
        if isinstance(error, kind):
            return f"{QCoreApplication.translate('Messages', summary)}\n\n{text}"
    return translated
