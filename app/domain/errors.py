"""Errors that reach people: each message is one complete sentence safe to show.

Messages never contain names, ID numbers, templates, keys or passphrases, because they end up on
screens, in terminals and in log files.
"""


class FaceDeskError(Exception):
    """Base class for failures a user can understand and act on."""


class InvalidInputError(FaceDeskError):
    """Input was rejected; the message says what is wrong and what is expected."""


class NotInitializedError(FaceDeskError):
    """The data folder holds no FaceDesk installation yet."""


class AlreadyInitializedError(FaceDeskError):
    """Setup was asked to run on a data folder that is already set up."""


class KeyAccessError(FaceDeskError):
    """The database key could not be obtained (base class)."""


class PassphraseRequiredError(KeyAccessError):
    """The installation is passphrase-protected and no passphrase was given."""


class WrongPassphraseError(KeyAccessError):
    """The passphrase does not unlock this installation."""


class WrongRecoveryCodeError(KeyAccessError):
    """The recovery code does not unlock this installation."""


class KeyUnavailableError(KeyAccessError):
    """The key should be in the OS keyring but is missing or unreachable there."""


class StorageError(FaceDeskError):
    """The database could not be read or written (base class)."""


class DatabaseMissingError(StorageError):
    """The database file is not where the installation expects it."""


class DatabaseTooNewError(StorageError):
    """The database was written by a newer FaceDesk; it is left untouched."""


class DatabaseUnreadableError(StorageError):
    """The file is damaged, or is not a FaceDesk database for this key."""


class DatabaseUndecryptableError(DatabaseUnreadableError):
    """The file's first pages do not open with the key: damaged, or another installation's key."""


class DatabaseDamagedError(DatabaseUnreadableError):
    """The database fails its integrity check with its own key (damaged pages or rows).

    ``pages`` is how many pages fail authentication, when that was counted.
    """

    def __init__(self, message: str, *, pages: int | None = None) -> None:
        super().__init__(message)
        self.pages = pages


class RollbackError(StorageError):
    """The database is older than this installation's last recorded state (replaced or rolled back)."""


class KeyFileMismatchError(StorageError):
    """The key file opens, but belongs to another database file."""


class KeyFileDamagedError(StorageError):
    """The key file is unreadable or fails its checksum; the database itself was not touched."""


class DiskFullError(StorageError):
    """The disk is full; nothing was saved."""


class ReadOnlyError(StorageError):
    """The data folder cannot be written; nothing was saved."""


class MigrationError(StorageError):
    """A schema upgrade failed and was rolled back."""


class AuthenticationError(FaceDeskError):
    """A sign-in was refused (wrong user name or password, or inactive account)."""


class AccountLockedError(AuthenticationError):
    """The account is locked after repeated failed sign-ins."""


class PermissionDeniedError(FaceDeskError):
    """The signed-in operator's role does not allow this action."""


class SessionExpiredError(FaceDeskError):
    """The operator session was locked or ended; sign in again."""


class CameraError(FaceDeskError):
    """The camera (or the file standing in for it) cannot deliver frames (base class)."""


class CameraUnavailableError(CameraError):
    """The camera could not be opened: missing, unplugged, or held by another program."""


class CameraLostError(CameraError):
    """The camera stopped delivering frames in the middle of a session."""


class RecognitionError(FaceDeskError):
    """The face engine could not run (missing model file, encoder process failure)."""


class ComplianceBlockedError(FaceDeskError):
    """Face processing is not allowed right now (no purpose, no assessment, no live consent...)."""


class StateError(FaceDeskError):
    """The action does not fit the current state (already checked in, session finished...)."""


class NotFoundError(FaceDeskError):
    """The person, stay or code asked for does not exist."""
