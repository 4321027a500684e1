"""Everything FaceDesk keeps on one person, as JSON-ready data (R19: access and copy).

Face templates are never exported: the export says how many are held, not their numbers,
because they are useful only for matching on this computer.
"""

import json
from typing import Any

from app.config.paths import resource_path
from app.domain.clock import to_utc_text
from app.domain.documents import Block, Document, DocumentStyle, Facts, Heading, Paragraph
from app.domain.errors import NotFoundError
from app.storage.unit_of_work import UnitOfWork


def person_export(uow: UnitOfWork, person_id: int) -> dict[str, Any]:
    """Everything held on one person, as JSON-ready data.

    Raises:
        NotFoundError: no such person.
    """
    people = uow.people
    person = people.get(person_id)
    if person is None:
        raise NotFoundError("There is no such person.")
    consents = uow.consents
    audit = [
        {"event": record.id, "at": record.occurred_at, "action": record.action}
        for record in uow.audit_log.iter_all()
        if record.subject_type == "person" and record.subject_id == person_id
    ]
    return {
        "exported_by": "FaceDesk",
        "person": {
            "id": person.id,
            "kind": person.kind.value,
            "name": person.full_name,
            "id_document_type": person.document.type.value if person.document else None,
            "id_document_number": person.document.number if person.document else None,
            "date_of_birth": person.date_of_birth.isoformat() if person.date_of_birth else None,
            "employment_ended_on": person.employment_ended_on.isoformat() if person.employment_ended_on else None,
        },
        "stays": [
            {
                "room": stay.room,
                "arrival": stay.arrival.isoformat(),
                "departure": stay.departure.isoformat(),
                "checked_in_at": to_utc_text(stay.checked_in_at) if stay.checked_in_at else None,
                "check_in_method": stay.check_in_method.value if stay.check_in_method else None,
                "checked_out_at": to_utc_text(stay.checked_out_at) if stay.checked_out_at else None,
                "face_declined_at": to_utc_text(stay.face_declined_at) if stay.face_declined_at else None,
            }
            for stay in people.stays_of(person_id)
        ],
        "consents": [
            {
                "purpose": consent.purpose.value,
                "notice_version": consent.notice_version,
                "notice_sha256": consent.notice_sha256,
                "language": consent.language,
                "method": consent.method.value,
                "consenter": consent.consenter.value,
                "guardian_name": consent.guardian_name,
                "guardian_relation": consent.guardian_relation,
                "given_at": consent.given_at_local,
                "retention_until": to_utc_text(consent.retention_until),
                "withdrawn_at": to_utc_text(consent.withdrawn_at) if consent.withdrawn_at else None,
                "ended_by_retention_at": to_utc_text(consent.expired_at) if consent.expired_at else None,
                "withdrawal_code": consent.withdrawal_code,
                "renewals": consents.renewals_of(consent.id),
            }
            for consent in consents.consents_of(person_id)
        ],
        "face_data": {
            "templates_held": consents.template_count(person_id),
            "note": "Only 128-number templates are kept, never photos; they are not exported because they "
            "are useful only for matching on this computer.",
        },
        "checks": consents.verifications_of(person_id),
        "rights_requests": [
            {
                "kind": request.kind,
                "received_at": to_utc_text(request.received_at),
                "status": request.status,
                "refusal_reason": request.refusal_reason,
            }
            for request in uow.compliance.requests_of(person_id)
        ],
        "activity": audit,
    }


def person_document(data: dict[str, Any], processor: str) -> Document:
    """The export as a readable document in Chinese and English (the JSON goes beside it).

    It holds what the JSON holds, in words: who, the stays, the consents and their dates, how many
    face templates are kept (never the numbers), the checks and the requests; the audit events are
    counted, and listed in the JSON.
    """
    texts: dict[str, list[str]] = json.loads(
        resource_path("documents", "person_export.json").read_text(encoding="utf-8")
    )

    def both(key: str, **fields: object) -> str:
        chinese, english = texts[key]
        return f"{chinese.format(**fields)} / {english.format(**fields)}"

    def each(key: str, **fields: object) -> str:
        return "\n".join(text.format(**fields) for text in texts[key])

    person = data["person"]
    document = (
        f"{both('doc_' + person['id_document_type'])}: {person['id_document_number']}"
        if person["id_document_number"]
        else ""
    )
    facts = [
        (both("name"), person["name"]),
        (both("kind"), both(f"kind_{person['kind']}")),
        (both("document"), document or both("none")),
        (both("birth"), person["date_of_birth"] or both("none")),
    ]
    if person["employment_ended_on"]:
        facts.append((both("employment_ended"), person["employment_ended_on"]))
    stays = [
        Paragraph(both("stay", room=s["room"], arrival=s["arrival"], departure=s["departure"])) for s in data["stays"]
    ]
    consents = []
    for consent in data["consents"]:
        for language in (0, 1):
            ended = ""
            if consent["withdrawn_at"]:
                ended = texts["withdrawn"][language].format(at=consent["withdrawn_at"][:10])
            elif consent["ended_by_retention_at"]:
                ended = texts["expired"][language].format(at=consent["ended_by_retention_at"][:10])
            consents.append(
                Paragraph(
                    texts["consent"][language].format(
                        purpose=texts[f"purpose_{consent['purpose']}"][language],
                        given=str(consent["given_at"])[:10],
                        version=consent["notice_version"],
                        until=consent["retention_until"][:10],
                        ended=ended,
                    )
                )
            )
    requests = [
        Paragraph(
            " / ".join(
                texts["request"][language].format(
                    received=r["received_at"][:10],
                    kind=texts[f"request_{r['kind']}"][language],
                    status=texts[f"status_{r['status']}"][language],
                )
                for language in (0, 1)
            )
        )
        for r in data["rights_requests"]
    ]
    blocks: tuple[Block, ...] = (
        Paragraph(each("intro", processor=processor)),
        Heading(both("you")),
        Facts(tuple(facts)),
        Heading(both("stays")),
        *(stays or [Paragraph(both("none"))]),
        Heading(both("consents")),
        *(consents or [Paragraph(both("none"))]),
        Heading(both("face")),
        Paragraph(each("face_text", count=data["face_data"]["templates_held"])),
        Heading(both("checks")),
        Paragraph(str(len(data["checks"]))),
        Heading(both("requests")),
        *(requests or [Paragraph(both("none"))]),
        Heading(both("activity")),
        Paragraph(each("activity_text", count=len(data["activity"]))),
    )
    return Document(both("title"), DocumentStyle.REPORT, blocks)
