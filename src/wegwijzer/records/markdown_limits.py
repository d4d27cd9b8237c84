"""Limits on editors' Markdown that keep the site's Markdown converter fast and safe.

Python-Markdown (which the build uses, see site/safe_markdown.py) has two weak spots
for hostile or broken text: an opening ``[`` makes it scan ahead for the closing one, so
thousands of ``[`` in one paragraph cost time that grows with the square of the
paragraph (30,000 took ten minutes); and lists nested hundreds deep exhaust Python's
stack. These checks run in the check, in plain Python, in one pass over the text, and
refuse only what no editor writes:

- a block (a paragraph or a list without an empty line in it) of more than
  MAX_BLOCK_CHARS characters;
- more than MAX_BLOCK_BRACKETS ``[`` in one block;
- a line nested deeper than MAX_NESTING (list markers, ``>`` quotes, or indentation).

Within these limits the converter's work grows in a straight line with the text
(benchmarks/bench_attacks.py measures it).
"""

from __future__ import annotations

import re

MAX_BLOCK_CHARS = 10_000
MAX_BLOCK_BRACKETS = 100
MAX_NESTING = 8
_INDENT_PER_LEVEL = 4  # Python-Markdown nests a list one level per four spaces

# The container markers at the start of a line: '- ', '* ', '+ ', '1. ', '1) ', '> '.
_MARKERS = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)]|>)(?=[ \t]|$)")
_BLANK = re.compile(r"\n[ \t]*\n")


def markdown_problems(text: str) -> list[tuple[int, str]]:
    """[(line within the text, Dutch message)] for everything the limits refuse."""
    problems = []
    line = 1
    position = 0
    for blank in [*_BLANK.finditer(text), None]:
        end = blank.start() if blank else len(text)
        block = text[position:end]
        problems.extend(_block_problems(block, line))
        if blank is None:
            break
        line += text.count("\n", position, blank.end())
        position = blank.end()
    return problems


def _block_problems(block: str, first_line: int) -> list[tuple[int, str]]:
    problems = []
    if len(block) > MAX_BLOCK_CHARS:
        problems.append((first_line, too_long_block(len(block))))
    brackets = block.count("[")
    if brackets > MAX_BLOCK_BRACKETS:
        problems.append((first_line, too_many_brackets(brackets)))
    for offset, text_line in enumerate(block.split("\n")):
        depth = _nesting(text_line)
        if depth > MAX_NESTING:
            problems.append((first_line + offset, too_deep(depth)))
            break  # one message per block is enough to find it
    return problems


def too_long_block(length: int) -> str:
    return (f"Dit stuk tekst zonder lege regel is {length:,} tekens lang; het maximum is {MAX_BLOCK_CHARS:,}. "
            "Zet lege regels tussen de alinea's.").replace(",", ".")


def too_many_brackets(count: int) -> str:
    return (f"Er staan {count:,} haken [ in één alinea; het maximum is {MAX_BLOCK_BRACKETS}. Zet lege regels tussen "
            "de alinea's, of haal haken weg.").replace(",", ".")


def too_deep(depth: int) -> str:
    return (f"Deze regel is {depth} niveaus diep genest (lijsten, > of inspringen); het maximum is {MAX_NESTING}. "
            "Spring minder ver in.")


def _nesting(text_line: str) -> int:
    """How deep a line nests: its leading markers, or its indentation in list levels."""
    markers = 0
    position = 0
    while True:
        found = _MARKERS.match(text_line, position)
        if not found or found.end() == position:
            break
        markers += 1
        position = found.end()
    indent = len(text_line) - len(text_line.lstrip(" \t"))
    columns = text_line[:indent].expandtabs(_INDENT_PER_LEVEL).count(" ")
    return max(markers, columns // _INDENT_PER_LEVEL)
