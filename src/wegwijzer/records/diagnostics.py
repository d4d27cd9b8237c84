"""Errors and warnings for editors: always a file, a line, a field and what to do."""

from __future__ import annotations

import dataclasses
from dataclasses import asdict, dataclass
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
    # "N more messages": sorts last in its file. (dataclasses.field: the attribute `field` above
    # hides the bare name from type checkers.)
    summary: bool = dataclasses.field(default=False, compare=False, repr=False)

    def format(self) -> str:
        label = "fout" if self.severity == ERROR else "waarschuwing"
        where = f"{self.path}:{self.line}: {self.field or '-'}"
        return f"{where}: {label}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        found = asdict(self)
        del found["summary"]
        return found


MAX_PER_FILE = 1000  # messages listed per file; the rest are counted in one last message
MAX_MESSAGE = 1000  # characters: a message stays one readable line whatever the editor wrote


@dataclass
class Collector:
    """Collects every problem of a run instead of stopping at the first.

    A file with thousands of problems (100,000 unknown fields) gets its first
    MAX_PER_FILE messages and one summary after them, not megabytes of output.
    """

    diagnostics: list[Diagnostic] = dataclasses.field(default_factory=list)
    _per_file: dict[str, int] = dataclasses.field(default_factory=dict, repr=False)  # path -> messages listed
    _summaries: dict[str, list[int]] = dataclasses.field(default_factory=dict, repr=False)  # see _summarise

    def add(self, path: str | Path, line: int, field_name: str, message: str, severity: str = ERROR) -> None:
        path = str(path)
        listed = self._per_file.get(path, 0)
        if listed >= MAX_PER_FILE:
            self._summarise(path, line, severity)
            return
        self._per_file[path] = listed + 1
        if len(message) > MAX_MESSAGE:
            message = message[:MAX_MESSAGE - 1] + "…"
        self.diagnostics.append(Diagnostic(path, line, field_name, message, severity))

    def _summarise(self, path: str, line: int, severity: str) -> None:
        summary = self._summaries.get(path)
        first = summary is None
        if summary is None:  # [index in diagnostics, first line left out, how many, any error]
            summary = self._summaries[path] = [len(self.diagnostics), line, 0, False]
        summary[2] += 1
        summary[3] = summary[3] or severity == ERROR
        index, first_line, left_out, any_error = summary
        diagnostic = Diagnostic(
            path, first_line, "", f"Er zijn nog {left_out} meldingen over dit bestand die hier niet staan (hoogstens "
                                  f"{MAX_PER_FILE} per bestand). Los eerst de meldingen hierboven op en controleer "
                                  "opnieuw.", ERROR if any_error else WARNING, summary=True)
        if first:
            self.diagnostics.append(diagnostic)
        else:
            self.diagnostics[index] = diagnostic

    def error(self, path: str | Path, line: int, field_name: str, message: str) -> None:
        self.add(path, line, field_name, message, ERROR)

    def warning(self, path: str | Path, line: int, field_name: str, message: str) -> None:
        self.add(path, line, field_name, message, WARNING)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == WARNING]

    def sorted(self) -> list[Diagnostic]:
        """By file, line and field; a file's summary of left-out messages comes last."""
        return sorted(self.diagnostics, key=lambda d: (d.path, d.summary, d.line, d.field))


def display_path(path: Path, base: Path) -> str:
    """The path as an editor typed it: relative to the working folder when possible."""
    absolute = path if path.is_absolute() else base / path
    try:
        return str(absolute.relative_to(base))
    except ValueError:
        return str(path)
