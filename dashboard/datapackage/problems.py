"""Problem records: what is wrong in a data package, where, in plain words."""

from __future__ import annotations

from dataclasses import asdict, dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One problem: file, physical line (header = 1; None for the whole file), column, value."""

    file: str
    line: int | None
    column: str | None
    value: str | None
    message: str
    severity: str = ERROR

    def as_line(self) -> str:
        """Render as `FILE:LINE: COLUMN: message` (LINE and COLUMN left out when not known)."""
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        column = f" {self.column}:" if self.column else ""
        prefix = "" if self.severity == ERROR else f" {self.severity}:"
        return f"{where}:{prefix}{column} {self.message}"

    def as_dict(self) -> dict:
        return asdict(self)


def summary(problems: list[Problem], skipped_rows: int) -> str:
    """One line: how many errors and warnings, how many rows were left out."""
    errors = sum(p.severity == ERROR for p in problems)
    warnings = len(problems) - errors
    if not problems:
        return "No problems found."
    return (
        f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}; "
        f"{skipped_rows} row{'s' * (skipped_rows != 1)} left out."
    )
