"""The deploying business: where the camera is and what face recognition is for (R1, R22)."""

from dataclasses import dataclass
from enum import StrEnum


class LocationType(StrEnum):
    """Where the FaceDesk computer and camera are installed."""

    HOTEL_FRONT_DESK = "hotel_front_desk"
    SHOP_COUNTER = "shop_counter"
    STAFF_ENTRANCE = "staff_entrance"
    OFFICE_RECEPTION = "office_reception"
    # Private spaces exist only so a request for them can be named and refused (M13, R22).
    GUEST_ROOM = "guest_room"
    BATHROOM = "bathroom"
    CHANGING_ROOM = "changing_room"
    TOILET = "toilet"

    @property
    def is_private_space(self) -> bool:
        """Whether face recognition is forbidden here whatever the purpose (M13)."""
        return self in PRIVATE_SPACES


PRIVATE_SPACES = frozenset(
    {LocationType.GUEST_ROOM, LocationType.BATHROOM, LocationType.CHANGING_ROOM, LocationType.TOILET}
)
PERMITTED_LOCATIONS = tuple(loc for loc in LocationType if not loc.is_private_space)


class Purpose(StrEnum):
    """The specific purposes face recognition may be enabled for (M4, R1)."""

    GUEST_VERIFICATION = "guest_verification"
    STAFF_ENTRY = "staff_entry"


@dataclass(frozen=True)
class BusinessProfile:
    """The processor named on notices and signs: the business, never the software vendor."""

    processor_name: str
    contact: str
    location_type: LocationType
    device_id: str
    purposes: frozenset[Purpose]
