"""Markdown as editors may write it, rendered so it can never inject anything.

Editor Markdown -> Python-Markdown -> nh3 (the ammonia sanitiser):

- raw HTML an editor types is not parsed but shown as text (Markdown's HTML
  processors are switched off, so it arrives escaped);
- images become their alt text (an image would load from another site);
- nh3 then keeps only the tags and attributes in ALLOWED_TAGS / ALLOWED_ATTRIBUTES,
  after decoding the HTML the way a browser does; every link goes through the one URL
  check in ``wegwijzer.safeurl`` (http, https, mailto, tel, or a page of this site);
- links to other sites get rel="noopener nofollow".
"""

from __future__ import annotations

import html as html_lib
import re
from html import escape as html_escape

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .. import safeurl

# Everything Python-Markdown makes from our extensions, and nothing else.
ALLOWED_TAGS = frozenset({"p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "code", "pre",
                          "blockquote", "ul", "ol", "li", "a"})
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}


def is_safe_href(href: str) -> bool:
    """A link an editor may publish: http(s), mailto, tel, or a page of this site."""
    return safeurl.is_allowed_link(href or "", allow_relative=True)


def _keep_attribute(tag: str, attribute: str, value: str):
    """nh3 calls this with each attribute value as the browser will read it (decoded)."""
    if attribute == "href":
        return value if is_safe_href(value) else None
    if attribute == "start":
        return value if value.isdigit() and len(value) < 7 else None
    return value


_CLEANER = nh3.Cleaner(tags=set(ALLOWED_TAGS), attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
                       attribute_filter=_keep_attribute, url_schemes=set(safeurl.LINK_SCHEMES), link_rel=None,
                       strip_comments=True)
# nh3's output is canonical: attributes double-quoted, '"' inside a value escaped.
_LINK_START = re.compile(r'<a((?: [a-z]+="[^"]*")*)>')
_HREF = re.compile(r' href="([^"]*)"')


def sanitise(html: str) -> str:
    """Any HTML -> only the allowed tags and attributes, with rel on links to other sites."""
    return _LINK_START.sub(_with_rel, _CLEANER.clean(html))


def _with_rel(match) -> str:
    attributes = match.group(1)
    href = _HREF.search(attributes)
    if href and safeurl.scheme(html_lib.unescape(href.group(1))) in safeurl.WEB_SCHEMES:
        attributes += ' rel="noopener nofollow"'
    return f"<a{attributes}>"


class _ImagesAsText(Treeprocessor):
    def run(self, root):
        for parent in list(root.iter()):
            for child in list(parent):
                if child.tag == "img":
                    # Keep the alt text so nothing the editor meant is lost.
                    self._replace_with_text(parent, child, child.get("alt", ""))
        return root

    @staticmethod
    def _replace_with_text(parent, child, text):
        index = list(parent).index(child)
        tail = (text or "") + (child.tail or "")
        parent.remove(child)
        if index == 0:
            parent.text = (parent.text or "") + tail
        else:
            prev = parent[index - 1]
            prev.tail = (prev.tail or "") + tail


class SafeExtension(Extension):
    def extendMarkdown(self, md):
        # Raw HTML stays text: without these two, Markdown escapes every '<' it sees.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_ImagesAsText(md), "wegwijzer_images", 0)


def make_markdown() -> markdown.Markdown:
    return markdown.Markdown(extensions=[SafeExtension(), "sane_lists"], output_format="html")


_md = None


# Plain prose: every line starts with a letter and holds only letters, digits, spaces and
# punctuation that means nothing in Markdown. Most descriptions are like this, and
# Python-Markdown costs about 1 ms each (10 s at 10,000 records); tests compare both.
_PLAIN_LINE = re.compile(r"[^\W\d_](?:[^\W_]|[ .,;:?!'\"()%\u20ac/@+-])*")


def plain_paragraphs(text: str):
    """The paragraphs of ``text`` if it is plain prose (see _PLAIN_LINE), else None."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in text.split("\n"):
        if not line:
            if current:
                paragraphs.append("\n".join(current))
                current = []
            continue
        if line[-1] == " " or "  " in line or not _PLAIN_LINE.fullmatch(line):
            return None
        current.append(line)
    if current:
        paragraphs.append("\n".join(current))
    return paragraphs


def render(text: str, shift_headings: int = 1) -> str:
    """Editor Markdown -> safe HTML. Headings shift down so the page keeps one h1."""
    global _md
    plain = plain_paragraphs(text or "")
    if plain is not None:  # nothing to convert, nothing to escape but the text itself
        return "\n".join(f"<p>{html_escape(p, quote=False)}</p>" for p in plain)
    if _md is None:
        _md = make_markdown()
    _md.reset()
    html = _md.convert(text or "")
    if shift_headings:
        html = _shift(html, shift_headings)
    return sanitise(html)


def _shift(html: str, by: int) -> str:
    def repl(m):
        level = min(6, int(m.group(2)) + by)
        return f"<{m.group(1)}h{level}"
    return re.sub(r"<(/?)h([1-6])", repl, html)
