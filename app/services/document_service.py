"""The paperwork, generated from the installation's own settings and records (R2, R21, R22).

Signage (Chinese and English), the impact assessment report, and the filing data (a report and
machine-readable JSON). Every document is built fresh, so it is always current, and every
generation is audited. None holds a template, an image, or a document number.
"""

import json
from collections.abc import Callable
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from app.config.files import output_error, write_via_new_file
from app.config.paths import resource_path
from app.config.settings import (
    BACKUP_DAYS,
    GUEST_GRACE_HOURS,
    GUEST_LIVENESS,
    IDENTIFY_THRESHOLD,
    IDLE_LOCK_MINUTES,
    LIVENESS_CHALLENGE,
    LOCKOUT_ATTEMPTS,
    VERIFY_THRESHOLD,
)
from app.domain.audit import CLI_ACTOR, Actor, AuditAction, operator_actor
from app.domain.business import BusinessProfile, Purpose
from app.domain.clock import Clock
from app.domain.documents import Document, DocumentStyle, Facts, Heading, Headline, Paragraph, Warning
from app.domain.errors import ComplianceBlockedError
from app.domain.filing import FILING_THRESHOLD
from app.domain.operators import OperatorSession
from app.domain.roles import Permission
from app.services.access_control import AccessControl
from app.services.business_service import load_profile
from app.services.notice_service import NoticeCatalog, retention_text
from app.services.pia_service import pia_status
from app.services.records_service import COUNT_NAMES
from app.services.security_alerts import record_bulk_export
from app.storage.database import Database
from app.storage.unit_of_work import UnitOfWork

SIGN_LANGUAGES = ("zh_CN", "en")
FILING_FORMAT = "facedesk-filing-data/1"


def write_filing_json(data: dict[str, Any], path: Path) -> Path:
    """Write the filing data's JSON (UTF-8, readable) to ``path``.

    Raises:
        InvalidInputError: the file cannot be written.
    """
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    try:
        write_via_new_file(path, lambda partial: partial.write_text(text, encoding="utf-8"))
    except OSError as exc:
        raise output_error(exc, path) from None
    return path


def _labels() -> dict[str, list[str]]:
    labels: dict[str, list[str]] = json.loads(resource_path("documents", "reports.json").read_text(encoding="utf-8"))
    return labels


def _signage_texts() -> dict[str, dict[str, str]]:
    texts: dict[str, dict[str, str]] = json.loads(
        resource_path("documents", "signage.json").read_text(encoding="utf-8")
    )
    return texts


