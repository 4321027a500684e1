"""Printable compliance documents as plain values: what they say, not how they are drawn.

Services build these from the installation's own settings and records, so a sign, an impact
assessment report or a filing export is always current. The desk and the command line render
them to PDF (app/ui/pdf_writer.py). A document never holds a face template, an image, or more
than the last four characters of an identity document number.
"""

from dataclasses import dataclass
from enum import StrEnum


class DocumentStyle(StrEnum):
    """How a document is laid out."""

    SIGN = "sign"  # an A4 sign for the wall: very large type
    REPORT = "report"  # an A4 report: headings, facts tables, paragraphs
    RECEIPT = "receipt"  # a short receipt


class Paper(StrEnum):
    """The paper a receipt is printed on (a setting of the desk computer, for its printer)."""

    A4 = "a4"  # an office printer
    ROLL_80MM = "roll_80mm"  # an 80 mm thermal receipt printer, as most hotel desks have


@dataclass(frozen=True)
class Headline:
    """The largest line of a sign."""

    text: str


@dataclass(frozen=True)
class Heading:
    """A section heading."""

    text: str


@dataclass(frozen=True)
class Paragraph:
    """Running text (line breaks kept)."""

    text: str
    strong: bool = False


@dataclass(frozen=True)
class Facts:
    """A two-column table of labelled values."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    """A table with a header row (a timesheet's days)."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Warning:
    """A highlighted line that needs the reader's attention."""

    text: str


@dataclass(frozen=True)
class PageBreak:
    """Start a new page."""


Block = Headline | Heading | Paragraph | Facts | Table | Warning | PageBreak


@dataclass(frozen=True)
class Document:
    """A titled sequence of blocks."""

    title: str
    style: DocumentStyle
    blocks: tuple[Block, ...]

    def plain_text(self) -> str:
        """Every word of the document, for checks and for printing as text."""
        lines = [self.title]
        for block in self.blocks:
            if isinstance(block, Facts):
                lines += [f"{label}: {value}" for label, value in block.rows]
            elif isinstance(block, Table):
                lines += [" | ".join(row) for row in (block.header, *block.rows)]
            elif not isinstance(block, PageBreak):
                lines.append(block.text)
        return "\n".join(lines)
