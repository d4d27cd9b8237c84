"""Jargon explained where it appears: the first occurrence of each glossary term on a
page becomes ``<abbr title="...">`` (the terms come from records.glossary)."""

from __future__ import annotations

import html
import re
from bisect import bisect_right

from ..records.glossary import Term
from .markers import SEARCH_DATA_TAG


class Annotator:
    """Wraps the first occurrence of each term in already-escaped HTML in <abbr>.

    Works on text between tags only, and never inside links, headings or abbr, so
    the markup we generated stays intact.
    """

    # Links and headings keep their look; form controls and the hidden search data
    # (markers.SEARCH_DATA_TAG) cannot show a tooltip.
    _SKIP = frozenset(("a", "abbr", "h1", "h2", "h3", "h4", "button", "script", "style", "title", "summary",
                       "option", "select", "textarea", SEARCH_DATA_TAG))

    def __init__(self, terms):
        # Each term as it stands in escaped HTML, in both spellings: record fields go through
        # esc() (quotes as &quot; and &#x27;), Markdown text keeps quotes as they are.
        self.terms: dict[str, Term] = {}
        for t in terms:
            for quote in (False, True):
                self.terms.setdefault(html.escape(t.term, quote=quote).lower(), t)
        if self.terms:
            alternatives = sorted(self.terms, key=len, reverse=True)
            # The terms as a trie behind a first-letter lookahead: the regex engine then
            # skips most positions at once (about 3x faster than the plain alternation).
            first = "".join(sorted({c for a in alternatives for c in (a[0].lower(), a[0].upper())}))
            # Not after '&' or '#': the text is escaped HTML, and a term such as 'amp', 'quot' or 'x27'
            # must never match inside a character reference (&amp; &quot; &#x27;).
            self.term_pattern = re.compile(
                r"(?=[" + re.escape(first) + r"])(?<![\w&#-])(" + _trie_regex(alternatives) + r")(?![\w-])",
                re.IGNORECASE)
            self.skip_pattern = re.compile(
                r"<(/?)(" + "|".join(sorted(self._SKIP)) + r")(?![a-zA-Z0-9-])[^>]*>", re.IGNORECASE)
            self.tag_pattern = re.compile(r"<(/?)([a-zA-Z0-9-]+)[^>]*>")

    def annotate(self, fragment: str) -> str:
        """Looks only at term occurrences, and at the skip elements around one that counts."""
        if not self.terms:
            return fragment
        hits = None
        done = set()
        out, last = [], 0
        for m in self.term_pattern.finditer(fragment):
            key = m.group(1).lower()
            term = self.terms.get(key)
            if term is None or id(term) in done:
                continue
            start = m.start()
            # Inside a tag (an attribute value)? Not text: leave it.
            lt = fragment.rfind("<", 0, start)
            if lt > fragment.rfind(">", 0, start):
                tag = self.tag_pattern.match(fragment, lt)
                if tag is not None and tag.end() > start:
                    continue
            if hits is None:
                hits = self._skip_depths(fragment)
            if hits and self._depth_at(hits, start):
                continue
            done.add(id(term))
            out.append(fragment[last:start])
            out.append(self.abbr(key, m.group(1)))
            last = m.end()
        if not out:
            return fragment
        out.append(fragment[last:])
        return "".join(out)

    def abbr(self, key: str, text: str) -> str:
        """``text`` (already escaped) with the tooltip of the term ``key``."""
        return f'<abbr title="{html.escape(self.terms[key].tooltip)}">{text}</abbr>'

    def _skip_depths(self, fragment: str) -> list:
        """[(position after the tag, depth of skip elements there)] in document order."""
        depth, marks = 0, []
        for m in self.skip_pattern.finditer(fragment):
            if m.group(0).endswith("/>"):
                continue
            depth = max(0, depth + (-1 if m.group(1) else 1))
            marks.append((m.end(), depth))
        return marks

    @staticmethod
    def _depth_at(marks: list, position: int) -> int:
        i = bisect_right(marks, (position, float("inf"))) - 1
        return marks[i][1] if i >= 0 else 0


def _trie_regex(words) -> str:
    """An alternation of ``words`` factored by common prefix; longer matches are tried first."""
    trie: dict[str, dict] = {}  # letter -> the trie after it
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def build(node) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)
