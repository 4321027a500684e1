"""The outcome of checking a database file's integrity."""

from dataclasses import dataclass


@dataclass(frozen=True)
class IntegrityReport:
    """What an integrity check found: damaged pages and other problems, each one short phrase."""

    damaged_pages: int
    problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """True when nothing was found."""
        return not self.problems

    def describe(self) -> str:
        """One line a person can read."""
        return "intact" if self.ok else "; ".join(self.problems)
