"""SQL for the business profile and its enabled purposes (R1, R22)."""

from datetime import datetime

from app.domain.business import BusinessProfile, LocationType, Purpose
from app.domain.clock import to_utc_text
from app.storage.database import Connection


class BusinessRepository:
    """The single business-profile row and the purposes enabled for it."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def save(self, profile: BusinessProfile, *, at: datetime, by_operator: int | None) -> None:
        """Create or replace the profile and set exactly ``profile.purposes`` as enabled."""
        when = to_utc_text(at)
        self._conn.execute(
            "INSERT INTO business_profile (id, processor_name, contact, location_type, device_id, "
            "created_at, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET processor_name = excluded.processor_name, "
            "contact = excluded.contact, location_type = excluded.location_type, "
            "updated_at = excluded.updated_at",
            (
                profile.processor_name,
                profile.contact,
                profile.location_type.value,
                profile.device_id,
                when,
                when,
            ),
        )
        wanted = {purpose.value for purpose in profile.purposes}
        existing = {row[0] for row in self._conn.execute("SELECT purpose FROM enabled_purposes")}
        for purpose in sorted(existing - wanted):
            self._conn.execute("DELETE FROM enabled_purposes WHERE purpose = ?", (purpose,))
        for purpose in sorted(wanted - existing):
            self._conn.execute(
                "INSERT INTO enabled_purposes (purpose, enabled_at, enabled_by) VALUES (?, ?, ?)",
                (purpose, when, by_operator),
            )

    def load(self) -> BusinessProfile | None:
        """The profile, or ``None`` before setup."""
        row = self._conn.execute(
            "SELECT processor_name, contact, location_type, device_id FROM business_profile WHERE id = 1"
        ).fetchone()
        if row is None:
            return None
        purposes = frozenset(
            Purpose(r[0]) for r in self._conn.execute("SELECT purpose FROM enabled_purposes").fetchall()
        )
        return BusinessProfile(row[0], row[1], LocationType(row[2]), row[3], purposes)
