"""Every audit event kind, document type and role has a name a manager can read, in both languages."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.domain.audit import AuditAction
from app.domain.people import IdDocumentType
from app.domain.roles import Role
from app.ui.i18n import Translators
from app.ui.names import audit_action_name, document_type_names, role_names


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_kind_has_a_readable_distinct_name(qapp: QApplication, tmp_path: Path, language: str) -> None:
    translators = Translators(qapp, tmp_path)
    try:
        assert translators.use(language) == language
        names = [audit_action_name(action) for action in AuditAction]
        assert all(name and "." not in name and "_" not in name for name in names)
        assert len(set(names)) == len(names)
        assert set(document_type_names()) == set(IdDocumentType)
        assert set(role_names()) == set(Role)
        if language == "zh_CN":
            assert "撤回" in audit_action_name(AuditAction.CONSENT_WITHDRAWN)
            assert document_type_names()[IdDocumentType.RESIDENT_ID] == "居民身份证"
    finally:
        translators.remove()


def test_an_unknown_code_is_shown_as_it_is() -> None:
    assert audit_action_name("future.event") == "future.event"
