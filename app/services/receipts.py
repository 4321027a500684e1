"""The consent receipt and the deletion receipt, in the person's language (R5, R10).

Texts come from ``resources/notices/<language>/receipts.json``; times are shown at the desk's
time zone. A receipt names no template, image or ID number, only the withdrawal code.
"""

import json
from dataclasses import dataclass
from datetime import datetime, tzinfo

from app.config.paths import resource_path
from app.domain.records import ConsentRecord

UNTIL_EMPLOYMENT_ENDS = datetime.fromisoformat("9999-12-31T00:00:00+00:00")
LANGUAGES = ("en", "zh_CN")


@dataclass(frozen=True)
class Receipt:
    """A printable receipt: the code, and the text in the person's language."""

    consent_id: int
    withdrawal_code: str
    language: str
    text: str


class ReceiptWriter:
    """Writes receipts from the stored consent, in the language its notice was read in."""

    def __init__(self, zone: tzinfo) -> None:
        self._zone = zone
        self._texts = {language: _receipt_texts(language) for language in LANGUAGES}

    def consent(self, consent: ConsentRecord, processor_name: str, contact: str) -> Receipt:
        """What was agreed, to which notice, until when, and the withdrawal code."""
        texts = self._texts[consent.language]
        until = (
            texts["until_employment_ends"]
            if consent.retention_until == UNTIL_EMPLOYMENT_ENDS
            else self._local(consent.retention_until)
        )
        text = texts["consent"].format(
            processor_name=processor_name,
            contact=contact,
            purpose=texts[f"purpose_{consent.purpose.value}"],
            given_at=self._local(consent.given_at),
            consenter=texts[f"consenter_{consent.consenter.value}"],
            notice_version=consent.notice_version,
            notice_short_hash=consent.notice_sha256[:12],
            retention_until=until,
            withdrawal_code=consent.withdrawal_code,
        )
        return Receipt(consent.id, consent.withdrawal_code, consent.language, text)

    def deletion(
        self,
        consent: ConsentRecord,
        processor_name: str,
        contact: str,
        *,
        withdrawn_at: datetime,
        templates_deleted: int,
        backup_days: int,
        checkpoint: str,
        at_checkout: bool = False,
    ) -> Receipt:
        """What was deleted and when, how long backups may hold it, and the deletion's audit checkpoint.

        ``checkpoint`` is ``N:HASH`` of the withdrawal's audit event; ``facedesk audit verify
        --checkpoint`` checks it later against the log. ``at_checkout``: the consent ended with the
        stay (checkout) rather than by a withdrawal.
        """
        texts = self._texts[consent.language]
        text = texts["checkout_deletion" if at_checkout else "deletion"].format(
            processor_name=processor_name,
            contact=contact,
            withdrawal_code=consent.withdrawal_code,
            purpose=texts[f"purpose_{consent.purpose.value}"],
            withdrawn_at=self._local(withdrawn_at),
            templates_deleted=templates_deleted,
            backup_days=backup_days,
            checkpoint=checkpoint,
        )
        return Receipt(consent.id, consent.withdrawal_code, consent.language, text)

    def _local(self, moment: datetime) -> str:
        return moment.astimezone(self._zone).strftime("%Y-%m-%d %H:%M")


def _receipt_texts(language: str) -> dict[str, str]:
    texts: dict[str, str] = json.loads(resource_path("notices", language, "receipts.json").read_text(encoding="utf-8"))
    return texts
