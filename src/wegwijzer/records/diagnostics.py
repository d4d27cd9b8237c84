"""Errors and warnings for editors: always a file, a line, a field and what to do."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Diagnostic:
    path: str
    line: int
    field: str
    message: str
    severity: str = ERROR

    def format(self) -> str:
        label = "fout" if self.severity == ERROR else "waarschuwing"
        where = f"{self.path}:{self.line}: {self.field or '-'}"
        return f"{where}: {label}: {self.message}"

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Collector:
    """Collects every problem of a run instead of stopping at the first."""

    diagnostics: list = field(default_factory=list)

    def add(self, path, line, field_name, message, severity=ERROR):
        self.diagnostics.append(Diagnostic(str(path), line, field_name, message, severity))

    def error(self, path, line, field_name, message):
        self.add(path, line, field_name, message, ERROR)

    def warning(self, path, line, field_name, message):
        self.add(path, line, field_name, message, WARNING)

    @property
    def errors(self) -> list:
        return [d for d in self.diagnostics if d.severity == ERROR]

    @property
    def warnings(self) -> list:
        return [d for d in self.diagnostics if d.severity == WARNING]

    def sorted(self) -> list:
        return sorted(self.diagnostics, key=lambda d: (d.path, d.line, d.field))


def display_path(path: Path, base: Path) -> str:
    """The path as an editor typed it: relative to the working folder when possible."""
    absolute = path if path.is_absolute() else base / path
    try:
        return str(absolute.relative_to(base))
    except ValueError:
        return str(path)
