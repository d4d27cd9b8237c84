"""Jargon explained where it appears: the first occurrence of each glossary term on a
page becomes ``<abbr title="...">`` (the terms come from records.glossary).

The explanation is added while the markup is made, not read back from finished pages:

- ``for_templates`` rewrites each template once, when it is loaded. A value written as text
  (``{{ pagina.samenvatting }}``) goes through the ``uitleg`` filter; a fixed text of the
  template that holds a term goes through it as a ``{% filter uitleg %}`` block. Values in
  attributes and in the elements a tooltip has no place in (links, headings, buttons; see
  ``Annotator.SKIP``) are left as they are.
- ``uitleg`` escapes a value and explains the terms this page has not explained yet
  (``explaining`` holds what one page has explained, while it is made).
- Markdown an editor wrote reaches its template sanitised, as markup; ``uitleg`` explains it
  there as a fragment, leaving its own links and headings alone.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Iterator, Optional

from markupsafe import Markup

from ..records.glossary import Term
from ..search.fields import SEARCH_DATA_TAG
from .escaping import esc


class Annotator:
    """Wraps the first occurrence of each term in already-escaped HTML in <abbr>.

    Works on text between tags only, and never inside links, headings or abbr, so
    the markup we generated stays intact.
    """

    # Links and headings keep their look; form controls and the hidden search data
    # (search.fields.SEARCH_DATA_TAG) cannot show a tooltip.
    SKIP = frozenset(("a", "abbr", "h1", "h2", "h3", "h4", "button", "script", "style", "title", "summary",
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
                r"<(/?)(" + "|".join(sorted(self.SKIP)) + r")(?![a-zA-Z0-9-])[^>]*>", re.IGNORECASE)
            self.tag_pattern = re.compile(r"<(/?)([a-zA-Z0-9-]+)[^>]*>")

    def annotate(self, fragment: str, done: Optional[set] = None) -> str:
        """Looks only at term occurrences, and at the skip elements around one that counts.
        ``done``: the terms explained earlier on the same page (updated)."""
        if not self.terms:
            return fragment
        hits = None
        done = set() if done is None else done
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


# --- one page at a time ---------------------------------------------------------------

@dataclass
class _PageTerms:
    annotator: Annotator
    done: set = field(default_factory=set)  # id() of the terms explained on this page so far
    quiet: int = 0  # > 0 while a part inside a link or heading is made (an include, a macro)


_PAGE: ContextVar[Optional[_PageTerms]] = ContextVar("wegwijzer_glossary_page", default=None)


@contextmanager
def explaining(annotator: Optional[Annotator]) -> Iterator[None]:
    """While one page is made: its ``uitleg`` values explain each term once, the first time."""
    page = _PageTerms(annotator) if annotator is not None and annotator.terms else None
    token = _PAGE.set(page)
    try:
        yield
    finally:
        _PAGE.reset(token)


def explain(value) -> Markup:
    """The templates' ``uitleg`` filter: ``value`` escaped (unless it is markup the build made
    or sanitised), with the terms this page has not explained yet explained."""
    markup = value.__html__() if hasattr(value, "__html__") else esc(value)
    page = _PAGE.get()
    # Most values hold no term at all: one search, the cheapest answer (about a million values
    # on a site of 10,000 records).
    if page is None or page.quiet > 0 or page.annotator.term_pattern.search(markup) is None:
        return Markup(markup)
    return Markup(page.annotator.annotate(markup, page.done))


def hush(step: int) -> str:
    """``+1`` before and ``-1`` after a part made inside a link or heading: no tooltips in it."""
    page = _PAGE.get()
    if page is not None:
        page.quiet += step
    return ""


def hush_element(name, step: int) -> str:
    """An element whose name is a value (``<{{ kop }}>``): ``hush`` if it is one without tooltips."""
    return hush(step) if str(name).lower() in Annotator.SKIP else ""


# --- the templates, rewritten once when they are loaded -------------------------------------

FILTER = "uitleg"  # the filter's name in the templates
HUSH = "_uitleg_stil"  # the global hush() in the templates
HUSH_ELEMENT = "_uitleg_stil_in"  # the global hush_element() in the templates
_TAG_START = re.compile(r"<(?:(!--)|(/?)([a-zA-Z][a-zA-Z0-9-]*))")
_DYNAMIC_TAG = re.compile(r"<(/?)$")
_VOID = frozenset(("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                   "track", "wbr"))


@dataclass
class _Markup:
    """Where a template's source stands, read as HTML: in text or inside a tag, and how many
    skip elements are open around it."""

    in_tag: bool = False
    quote: str = ""  # inside a quoted attribute value: its quote
    in_comment: bool = False
    tag: str = ""  # the tag being read
    closing: bool = False
    skipped: list[str] = field(default_factory=list)  # the open skip elements
    dynamic: bool = False  # the next {{ }} is the name of the element being opened or closed
    calls: list[bool] = field(default_factory=list)  # the open {% call %} blocks: whether each is quiet

    def text_runs(self, data: str) -> Iterator[tuple[bool, str]]:
        """``data`` in pieces: (True, text between tags) or (False, anything else)."""
        i = 0
        while i < len(data):
            if self.in_comment:
                end = data.find("-->", i)
                stop = len(data) if end < 0 else end + 3
                self.in_comment = end < 0
                yield False, data[i:stop]
                i = stop
            elif self.in_tag:
                stop = self._tag_end(data, i)
                yield False, data[i:stop]
                i = stop
            else:
                m = _TAG_START.search(data, i)
                stop = len(data) if m is None else m.start()
                dynamic = _DYNAMIC_TAG.search(data, i) if m is None else None
                if dynamic is not None:  # <{{ name }}: the element's name is a value
                    stop = dynamic.start()
                if stop > i:
                    yield True, data[i:stop]
                if dynamic is not None:
                    self.in_tag, self.closing, self.tag, self.dynamic = True, bool(dynamic.group(1)), "", True
                    yield False, dynamic.group(0)
                if m is None:
                    return
                self.in_comment = bool(m.group(1))
                if not self.in_comment:
                    self.in_tag, self.closing, self.tag = True, bool(m.group(2)), m.group(3).lower()
                yield False, m.group(0)
                i = m.end()

    def _tag_end(self, data: str, i: int) -> int:
        while i < len(data):
            ch = data[i]
            if self.quote:
                if ch == self.quote:
                    self.quote = ""
            elif ch in "\"'":
                self.quote = ch
            elif ch == ">":
                self._tag_closed(data[i - 1] == "/" if i else False)
                return i + 1
            i += 1
        return i

    def _tag_closed(self, self_closing: bool):
        self.in_tag = False
        if self.tag not in Annotator.SKIP or self.tag in _VOID:
            return
        if self.closing:
            if self.tag in self.skipped:
                del self.skipped[len(self.skipped) - 1 - self.skipped[::-1].index(self.tag)]
        elif not self_closing:
            self.skipped.append(self.tag)

    @property
    def in_text(self) -> bool:
        return not (self.in_tag or self.in_comment)


def for_templates(tokens, annotator: Optional[Annotator]) -> str:
    """A template's source (as ``tokens``, Jinja's lexer's (line, kind, text)) with its text
    values and the fixed texts that hold a term put through ``uitleg``."""
    html_state, out = _Markup(), []
    expression: Optional[list] = None  # the tokens of the {{ }} or {% %} being read
    for _, kind, text in tokens:
        if expression is not None:
            expression.append((kind, text))
            if kind in ("variable_end", "block_end"):
                out.append(_rewritten(expression, html_state))
                expression = None
        elif kind in ("variable_begin", "block_begin"):
            expression = [(kind, text)]
        elif kind == "data":
            for is_text, piece in html_state.text_runs(text):
                fixed_term = is_text and not html_state.skipped and annotator is not None and annotator.terms \
                    and annotator.term_pattern.search(piece)
                out.append(f"{{% filter {FILTER} %}}{piece}{{% endfilter %}}" if fixed_term else piece)
        else:
            out.append(text)
    return "".join(out)


_QUIET, _LOUD = f"{{{{ {HUSH}(1) }}}}", f"{{{{ {HUSH}(-1) }}}}"


def _rewritten(expression: list, where: _Markup) -> str:
    source = "".join(text for _, text in expression)
    kind = expression[0][0]
    inner = "".join(text for _, text in expression[1:-1])
    if where.dynamic and kind == "variable_begin":  # <{{ kop }}>: a heading is known when it is made
        where.dynamic = False
        return f"{source}{{{{ {HUSH_ELEMENT}(({inner}), {-1 if where.closing else 1}) }}}}"
    names = [text for k, text in expression if k == "name"]
    # A {% call %} block inside a link or heading: quiet until its {% endcall %}, also in the
    # macro it calls (which may call the block's body any number of times).
    if kind == "block_begin" and names[:1] == ["call"]:
        where.calls.append(where.in_text and bool(where.skipped))
        return _QUIET + source if where.calls[-1] else source
    if kind == "block_begin" and names[:1] == ["endcall"]:
        return source + _LOUD if where.calls and where.calls.pop() else source
    if not where.in_text:
        return source
    if where.skipped:  # no tooltip inside a link or heading, also not in a part made here
        makes_markup = (kind == "block_begin" and names[:1] == ["include"]) or (
            kind == "variable_begin" and any(text == "(" for k, text in expression if k == "operator"))
        return _QUIET + source + _LOUD if makes_markup else source
    if kind != "variable_begin":
        return source
    return f"{expression[0][1]} ({inner})|{FILTER} {expression[-1][1]}"
