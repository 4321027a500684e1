"""Names of domain values (documents, roles, settings) in the desk's language, declared once."""

from PySide6.QtCore import QCoreApplication

from app.config.settings import SettingSpec
from app.domain.people import IdDocumentType
from app.domain.roles import Role


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # lupdate looks for this exact name
    """Mark ``text`` for translation in ``context``."""
    del context
    return text


_DOCUMENTS = {
    IdDocumentType.RESIDENT_ID: QT_TRANSLATE_NOOP("Names", "Resident ID card"),
    IdDocumentType.PASSPORT: QT_TRANSLATE_NOOP("Names", "Passport"),
    IdDocumentType.HK_MACAO_PERMIT: QT_TRANSLATE_NOOP("Names", "Hong Kong and Macao permit"),
    IdDocumentType.TAIWAN_PERMIT: QT_TRANSLATE_NOOP("Names", "Taiwan permit"),
    IdDocumentType.FOREIGN_PERMANENT_RESIDENT_ID: QT_TRANSLATE_NOOP("Names", "Foreign permanent resident ID"),
    IdDocumentType.OTHER: QT_TRANSLATE_NOOP("Names", "Other document"),
}

_ROLES = {
    Role.DESK: QT_TRANSLATE_NOOP("Names", "Desk"),
    Role.MANAGER: QT_TRANSLATE_NOOP("Names", "Manager"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Names", "Admin"),
}


def document_type_names() -> dict[IdDocumentType, str]:
    """Every identity document type, in display order, by its translated name."""
    return {kind: QCoreApplication.translate("Names", text) for kind, text in _DOCUMENTS.items()}


def role_names() -> dict[Role, str]:
    """Every operator role by its translated name."""
    return {role: QCoreApplication.translate("Names", text) for role, text in _ROLES.items()}


def setting_label(spec: SettingSpec) -> str:
    """A setting's label (declared in app/config/settings.py, context "Settings") in the desk's language."""
    return QCoreApplication.translate("Settings", spec.label)
