"""The Markdown limits (records/markdown_limits.py): what they refuse, and that whatever they
accept, the site's Markdown converter turns into HTML without an error.

How long the converter takes within the limits is measured by benchmarks/bench_attacks.py
(tests do not time things); here Hypothesis builds texts from the constructs that used to
exhaust the stack or take quadratic time: brackets, nested list markers, quotes,
indentation, horizontal rules and setext headings.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wegwijzer.records.markdown_limits import MAX_BLOCK_BRACKETS, MAX_BLOCK_CHARS, MAX_NESTING, markdown_problems
from wegwijzer.site.safe_markdown import render

TOKENS = ["[", "]", "(", ")", "[a](", "[a][", "![", "](b", "- ", "* ", "+ ", "1. ", "> ", "    ", "\t", "\n", "\n\n",
          "---\n", "=\n", "# ", "`", "``", "*", "**", "_", "<", "<!--", "<![", "&", "&#", "\\", "a", "woord ", "é"]
markdown_text = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=4)), max_size=400).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown_text)
def test_whatever_the_limits_accept_converts_without_an_error(text):
    if markdown_problems(text):
        return
    html = render(text)
    assert isinstance(html, str)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=1, max_value=MAX_NESTING), st.sampled_from(["- ", "* ", "> ", "1. ", "    "]))
def test_nesting_up_to_the_limit_converts(depth, marker):
    text = "\n".join(marker * level + f"regel {level}" for level in range(1, depth + 1))
    assert markdown_problems(text) == []
    render(text)


@pytest.mark.parametrize("text, line, words", [
    ("- " * 500 + "diep", 1, "500 niveaus diep genest"),  # was a RecursionError
    ("Kop\n\n" + "> " * (MAX_NESTING + 1) + "x", 3, f"{MAX_NESTING + 1} niveaus"),
    (" " * 4 * (MAX_NESTING + 1) + "x", 1, f"{MAX_NESTING + 1} niveaus"),
    ("[" * 30_000, 1, "30.000 haken ["),  # took ten minutes to convert
    ("a\n\n" + "[a](" * (MAX_BLOCK_BRACKETS + 1), 3, f"{MAX_BLOCK_BRACKETS + 1} haken ["),
    ("x" * (MAX_BLOCK_CHARS + 1), 1, "10.001 tekens lang"),
    ("---\n" * 3000, 1, "12.000 tekens lang"),
])
def test_what_the_limits_refuse(text, line, words):
    problems = markdown_problems(text)
    assert any(found_line == line and words in message for found_line, message in problems), problems


def test_blocks_are_counted_apart():
    block = "[a](b) " * MAX_BLOCK_BRACKETS
    assert markdown_problems("\n\n".join([block] * 20)) == []
    assert len(markdown_problems("\n\n".join([block + "["] * 3))) == 3


def test_an_ordinary_article_is_within_the_limits():
    from builders import CONTENT

    for path in (CONTENT / "artikelen").glob("*.md"):
        assert markdown_problems(path.read_text(encoding="utf-8")) == [], path.name
