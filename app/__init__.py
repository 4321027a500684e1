"""FaceDesk: consent-first face recognition for small-business front desks.

Everything stays on this computer in an encrypted SQLCipher database. See DESIGN.md in
``../shared/docs`` for the product design and the layer rules this package follows.
"""

__version__ = "0.1.0"
