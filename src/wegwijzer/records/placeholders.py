"""`[Vul in …]` left in anything an editor keeps: a warning (an error with --strict).

Templates and the generated accessibility statement mark text that still has to be
written as ``[Vul in: …]``; such a page must not go live unnoticed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from .diagnostics import Collector
from .statement import PLACEHOLDER
from .yamlsafe import Mapping, Node, Scalar, Sequence

MESSAGE = ("Hier staat nog '{found}'. Schrijf hier de echte tekst. Met 'wegwijzer check --strict' gaat de site "
           "niet online zolang dit er staat.")


def warn_in_yaml(node: Node, collector: Collector, path: str, field: str = "") -> None:
    """Warn about every placeholder in the scalar values under ``node``."""
    if isinstance(node, Scalar):
        if "[" in node.value:
            for found in PLACEHOLDER.findall(node.value):
                collector.warning(path, node.line, field, MESSAGE.format(found=found))
    elif isinstance(node, Mapping):
        for key, (_, child) in node.entries.items():
            warn_in_yaml(child, collector, path, f"{field}.{key}" if field else key)
    elif isinstance(node, Sequence):
        for child in node.items:
            warn_in_yaml(child, collector, path, field)


def warn_in_text_files(pages: Iterable[tuple[Path, str]], collector: Collector,
                       shown: Callable[[Path], str]) -> None:
    """Every Markdown page of the content folder (articles, toegankelijkheid.md, ...), line by line.
    ``pages``: (path, text) of the pages the content check read; ``shown(path)`` is the path as
    the editor sees it."""
    for path, text in pages:
        for number, line in enumerate(text.splitlines(), 1):
            for found in PLACEHOLDER.findall(line):
                collector.warning(shown(path), number, "tekst", MESSAGE.format(found=found))