class DocumentService:
    """Builds the compliance documents (Managers at the desk; the key holder on the command line)."""

    def __init__(
        self, database: Database, access: AccessControl, clock: Clock, zone: tzinfo, catalog: NoticeCatalog
    ) -> None:
        self._db = database
        self._access = access
        self._clock = clock
        self._zone = zone
        self._catalog = catalog
        self._labels = _labels()

    def signage(
        self,
        session: OperatorSession | None,
        languages: tuple[str, ...] = SIGN_LANGUAGES,
        *,
        write: Callable[[Document], object],
    ) -> Document:
        """Build the A4 sign for the desk (R22), hand it to ``write``, and audit it once written.

        Args:
            session: the operator (``None`` on the command line).
            languages: the sign's languages, side by side.
            write: saves the document (a PDF); if it raises, nothing is audited.
        """
        actor = self._actor(session)
        texts = _signage_texts()
        now = self._clock()
        with self._db.reading() as uow:
            profile = load_profile(uow)
            fields = {
                "processor_name": profile.processor_name,
                "contact": profile.contact,
                "generated_on": now.astimezone(self._zone).date().isoformat(),
                "notice_version": self._notice_versions(profile),
            }
            purposes = sorted(profile.purposes)
            grace, backup_days = uow.policy(GUEST_GRACE_HOURS), uow.policy(BACKUP_DAYS)
            # Each statement in every language, side by side, so one A4 page carries both.
            blocks: list[Any] = [Headline(texts[language]["headline"]) for language in languages]
            for key in ["intro", "area", *[f"purpose_{p.value}" for p in purposes]]:
                blocks += [self._sign_line(texts[language], key, fields, profile) for language in languages]
            for purpose in purposes:  # how long, as the notice says it (R22)
                blocks += [
                    Paragraph(
                        texts[language]["retention"].format(
                            purpose=texts[language][f"purpose_name_{purpose.value}"],
                            retention=retention_text(self._catalog, purpose, language, grace),
                            backup_days=backup_days,
                        )
                    )
                    for language in languages
                ]
            for key in ["optional", "how", "withdraw", "contact", "footer"]:
                blocks += [self._sign_line(texts[language], key, fields, profile) for language in languages]
        title = " / ".join(texts[language]["headline"] for language in languages)
        document = Document(title, DocumentStyle.SIGN, tuple(blocks))
        write(document)
        self._audit(actor, AuditAction.SIGNAGE_GENERATED, {"languages": ",".join(languages)})
        return document

    @staticmethod
    def _sign_line(texts: dict[str, str], key: str, fields: dict[str, str], profile: BusinessProfile) -> Paragraph:
        area = texts[f"area_{profile.location_type.value}"]
        return Paragraph(texts[key].format(**fields, area=area), strong=key == "optional")

    def pia_report(self, session: OperatorSession | None, *, write: Callable[[Document], object]) -> Document:
        """Build the latest impact assessment report (R2), hand it to ``write``, and audit it once written.

        The report carries an audit checkpoint (the newest event's number and short hash) for the
        paper file: ``facedesk audit verify --checkpoint`` later tells whether the log was rewritten.

        Raises:
            ComplianceBlockedError: no assessment has been recorded yet.
        """
        actor = self._actor(session)
        with self._db.reading() as uow:
            status = pia_status(uow)
            record = status.record
            if record is None:
                raise ComplianceBlockedError(
                    "No impact assessment is recorded yet: an administrator records one under Compliance first."
                )
            profile = load_profile(uow)
            blocks: list[Any] = []
            if not status.current:
                blocks.append(Warning(self._both("stale", reasons="; ".join(status.stale_reasons))))
            blocks.append(
                Facts(
                    (
                        (self._both("processor"), profile.processor_name),
                        (self._both("contact"), profile.contact),
                        (self._both("location"), self._both(f"location_{profile.location_type.value}")),
                        (self._both("assessed_on"), record.assessed_on.isoformat()),
                        (self._both("assessor"), record.assessor),
                        (self._both("recorded_at"), self._local(record.recorded_at)),
                        (self._both("keep_until"), self._local(record.keep_until)[:10]),
                        (self._both("report_hash"), record.report_sha256),
                    )
                )
            )
            for key, answer in (
                ("item_1", record.lawful_and_necessary),
                ("item_2", record.impact_and_mitigation),
                ("item_3", record.risks_leak_tamper_loss),
                ("item_4", record.safeguards_proportionate),
            ):
                blocks += [Heading(self._both(key)), Paragraph(answer)]
            blocks += [Heading(self._both("facts")), Facts(self._processing_facts(uow, profile))]
            blocks.append(Paragraph(self._both("generated", generated_at=self._local(self._clock()))))
            blocks += self._checkpoint(uow)
        document = Document(self._both("pia_title"), DocumentStyle.REPORT, tuple(blocks))
        write(document)
        self._audit(actor, AuditAction.PIA_REPORT_GENERATED, {"pia_id": record.id})
        return document

    def filing_data(
        self, session: OperatorSession | None, *, write: Callable[[Document, dict[str, Any]], object]
    ) -> tuple[Document, dict[str, Any]]:
        """What a filing needs, as a report and as JSON a chain can add up across installations (R21).

        Both are handed to ``write``; the export is audited only after it returns.
        """
        actor = self._actor(session)
        now = self._clock()
        with self._db.reading() as uow:
            profile = load_profile(uow)
            status = pia_status(uow)
            counts = uow.statistics.counts()
            milestones = uow.compliance.milestones()
            records = uow.records.all()
            reached = milestones.get(FILING_THRESHOLD)
            data: dict[str, Any] = {
                "format": FILING_FORMAT,
                "generated_at": now.isoformat(),
                "processor": {
                    "name": profile.processor_name,
                    "contact": profile.contact,
                    "location_type": profile.location_type.value,
                    "device_id": profile.device_id,
                },
                "purposes": sorted(p.value for p in profile.purposes),
                "method": {
                    "guest_verification": "1:1 against the person's own template",
                    "staff_entry": "1:N among enrolled staff, only inside a Manager-started kiosk session",
                    "template": "128 values per face, no image kept",
                    "manual_alternative": "manual ID document check (guests) and PIN (staff), always available",
                },
                "counts": {
                    "people_with_face_data": counts.people_with_face_data,
                    "face_templates": counts.face_templates,
                    "live_consents": counts.live_consents,
                },
                "filing": {
                    "threshold": FILING_THRESHOLD,
                    "reached_on": reached[0].isoformat() if reached else None,
                    "deadline": reached[1].isoformat() if reached and reached[1] else None,
                },
                "safeguards": {
                    "storage": "local SQLCipher 4 database, AES-256; no network transmission",
                    "access": "named operators, roles Desk/Manager/Admin, Argon2id passwords",
                    "lockout_attempts": uow.policy(LOCKOUT_ATTEMPTS),
                    "idle_lock_minutes": uow.policy(IDLE_LOCK_MINUTES),
                    "audit": "append-only hash-chained audit log",
                    "liveness": uow.policy(LIVENESS_CHALLENGE),
                    "guest_verification_liveness": uow.policy(GUEST_LIVENESS),
                },
                "rules": {
                    "guest_grace_hours": uow.policy(GUEST_GRACE_HOURS),
                    "staff": "deleted at the end of the last working day",
                    "hard_cap": "three years after last use",
                    "backup_days": uow.policy(BACKUP_DAYS),
                    "verify_threshold": uow.policy(VERIFY_THRESHOLD),
                    "identify_threshold": uow.policy(IDENTIFY_THRESHOLD),
                },
                "pia": {
                    "recorded": status.record is not None,
                    "current": status.current,
                    "assessed_on": status.record.assessed_on.isoformat() if status.record else None,
                    "report_sha256": status.record.report_sha256 if status.record else None,
                    "stale_reasons": list(status.stale_reasons) if status.record else [],
                },
                "processing_records": [
                    {"period_start": r.period_start.astimezone(self._zone).date().isoformat(), **r.counts}
                    for r in records
                ],
            }
            head = uow.audit_log.head()
            data["audit_checkpoint"] = head.checkpoint() if head else None
            document = self._filing_document(uow, profile, data)
        write(document, data)
        with self._db.unit() as uow:
            record_bulk_export(
                uow,
                AuditAction.FILING_DATA_EXPORTED,
                actor,
                self._clock(),
                "filing",
                {"people_with_face_data": counts.people_with_face_data},
            )
        return document, data

    # --- building blocks ------------------------------------------------------------------------

    def _filing_document(self, uow: UnitOfWork, profile: BusinessProfile, data: dict[str, Any]) -> Document:
        pia = data["pia"]
        if not pia["recorded"]:
            pia_text = self._both("not_assessed")
        elif pia["current"]:
            pia_text = self._both("pia_current", assessed_on=pia["assessed_on"], hash=pia["report_sha256"][:16])
        else:
            pia_text = self._both("pia_stale", assessed_on=pia["assessed_on"], reasons="; ".join(pia["stale_reasons"]))
        filing = data["filing"]
        filing_text = (
            self._both("filing_reached", reached_on=filing["reached_on"], deadline=filing["deadline"] or "-")
            if filing["reached_on"]
            else self._both(
                "filing_not_reached",
                count=f"{data['counts']['people_with_face_data']:,}",
                threshold=f"{FILING_THRESHOLD:,}",
            )
        )
        blocks: list[Any] = [
            Facts(
                (
                    (self._both("processor"), profile.processor_name),
                    (self._both("contact"), profile.contact),
                    (self._both("location"), self._both(f"location_{profile.location_type.value}")),
                    (self._both("device"), profile.device_id),
                    (self._both("filing_counter"), filing_text),
                    (self._both("pia"), pia_text),
                )
            ),
            Heading(self._both("facts")),
            Facts(self._processing_facts(uow, profile)),
            Heading(self._both("records")),
        ]
        if data["processing_records"]:
            blocks.append(
                Facts(
                    tuple(
                        (
                            record["period_start"][:7],
                            ", ".join(f"{name} {record[name]}" for name in COUNT_NAMES if record.get(name)) or "0",
                        )
                        for record in data["processing_records"]
                    )
                )
            )
        else:
            blocks.append(Paragraph(self._both("no_records")))
        blocks.append(Paragraph(self._both("generated", generated_at=self._local(self._clock()))))
        blocks += self._checkpoint(uow)
        return Document(self._both("filing_title"), DocumentStyle.REPORT, tuple(blocks))

    def _processing_facts(self, uow: UnitOfWork, profile: BusinessProfile) -> tuple[tuple[str, str], ...]:
        counts = uow.statistics.counts()
        purposes = (
            "\n".join(self._both(f"purpose_{p.value}") for p in sorted(profile.purposes))
            if profile.purposes
            else self._both("no_purpose")
        )
        policy = {
            key: uow.policy_value(key)
            for key in (
                "retention/guest_grace_hours",
                "retention/backup_days",
                "security/lockout_attempts",
                "security/idle_lock_minutes",
                "recognition/verify_threshold",
                "recognition/identify_threshold",
                "recognition/identify_margin",
            )
        }
        return (
            (self._both("purposes"), purposes),
            (self._both("method"), self._both("method_text")),
            (self._both("manual"), self._both("manual_text")),
            (self._both("data_items"), self._both("data_items_text")),
            (
                self._both("retention"),
                self._both(
                    "retention_text",
                    grace_hours=policy["retention/guest_grace_hours"],
                    backup_days=policy["retention/backup_days"],
                ),
            ),
            (self._both("storage"), self._both("storage_text")),
            (
                self._both("security"),
                self._both(
                    "security_text",
                    lockout=policy["security/lockout_attempts"],
                    idle=policy["security/idle_lock_minutes"],
                ),
            ),
            (
                self._both("thresholds"),
                f"1:1 {policy['recognition/verify_threshold']} · 1:N {policy['recognition/identify_threshold']}"
                f" (margin {policy['recognition/identify_margin']})",
            ),
            (
                self._both("counts"),
                "\n".join(
                    (
                        f"{self._both('people_with_face_data')}: {counts.people_with_face_data:,}",
                        f"{self._both('face_templates')}: {counts.face_templates:,}",
                        f"{self._both('live_consents')}: {counts.live_consents:,}",
                    )
                ),
            ),
        )

    def _both(self, key: str, **fields: object) -> str:
        """A label in Chinese and English, "中文 / English"."""
        chinese, english = self._labels[key]
        return f"{chinese.format(**fields)} / {english.format(**fields)}"

    def _notice_versions(self, profile: BusinessProfile) -> str:
        purposes = sorted(profile.purposes) or [Purpose.GUEST_VERIFICATION]
        return ", ".join(sorted({self._catalog.current_version(p) for p in purposes}))

    def _local(self, moment: datetime) -> str:
        return moment.astimezone(self._zone).strftime("%Y-%m-%d %H:%M")

    def _actor(self, session: OperatorSession | None) -> Actor:
        if session is None:
            return CLI_ACTOR
        return operator_actor(self._access.require(session, Permission.VIEW_COMPLIANCE).id)

    def _audit(self, actor: Actor, action: AuditAction, details: dict[str, Any]) -> None:
        with self._db.unit() as uow:
            uow.audit(action, actor, at=self._clock(), details=details)

    def _checkpoint(self, uow: UnitOfWork) -> list[Paragraph]:
        head = uow.audit_log.head()
        return [Paragraph(self._both("checkpoint", checkpoint=head.checkpoint()))] if head else []
