"""Guests checked in together to one room: a party (R7, R9).

Each member goes through their own ``GuestCheckInFlow``: their own method choice, their own
notice and consent; nobody chooses for another adult. The party only remembers who is in it, so
the next guest starts with the room and dates filled in, and so a child under 14 can have an adult
of the same party give the guardian's consent (with their own name, relation and affirmation).
Nothing of the party is stored as such: the register holds one stay per guest, in the same room.
"""

from dataclasses import dataclass
from datetime import date

from app.domain.consent import Guardian
from app.domain.guests import GuestDetails, StayDetails, is_minor


@dataclass(frozen=True)
class PartyMember:
    """One guest of the party, as registered."""

    guest: GuestDetails
    stay_id: int


class CheckInParty:
    """The guests checked in to one room in one go."""

    def __init__(self, stay: StayDetails) -> None:
        self.stay = stay
        self.members: list[PartyMember] = []

    def add(self, guest: GuestDetails, stay_id: int) -> None:
        """Remember a registered member (again for the same stay does nothing)."""
        if all(member.stay_id != stay_id for member in self.members):
            self.members.append(PartyMember(guest, stay_id))

    def guardians_for(self, child_stay_id: int, today: date) -> tuple[GuestDetails, ...]:
        """The adults of the party who can give the guardian's consent for a child."""
        return tuple(
            member.guest
            for member in self.members
            if member.stay_id != child_stay_id and not is_minor(member.guest.date_of_birth, today)
        )


def guardian_from_party(adult: GuestDetails, relation: str) -> Guardian:
    """The guardian's consent given by an adult of the party (their registered document is used)."""
    return Guardian(adult.full_name, relation, adult.document)
