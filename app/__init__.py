"""FaceDesk: consent-first face recognition for small-business front desks.

Everything stays on this computer in an encrypted SQLCipher database. docs/ARCHITECTURE.md in the
repository describes the layers, the desk flows and the rules this package follows.
"""

__version__ = "0.1.0"
