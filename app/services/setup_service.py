"""First-run setup inside the database: the business profile and the first Admin (R1, R16, R22)."""

import uuid
from dataclasses import dataclass, field

from app.domain.audit import SYSTEM_ACTOR, AuditAction, operator_actor
from app.domain.business import BusinessProfile, LocationType, Purpose
from app.domain.clock import Clock
from app.domain.errors import AlreadyInitializedError, InvalidInputError
from app.domain.operators import validate_password, validate_username
from app.domain.roles import Role
from app.domain.text import printable_field
from app.services.passwords import PasswordHashing
from app.storage.database import Database

MAX_PROFILE_TEXT = 200
PRIVATE_SPACE_REFUSAL = (
    "Face recognition may not be used in a guest room, bathroom, changing room or toilet "
    "(Measures Art. 13): choose the front desk, counter or entrance where the camera will be."
)


@dataclass(frozen=True)
class SetupRequest:
    """What first-run setup asks for. Purposes start empty: face features stay off until chosen (R1)."""

    business_name: str
    contact: str
    location_type: LocationType
    admin_username: str
    admin_password: str
    admin_display_name: str = ""
    purposes: frozenset[Purpose] = field(default_factory=frozenset)

    def validated(self) -> "SetupRequest":
        """Return a cleaned copy, or raise ``InvalidInputError`` naming the first problem."""
        if not self.business_name.strip():
            raise InvalidInputError("Enter the business name shown to guests on notices and signs.")
        if not self.contact.strip():
            raise InvalidInputError("Enter a contact (phone, e-mail or address) guests can use for their rights.")
        name = printable_field(self.business_name, "business name", max_length=MAX_PROFILE_TEXT)
        contact = printable_field(self.contact, "contact", max_length=MAX_PROFILE_TEXT)
        if self.location_type.is_private_space:
            raise InvalidInputError(PRIVATE_SPACE_REFUSAL)
        try:
            username = validate_username(self.admin_username)
            password = validate_password(self.admin_password)
        except ValueError as exc:
            raise InvalidInputError(str(exc)) from None
        display = (
            printable_field(self.admin_display_name, "display name", max_length=100)
            if self.admin_display_name.strip()
            else username
        )
        return SetupRequest(name, contact, self.location_type, username, password, display, self.purposes)

    def __repr__(self) -> str:
        return f"SetupRequest(location_type={self.location_type.value}, purposes={sorted(self.purposes)})"


class SetupService:
    """Writes the business profile and first Admin in one audited transaction."""

    def __init__(self, database: Database, clock: Clock, hashing: PasswordHashing) -> None:
        self._db = database
        self._clock = clock
        self._hashing = hashing

    def bootstrap(self, request: SetupRequest) -> int:
        """Store the profile and create the first Admin; return the Admin's operator id.

        Raises:
            InvalidInputError: the request is invalid.
            AlreadyInitializedError: the database already has a profile or operators.
        """
        clean = request.validated()
        now = self._clock()
        password_hash = self._hashing.hash(clean.admin_password)
        with self._db.unit() as uow:
            operators = uow.operators
            business = uow.business
            if operators.count() or business.load() is not None:
                raise AlreadyInitializedError("This database is already set up; nothing was changed.")
            admin_id = operators.add(
                username=clean.admin_username,
                display_name=clean.admin_display_name,
                role=Role.ADMIN,
                password_hash=password_hash,
                created_at=now,
            )
            profile = BusinessProfile(
                clean.business_name, clean.contact, clean.location_type, str(uuid.uuid4()), clean.purposes
            )
            business.save(profile, at=now, by_operator=admin_id)
            uow.audit(
                AuditAction.OPERATOR_CREATED,
                SYSTEM_ACTOR,
                at=now,
                subject=("operator", admin_id),
                details={"role": Role.ADMIN.value, "first_admin": True},
            )
            uow.audit(
                AuditAction.SETUP_COMPLETED,
                operator_actor(admin_id),
                at=now,
                details={
                    "location_type": clean.location_type.value,
                    "purposes": ",".join(sorted(p.value for p in clean.purposes)) or "none",
                },
            )
        return admin_id
