"""Markdown as editors may write it, rendered so it can never inject anything.

Raw HTML is not parsed but shown as text, links keep only safe schemes, and images
are dropped (an image would load from another site: a third-party request).
"""

from __future__ import annotations

import re
from html import escape as html_escape
from urllib.parse import urlsplit

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

SAFE_SCHEMES = {"http", "https", "mailto", "tel", ""}
# A relative link that starts like a scheme ("javascript:") is not relative.
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):")


def is_safe_href(href: str) -> bool:
    href = (href or "").strip()
    # Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
    squeezed = re.sub(r"[\x00-\x20]", "", href)
    match = _SCHEME.match(squeezed)
    if match:
        return match.group(1).lower() in SAFE_SCHEMES
    try:
        urlsplit(squeezed)
    except ValueError:
        return False
    return not squeezed.startswith("//")  # protocol-relative: another site


class _SanitiseTree(Treeprocessor):
    def run(self, root):
        for parent in list(root.iter()):
            for child in list(parent):
                if child.tag == "img":
                    # Keep the alt text so nothing the editor meant is lost.
                    self._replace_with_text(parent, child, child.get("alt", ""))
                elif child.tag == "a":
                    if not is_safe_href(child.get("href", "")):
                        child.tag = "span"
                        child.attrib.clear()
                    else:
                        title = child.get("title")
                        href = child.get("href")
                        child.attrib.clear()
                        child.set("href", href)
                        if title:
                            child.set("title", title)
                        if urlsplit(href).scheme in ("http", "https"):
                            child.set("rel", "noopener nofollow")
                else:
                    # Only attributes Markdown itself produces for our tag set survive.
                    for name in list(child.attrib):
                        if name not in ("href", "title", "id", "start"):
                            del child.attrib[name]
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
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        # Entities stay (&amp; etc. are harmless), but autolinks to <javascript:...>
        # are handled by the tree check below.
        md.treeprocessors.register(_SanitiseTree(md), "wegwijzer_sanitise", 0)


def make_markdown() -> markdown.Markdown:
    return markdown.Markdown(extensions=[SafeExtension(), "sane_lists"], output_format="html")


_md = None


# Plain prose: every line starts with a letter and holds only letters, digits, spaces and
# punctuation that means nothing in Markdown. Most descriptions are like this, and
# Python-Markdown costs about 1 ms each (10 s at 10,000 records); tests compare both.
_PLAIN_LINE = re.compile(r"[^\W\d_](?:[^\W_]|[ .,;:?!'\"()%\u20ac/@+-])*")


def plain_paragraphs(text: str):
    """The paragraphs of ``text`` if it is plain prose (see _PLAIN_LINE), else None."""
    paragraphs, current = [], []
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
    return html


def _shift(html: str, by: int) -> str:
    def repl(m):
        level = min(6, int(m.group(2)) + by)
        return f"<{m.group(1)}h{level}"
    return re.sub(r"<(/?)h([1-6])", repl, html)
