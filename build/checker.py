"""`wegwijzer check`: the report an editor reads, as text or JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass

from .diagnostics import Collector
from .model import Dataset


@dataclass
class CheckResult:
    dataset: Dataset
    collector: Collector

    @property
    def ok(self) -> bool:
        return not self.collector.errors

    def passes(self, strict: bool = False) -> bool:
        return self.ok and not (strict and self.collector.warnings)

    def summary(self) -> dict:
        ds = self.dataset
        return {
            "files": ds.files_read,
            "records": len(ds.voorzieningen) + len(ds.unpublished),
            "published": len(ds.voorzieningen),
            "faces": len(ds.gezichten),
            "errors": len(self.collector.errors),
            "warnings": len(self.collector.warnings),
        }

    def as_text(self) -> str:
        lines = [d.format() for d in self.collector.sorted()]
        s = self.summary()
        verdict = "Alles in orde." if self.ok and not s["warnings"] else (
            "Er zijn fouten: de site wordt niet gebouwd tot ze zijn opgelost." if not self.ok
            else "Geen fouten, wel waarschuwingen: de site kan worden gebouwd.")
        lines.append(
            f"{s['files']} bestanden, {s['records']} voorzieningen, {s['faces']} gezichten, "
            f"{s['errors']} fouten, {s['warnings']} waarschuwingen. {verdict}"
        )
        return "\n".join(lines)

    def as_json(self) -> str:
        payload = dict(self.summary(), diagnostics=[d.as_dict() for d in self.collector.sorted()])
        return json.dumps(payload, ensure_ascii=False, indent=2)
