"""The services of one open installation, built together so they share one database, clock and zone."""

from dataclasses import dataclass
from datetime import date, tzinfo

from app.domain.clock import Clock
from app.domain.errors import RecognitionError
from app.services.access_control import AccessControl
from app.services.attendance_service import AttendanceService
from app.services.audit_service import AuditService
from app.services.business_service import BusinessService
from app.services.capture_session import FaceEngine
from app.services.check_in_service import CheckInService
from app.services.consent_service import ConsentService
from app.services.dashboard_service import ComplianceDashboardService
from app.services.directory_service import DirectoryService
from app.services.document_service import DocumentService
from app.services.entry_service import EntryService
from app.services.face_service import FaceService
from app.services.filing_service import FilingService
from app.services.front_desk_service import FrontDeskService
from app.services.incident_service import IncidentService
from app.services.kiosk_service import KioskService
from app.services.notice_service import NoticeCatalog
from app.services.operator_service import OperatorService
from app.services.passwords import PasswordHashing
from app.services.pia_service import PiaService
from app.services.records_service import ProcessingRecordService
from app.services.retention_service import RetentionService
from app.services.rights_service import RightsService
from app.services.settings_service import SettingsService
from app.services.staff_service import StaffService
from app.services.statistics_service import StatisticsService
from app.services.stay_service import StayService
from app.storage.database import Database


@dataclass(frozen=True)
class DeskServices:
    """Everything the desk application and CLI call once the database is open."""

    database: Database
    zone: tzinfo
    clock: Clock
    access: AccessControl
    operators: OperatorService
    settings: SettingsService
    audit: AuditService
    statistics: StatisticsService
    business: BusinessService
    pia: PiaService
    check_in: CheckInService
    consents: ConsentService
    retention: RetentionService
    staff: StaffService
    rights: RightsService
    incidents: IncidentService
    filing: FilingService
    directory: DirectoryService
    attendance: AttendanceService
    entries: EntryService
    kiosk: KioskService
    documents: DocumentService
    records: ProcessingRecordService
    dashboard: ComplianceDashboardService
    face_service: FaceService | None
    front_desk: FrontDeskService
    stays: StayService

    @classmethod
    def build(
        cls,
        database: Database,
        clock: Clock,
        hashing: PasswordHashing,
        *,
        local_zone: tzinfo,
        catalog: NoticeCatalog,
        engine: FaceEngine | None = None,
    ) -> "DeskServices":
        """Wire the services around an open database.

        Args:
            database: the open database.
            clock: time source.
            hashing: operator password hashing.
            local_zone: the desk's time zone (stays, checkout times, receipts).
            catalog: the notice templates.
            engine: the face analyzer and encoder; ``None`` where no capture happens (CLI).
        """
        access = AccessControl(database, clock)
        settings = SettingsService(database, access, clock)
        consents = ConsentService(database, access, clock, local_zone, catalog)
        return cls(
            database=database,
            zone=local_zone,
            clock=clock,
            access=access,
            operators=OperatorService(database, access, clock, hashing),
            settings=settings,
            audit=AuditService(database, access),
            statistics=StatisticsService(database),
            business=BusinessService(database, access, clock, local_zone),
            filing=FilingService(database, access, clock, local_zone),
            pia=PiaService(database, access, clock),
            check_in=CheckInService(database, access, clock, local_zone),
            front_desk=FrontDeskService(database, access, clock, local_zone),
            stays=StayService(database, access, clock, local_zone, catalog),
            consents=consents,
            retention=RetentionService(database, access, clock, local_zone),
            staff=StaffService(database, access, clock, local_zone, catalog, hashing),
            rights=RightsService(database, access, clock, local_zone),
            incidents=IncidentService(database, access, clock, local_zone),
            directory=DirectoryService(database, access, clock, local_zone),
            attendance=AttendanceService(database, access, clock, local_zone),
            entries=EntryService(database, access, clock, local_zone),
            kiosk=KioskService(database, access, clock, local_zone, hashing, settings, engine, catalog),
            documents=DocumentService(database, access, clock, local_zone, catalog),
            records=ProcessingRecordService(database, access, clock, local_zone),
            dashboard=ComplianceDashboardService(database, access, clock),
            face_service=FaceService(database, access, clock, catalog, settings, engine, consents) if engine else None,
        )

    @property
    def faces(self) -> FaceService:
        """Capture sessions (only where a face engine was supplied)."""
        if self.face_service is None:
            raise RecognitionError("Face capture is not available in this part of FaceDesk.")
        return self.face_service

    def today(self) -> date:
        """Today's date at the desk (arrival dates, assessment dates)."""
        return self.clock().astimezone(self.zone).date()

    def business_name(self) -> str:
        """The processor name from the business profile (for titles and notices)."""
        return self.business.profile().processor_name

    def close(self) -> None:
        """Close the database; call after every worker using it has stopped."""
        self.database.close()
