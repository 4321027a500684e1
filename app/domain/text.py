"""Free text that ends up on screens, receipts, signs and in exports."""

from app.domain.errors import InvalidInputError


def printable_field(text: str, what: str, *, max_length: int) -> str:
    """``text`` without outer spaces; refuses empty, too long, and invisible or control characters.

    Control characters and terminal escape sequences would be stored and replayed into every
    receipt, PDF and terminal that shows the field; text that is not valid Unicode (bytes that
    were not UTF-8) could not be written out at all.

    Raises:
        InvalidInputError: naming ``what`` and the problem.
    """
    cleaned = text.strip()
    if not cleaned:
        raise InvalidInputError(f"Enter the {what}.")
    if len(cleaned) > max_length:
        raise InvalidInputError(f"The {what} has at most {max_length} characters.")
    if not cleaned.isprintable():
        raise InvalidInputError(f"The {what} cannot contain invisible or control characters.")
    return cleaned
