"""Mutation score of the modules that protect residents and editors. (A benchmark, not a test.)

    .venv/bin/python benchmarks/mutation.py                  # every group below
    .venv/bin/python benchmarks/mutation.py escaping pages   # some groups
    .venv/bin/python benchmarks/mutation.py --changed origin/main   # groups whose files changed
    .venv/bin/python benchmarks/mutation.py --list           # the groups, their files and tests

A mutant is a copy of the code with one small change (`<` for `<=`, a constant, a dropped
argument, a string changed). The tests should fail on it: the mutant is "killed". One that
passes every test "survived": the tests would not notice that regression.

Python modules go through mutmut 3 (pyproject.toml, test extras). Each group runs in its
own scratch project in .mutation/<group>/ (git-ignored): the repository's src/, tests/ and
data linked in, and a generated [tool.mutmut] section that mutates only the group's
files and selects only the group's fast, in-process tests. mutmut records which test
calls which function and runs, for each mutant, only those tests. Tests that start
`wegwijzer` in a subprocess cannot see a mutant (the subprocess imports the original
code), so they are not selected.

The search page's fallback (zoeken.js) is JavaScript: mutmut cannot change it. The group
`zoeken-fallback` applies its own list of mutants (JS_MUTANTS below: the timeout, the
abort, the fallback decisions) to a copy of src/ and runs the browser fallback tests
against each, with PYTHONPATH pointing at the copy.

Prints one line per group and module: mutants, unreached (IMPORT_TIME below), killed
(timeouts count as killed: the tests did notice), equivalent (EQUIVALENT below: no
observable change, each with its reason), survived (including "no tests": no selected
test reaches the code), the score killed / (killed + equivalent + survived) and the same
without the equivalent ones. --show lists every survivor with its diff.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCRATCH = REPO / ".mutation"
# What the tests read besides src/ and tests/ (mutmut copies these next to the mutants).
ALSO_COPY = ["voorzieningen", "content", "search", "build", "mkdocs.yml", "benchmarks", "docs"]
LINKED = ["src", "tests", *ALSO_COPY]


@dataclass
class Group:
    name: str
    files: list  # paths below the repository root
    tests: list  # pytest arguments: files or node ids (fast, in-process tests only)
    guard: bool = False  # a module whose every surviving mutant must be killed or explained (issue 15)
    functions: list = field(default_factory=list)  # only these functions (mutmut name patterns), if given
    kind: str = "mutmut"


# Tests that build a whole site (seconds each) would run for almost every mutant.
NO_BUILDS = ["--deselect=tests/test_statement.py::"
             "test_the_built_site_has_security_txt_and_a_statement_without_placeholders",
             "--deselect=tests/test_statement.py::test_without_a_security_block_there_is_no_security_txt"]

# tests/test_content_folder.py's tests on a built site (the module's content_site fixture builds once).
CONTENT_SITE_TESTS = ["test_raw_html_oddities_in_an_article_build_and_show_as_text",
                      "test_content_images_are_published_without_metadata_and_at_most_1600_pixels",
                      "test_face_photos_keep_no_colour_profile_or_metadata", "test_data_files_are_read_not_published"]

GROUPS = [
    Group("escaping", ["src/wegwijzer/site/escaping.py", "src/wegwijzer/site/markers.py"],
          ["tests/test_escaping.py", "tests/test_site_pages.py"], guard=True),
    Group("render", ["src/wegwijzer/site/render.py", "src/wegwijzer/site/render_parts.py"],
          ["tests/test_escaping.py", "tests/test_render.py", "tests/test_site_pages.py", "tests/test_statement.py",
           "tests/test_glossary.py", *NO_BUILDS]),
    Group("sanitising", ["src/wegwijzer/site/safe_markdown.py", "src/wegwijzer/safeurl.py"],
          ["tests/test_safe_markdown.py", "tests/test_link_vectors.py", "tests/test_sanitiser_property.py",
           "tests/test_escaping.py", "tests/test_safeurl.py"], guard=True),
    Group("pages", ["src/wegwijzer/site/pages.py"],
          ["tests/test_site_pages.py", "tests/test_render.py", "tests/test_kernen_spreekuren.py",
           "tests/test_levensloop_loket.py", "tests/test_referral_fields.py"], guard=True),
    Group("photos", ["src/wegwijzer/site/photos.py"], ["tests/test_photos.py"], guard=True),
    Group("glossary", ["src/wegwijzer/site/glossary.py"], ["tests/test_glossary.py", "tests/test_site_pages.py"],
          guard=True),
    Group("checker", ["src/wegwijzer/records/checker.py", "src/wegwijzer/records/dataset.py",
                      "src/wegwijzer/records/schema/framework.py", "src/wegwijzer/records/schema/types.py"],
          ["tests/test_check_rules.py", "tests/test_yaml_loading.py", "tests/test_demo_data.py",
           "tests/test_check_content.py", "tests/test_check_cli.py", "tests/test_synonyms.py",
           "tests/test_statement.py", "tests/test_phone_and_formats.py", "tests/test_kernen_spreekuren.py",
           "tests/test_levensloop_loket.py", "tests/test_referral_fields.py",
           *NO_BUILDS]),
    Group("hostile-input", ["src/wegwijzer/records/files.py", "src/wegwijzer/records/content.py",
                            "src/wegwijzer/records/images.py", "src/wegwijzer/records/markdown_limits.py",
                            "src/wegwijzer/records/diagnostics.py"],
          ["tests/test_hostile_files.py", "tests/test_hostile_values.py", "tests/test_content_folder.py",
           "tests/test_markdown_limits.py",
           "tests/test_check_rules.py",
           "--deselect=tests/test_content_folder.py::test_the_build_writes_no_top_level_name_it_does_not_declare",
           *(f"--deselect=tests/test_content_folder.py::{name}" for name in CONTENT_SITE_TESTS)], guard=True),
    Group("search-documents", ["src/wegwijzer/search/documents.py", "src/wegwijzer/search/plaintext.py"],
          ["tests/test_search_documents.py"]),
    Group("atomic-swap", ["src/wegwijzer/site/swap.py"],
          ["tests/test_site_swap.py",
           "tests/test_site_build.py::test_swap_exchanges_the_folders_in_one_step_and_leaves_nothing_behind",
           "tests/test_site_build.py::test_swap_falls_back_to_two_renames_where_exchange_is_missing",
           "tests/test_site_build.py::test_a_running_builds_folder_is_left_alone",
           "tests/test_site_build.py::test_a_folder_without_a_lock_file_is_removed_only_when_old"], guard=True,
          functions=["*x_swap_in__mutmut_*", "*x__exchange__mutmut_*", "*x_build_folder__mutmut_*",
                     "*x_remove_leftovers__mutmut_*", "*x__remove_if_abandoned__mutmut_*", "*x__names__mutmut_*"]),
    Group("zoeken-fallback", ["src/wegwijzer/site/assets/zoeken.js"], ["tests/test_browser_meili_fallback.py"],
          guard=True, kind="js"),
]

# Surviving mutants that change nothing a resident, an editor or a test could observe, with the
# reason. A survivor is matched by its function and its changed line (mutmut's numbers change
# when the code does). They are left out of the adjusted score; every other survivor counts.
# safeurl._host_problem's test of Latin letters, as mutmut changes it (see EQUIVALENT)
_LATIN_TEST = 'if letters and not all(c.isascii() {} "{}" in unicodedata.name(c, {}) for c in letters) \\'

EQUIVALENT = [
    # site/escaping.py
    ("x_esc", "return html.escape(str(value), )", "quote=True is html.escape's default"),
    ("x_json_for_script", "return (json.dumps(data, ensure_ascii=None)", "None is falsy, like False"),
    ("x_json_for_script", r'.replace("<", "\\u003C").replace(">", "\\u003e").replace("&", "\\u0026"))',
     "JSON \\u escapes are read case-insensitively: the same value, still no '<'"),
    ("x_json_for_script", r'.replace("<", "\\u003c").replace(">", "\\u003E").replace("&", "\\u0026"))',
     "JSON \\u escapes are read case-insensitively: the same value, still no '>'"),
    ("x_finalize", "if type(None) is Markup:  # most values: the glossary's filter escaped them already",
     "the fast path only skips work: markup takes the next branch to the same result"),
    # site/glossary.py
    ("x__rewritten", "where.dynamic = None", "the flag is only read as a truth value: None and False alike"),
    ("x__rewritten", 'makes_markup = (kind == "block_begin" or names[:1] == ["include"]) or (',
     "quiet and loud around any statement in a link: each pair is undone where it is written"),
    ("x__rewritten", 'kind == "variable_begin" or any(text == "(" for k, text in expression if k == "operator"))',
     "a value in a link is never explained anyway: quieting it as well changes nothing"),
    ("x__rewritten", 'kind == "variable_begin" and any(text != "(" for k, text in expression if k == "operator"))',
     "every '(' comes with a ')': the same values are quieted, and quieting a plain value changes nothing"),
    ("x__rewritten", "return _QUIET + source + _LOUD if (makes_markup) or True else source", "as above"),
    ("x__rewritten", 'if kind == "block_begin" and names[:2] == ["endcall"]:',
     "{% endcall %} holds one name: its first two are its first"),
    ("x__rewritten", 'makes_markup = (kind == "block_begin" and names[:2] == ["include"]) or (',
     "an include names its template as a string, not a name: its names are just 'include'"),
    ("_Markup", "self.in_tag = None", "only read as a truth value: None and False alike"),
    ("_Markup", "self.quote = None", "only read as a truth value after a closing quote: None and '' alike"),
    ("_Markup", "dynamic = _DYNAMIC_TAG.search(data, ) if m is None else None",
     "the pattern is anchored at the end of the data: searched from 0 or from i, the same match"),
    ("_Markup", "if stop >= i:", "adds an empty piece of text, which changes nothing"),
    ("_Markup", 'self.in_tag, self.closing, self.tag, self.dynamic = True, bool(dynamic.group(1)), "XXXX", True',
     "no element that stays without tooltips has that name, nor the empty one"),
    ("_Markup", "yield True, dynamic.group(0)", "'<' or '</' holds no term"),
    ("x__trie_regex", 'node[""] = None  # a word ends here', "the end marker's value is never read"),
    ("x__trie_regex", 'body = branches[0] if (len(branches) == 1) and False else "(?:" + "|".join(branches) + ")"',
     "one branch in a (?:...) group is the same regex"),
    ("x__trie_regex", 'return f"(?:{body})?" if ("" in node) or True else body',
     "prefixes that are no term match but are rejected by the term lookup; longest first still wins"),
    ("Annotator", "alternatives = sorted(self.terms, key=None, reverse=True)",
     "the trie sorts each node itself: the order of the words does not matter"),
    ("Annotator", "alternatives = sorted(self.terms, reverse=True)", "as above"),
    ("Annotator", "alternatives = sorted(self.terms, key=len, )", "as above"),
    ("Annotator", "alternatives = sorted(self.terms, key=len, reverse=False)", "as above"),
    ("Annotator", 'first = "XXXX".join(sorted({c for a in alternatives for c in (a[0].lower(), a[0].upper())}))',
     "adds 'X' to a look-ahead that only skips positions faster; the full pattern decides"),
    ("Annotator", 'first = "".join(sorted({c for a in alternatives for c in (a[0].upper(), a[0].upper())}))',
     "the look-ahead is compiled with IGNORECASE: one case of the first letter matches both"),
    ("Annotator", 'first = "".join(sorted({c for a in alternatives for c in (a[0].lower(), a[0].lower())}))',
     "as above"),
    ("Annotator", 'r"<(/?)(" + "|".join(sorted(self.SKIP)) + r")(?![a-za-z0-9-])[^>]*>", re.IGNORECASE)',
     "compiled with IGNORECASE"),
    ("Annotator", 'r"<(/?)(" + "|".join(sorted(self.SKIP)) + r")(?![A-ZA-Z0-9-])[^>]*>", re.IGNORECASE)',
     "compiled with IGNORECASE"),
    ("Annotator", 'lt = fragment.rfind("<", None, start)', "None and 0 start the search at the same place"),
    ("Annotator", 'if lt > fragment.rfind(">", None, start):', "None and 0 start the search at the same place"),
    ("Annotator", 'if lt > fragment.rfind(">", 1, start):', "a '>' at 0 can never follow a '<'"),
    ("Annotator", 'if lt >= fragment.rfind(">", 0, start):',
     "equal only when neither occurs; then no tag precedes the match and the tag check finds none"),
    ("Annotator", 'if lt > fragment.find(">", 0, start):',
     "only decides whether to run the exact tag check, which gives the same answer"),
    ("Annotator", 'if lt > fragment.rfind("XX>XX", 0, start):', "as above"),
    ("Annotator", "if tag is not None and tag.end() >= start:",
     "a tag ending at the match would put a '>' after the last '<': this branch is not reached then"),
    ("Annotator", 'i = bisect_right(marks, (position, float("INF"))) - 1', 'float() reads "INF" as infinity too'),
    # site/photos.py: speed and encoder details, never which pixels or metadata are published
    ("x__resize", 'original.draft(None, (max(SIZES) * 2, max(SIZES) * 2))', "a decoding speed hint (JPEG scaling)"),
    ("x__resize", 'original.draft("RGB", None)', "a decoding speed hint"),
    ("x__resize", 'original.draft("XXRGBXX", (max(SIZES) * 2, max(SIZES) * 2))', "a decoding speed hint"),
    ("x__resize", 'original.draft("rgb", (max(SIZES) * 2, max(SIZES) * 2))', "a decoding speed hint"),
    ("x__resize", 'original.draft("RGB", (max(SIZES) / 2, max(SIZES) * 2))', "a decoding speed hint"),
    ("x__resize", 'original.draft("RGB", (max(SIZES) * 3, max(SIZES) * 2))', "a decoding speed hint"),
    ("x__resize", 'original.draft("RGB", (max(SIZES) * 2, max(SIZES) / 2))', "a decoding speed hint"),
    ("x__resize", 'original.draft("RGB", (max(SIZES) * 2, max(SIZES) * 3))', "a decoding speed hint"),
    ("x__resize", "left = (img.width - side) / 2", "Pillow rounds a crop box: at most one pixel"),
    ("x__resize", "top = max(0, (img.height - side) / 4)", "Pillow rounds a crop box: at most one pixel"),
    ("x__resize", "scaled[width] = img.resize((size, size), None, reducing_gap=2.0)", "resampling detail"),
    ("x__resize", "scaled[width] = img.resize((size, size), Image.LANCZOS, reducing_gap=None)", "resampling speed"),
    ("x__resize", "scaled[width] = img.resize((size, size), reducing_gap=2.0)", "resampling detail"),
    ("x__resize", "scaled[width] = img.resize((size, size), Image.LANCZOS, )", "resampling speed"),
    ("x__resize", "scaled[width] = img.resize((size, size), Image.LANCZOS, reducing_gap=3.0)", "resampling speed"),
    ("x__resize", 'scaled[width].save(buf, "WEBP", )', "encoder defaults: a few % size, measured by benchmarks"),
    ("x__resize", 'scaled[width].save(buf, "webp", **WEBP_OPTIONS)', "Pillow upper-cases format names"),
    ("x__resize", 'scaled[width].save(buf, "jpeg", **JPEG_OPTIONS)', "Pillow upper-cases format names"),
    ("x_resize_all", "if len(jobs) <= 4:", "threads or not: the same photos"),
    ("x_resize_all", "if len(jobs) < 5:", "threads or not: the same photos"),
    ("x_resize_all", "with ThreadPoolExecutor(max_workers=None) as pool:", "the number of threads"),
    ("x_resize_all", "with ThreadPoolExecutor(max_workers=workers or os.cpu_count() and 2) as pool:",
     "the number of threads"),
    ("x_resize_all", "with ThreadPoolExecutor(max_workers=workers and os.cpu_count() or 2) as pool:",
     "the number of threads"),
    ("x_resize_all", "with ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 3) as pool:",
     "the number of threads"),
    # site/swap.py (the atomic swap)
    ("x__exchange", "libc = ctypes.CDLL(None, use_errno=None)", "errno is never read"),
    ("x__exchange", "libc = ctypes.CDLL(None, )", "errno is never read"),
    ("x__exchange", "libc = ctypes.CDLL(None, use_errno=False)", "errno is never read"),
    ("x__exchange", "renameat2.argtypes = None",
     "ctypes' default conversion of int and bytes makes the same call on Linux"),
    # site/safe_markdown.py and safeurl.py
    ("x_web_address_problem",
     r'''if as_browser_reads(value) != value or re.search(r"[\x00-\x20\x7F<>\"'`\\]", value):''',
     "\\x7F and \\x7f are the same character"),
    ("x_web_address_problem", 'host = ""', "falsy like None: the same message"),
    ("x_is_safe_href", 'return safeurl.is_allowed_link(href or "", )', "allow_relative=True is the default"),
    ("x_is_safe_href", 'return safeurl.is_allowed_link(href or "XXXX", allow_relative=True)',
     "an empty address and 'XXXX' are both addresses on the site itself"),
    ("_ImagesAsText", 'self._replace_with_text(parent, child, child.get("alt", None))',
     "Python-Markdown always sets alt"),
    ("_ImagesAsText", 'self._replace_with_text(parent, child, child.get("alt", ))', "Python-Markdown always sets alt"),
    ("_ImagesAsText", 'self._replace_with_text(parent, child, child.get("alt", "XXXX"))',
     "Python-Markdown always sets alt"),
    ("SafeExtension", 'md.treeprocessors.register(_ImagesAsText(md), None, 0)', "the name only serves deregistering"),
    ("SafeExtension", 'md.treeprocessors.register(_ImagesAsText(None), "wegwijzer_images", 0)',
     "the processor does not use md"),
    ("SafeExtension", 'md.treeprocessors.register(_ImagesAsText(md), "XXwegwijzer_imagesXX", 0)',
     "the name only serves deregistering"),
    ("SafeExtension", 'md.treeprocessors.register(_ImagesAsText(md), "WEGWIJZER_IMAGES", 0)',
     "the name only serves deregistering"),
    ("SafeExtension", 'md.treeprocessors.register(_ImagesAsText(md), "wegwijzer_images", 1)',
     "runs next to 'unescape' either way (escaped alt text is tested)"),
    ("x_make_markdown", 'return markdown.Markdown(extensions=[SafeExtension(), "sane_lists"], )',
     "nh3 writes the output again: <br /> and <br> come out the same"),
    ("x_make_markdown", 'return markdown.Markdown(extensions=[SafeExtension(), "sane_lists"], output_format="HTML")',
     "nh3 writes the output again"),
    ("x_render", "plain = None",
     "the plain-prose shortcut is a speed path; a test proves both paths give the same HTML"),
    ("x_render", r'return "\n".join(f"<p>{html_escape(p, quote=None)}</p>" for p in plain)',
     "None is falsy, like False"),
    ("x_render", 'html = _md.convert(text or "XXXX")', "empty text returns on the plain path before this line"),
    # site/pages.py
    ("x__by_name", 'return sorted(records, key=lambda v: (v.status == "gestopt", v.naam.upper()))',
     "the same order unless a name holds one of [ \\ ] ^ _ `"),
    ("x_build_pages", "[v for v in records if v.route == route], None,", "_listing does not use its ctx"),
    ("x_build_pages", '[v for v in records if slug in v.themas], None,', "_listing does not use its ctx"),
    ("x_build_pages", "[v for v in records if not v.doelgroepen or slug in v.doelgroepen], None)",
     "_listing does not use its ctx"),
    ("x_build_pages", "[v for v in records if not v.kernen or kern in v.kernen], None)",
     "_listing does not use its ctx"),
    ("x_build_pages", "))", "hide=('toc',) is the default"),
    ("x_build_pages", 'lambda: render.search_page(ctx, "XXzoeken/XX", ctx.search_config), in_nav=True,',
     "only the depth of the address is used (relative links): the same"),
    ("x_build_pages", 'lambda: render.search_page(ctx, "ZOEKEN/", ctx.search_config), in_nav=True,', "as above"),
    ("x_build_pages", 'lambda: render.articles_page(ctx, "XXartikelen/XX"), in_nav=True))', "as above"),
    ("x_build_pages", 'lambda: render.articles_page(ctx, "ARTIKELEN/"), in_nav=True))', "as above"),
    ("x_build_pages", 'lambda: render.glossary_page(ctx.terms, None), in_nav=True))', "glossary_page ignores its url"),
    ("x_build_pages", 'lambda: render.glossary_page(ctx.terms, "XXbegrippen/XX"), in_nav=True))',
     "glossary_page ignores its url"),
    ("x_build_pages", 'lambda: render.glossary_page(ctx.terms, "BEGRIPPEN/"), in_nav=True))',
     "glossary_page ignores its url"),
    # safeurl.py: _host_problem
    ("x__host_problem", 'readable = host.encode("ASCII").decode("idna") if "xn--" in host else host',
     "codec names are case-insensitive"),
    ("x__host_problem", 'readable = host.encode("ascii").decode("IDNA") if "xn--" in host else host',
     "codec names are case-insensitive"),
    ("x__host_problem", _LATIN_TEST.format("and", "LATIN", '""'),
     "decides only for a name whose letters are all confusable with Latin ones, and a Latin letter never is"),
    ("x__host_problem", _LATIN_TEST.format("or", "XXLATINXX", '""'),
     "as above: counting no letter as Latin changes nothing, a Latin letter is never confusable with Latin"),
    ("x__host_problem", _LATIN_TEST.format("or", "latin", '""'), "as above"),
    ("x__host_problem", _LATIN_TEST.format("or", "LATIN", "None"),
     "the default is read only for a character without a name, and every letter (isalpha) has one"),
    ("x__host_problem", _LATIN_TEST.format("or", "LATIN", ""), "as above"),
    ("x__host_problem", _LATIN_TEST.format("or", "LATIN", '"XXXX"'), "as above"),
    ("x__host_problem", 'and all(confusables.is_confusable(c, preferred_aliases=["LATIN"]) for c in letters):',
     "confusable_homoglyphs compares the aliases case-insensitively"),
    # site/photos.py
    ("x_reencode_image", 'if kind == "JPEG" and img.mode != "XXRGBXX":',
     "converting an RGB image to RGB changes nothing"),
    ("x_reencode_image", 'if kind == "JPEG" and img.mode != "rgb":', "as above"),
    ("x_reencode_image", 'elif img.mode not in ("RGB", "XXRGBAXX", "L", "LA", "P"):',
     "converting an RGBA image to RGBA changes nothing"),
    ("x_reencode_image", 'elif img.mode not in ("RGB", "rgba", "L", "LA", "P"):', "as above"),
    ("x_reencode_image", 'kind = original.format or "XXXX"  # one of IMAGE_FORMATS: open_image refuses the others',
     "open_image returns only images whose format it knows, so the default is never used"),
    # The resampling filter and Pillow's reducing gap: the same picture a few pixel values apart, chosen
    # for sharpness and speed; nothing a resident or a test can tell apart (not a guard behaviour).
    ("x_reencode_image", "img.thumbnail((CONTENT_IMAGE_MAX_SIDE, CONTENT_IMAGE_MAX_SIDE), None)",
     "resampling filter: the same picture, a few pixel values apart"),
    ("x_reencode_image", "img.thumbnail((CONTENT_IMAGE_MAX_SIDE, CONTENT_IMAGE_MAX_SIDE), )", "as above"),
    ("x__resize", "scaled[width] = img.resize((size, size), Image.Resampling.LANCZOS, reducing_gap=None)",
     "reducing gap: a speed setting, the same picture a few pixel values apart"),
    ("x__resize", "scaled[width] = img.resize((size, size), Image.Resampling.LANCZOS, )", "as above"),
    ("x__resize", "scaled[width] = img.resize((size, size), Image.Resampling.LANCZOS, reducing_gap=3.0)",
     "as above"),
]


# Schema factories: they run only while records/schema/tables.py is imported, to build the
# converters of every field. mutmut turns a mutant on in calls made during a test, after
# that import, so the converters the tests use are always built by the original factory:
# no test can kill these mutants, whatever it checks. They are counted apart ("unreached")
# and left out of both scores. Applied by hand, such a mutant is caught: `if
# isinstance(node, Mapping)` for `if not ...` in record()'s converter fails
# tests/test_check_rules.py at once.
IMPORT_TIME = {"records.schema.framework": ("scalar", "text", "choice", "list_of", "record"),
               "records.schema.types": ("coordinate", "whole_number")}


def import_time(name: str) -> bool:
    return any(f"{module}.x_{function}__mutmut_" in name
               for module, functions in IMPORT_TIME.items() for function in functions)


def equivalent_reason(name: str, changed: str):
    """Why the mutant ``name`` with the changed line ``changed`` is equivalent, or None."""
    for function, line, why in EQUIVALENT:
        if (f".{function}__mutmut_" in name or f"ǁ{function}ǁ" in name) and changed.strip() == line.strip():
            return why
    return None


EXIT_STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests", 36: "timeout", -24: "timeout",
               24: "timeout", 152: "timeout", 255: "timeout", 34: "skipped", None: "not checked"}


# --- Python modules with mutmut ---------------------------------------------------------


def mutmut_project(group: Group, fresh: bool) -> Path:
    """.mutation/<group>/: the repository linked in, pyproject.toml with this group's [tool.mutmut]."""
    folder = SCRATCH / group.name
    if fresh and folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name in LINKED:
        link = folder / name
        if not link.exists():
            link.symlink_to(REPO / name)
    tests = [t for t in group.tests if t.startswith("-") or (REPO / t.split("::")[0]).exists()]
    settings = {
        "source_paths": ["src"],
        "only_mutate": group.files,
        "pytest_add_cli_args_test_selection": tests,
        "pytest_add_cli_args": ["-p", "no:cacheprovider", "-x", "-q"],
        "also_copy": ALSO_COPY,
        "use_git_change_detection": False,
    }
    # The web editor's bundle (admin/node_modules, hundreds of MB) is linked, not copied: builds need it.
    (folder / "mutants").mkdir(exist_ok=True)
    if not (folder / "mutants" / "admin").exists():
        (folder / "mutants" / "admin").symlink_to(REPO / "admin")
    section = "\n[tool.mutmut]\n" + "".join(f"{key} = {json.dumps(value)}\n" for key, value in settings.items())
    (folder / "pyproject.toml").write_text((REPO / "pyproject.toml").read_text(encoding="utf-8") + section,
                                           encoding="utf-8")
    return folder


def run_mutmut(group: Group, max_children: int, fresh: bool) -> dict:
    """{module: {mutant name: status}} for the group's files."""
    folder = mutmut_project(group, fresh)
    log = folder / "mutmut.log"
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    env.pop("PYTHONPATH", None)
    with open(log, "w") as out:
        done = subprocess.run([sys.executable, "-m", "mutmut", "run", "--max-children", str(max_children),
                               *group.functions], cwd=folder, stdout=out, stderr=subprocess.STDOUT, env=env)
    if done.returncode != 0:
        raise SystemExit(f"mutmut failed for {group.name} (exit {done.returncode}); see {log}")
    results = {}
    for path in group.files:
        meta = folder / "mutants" / (path + ".meta")
        codes = json.loads(meta.read_text())["exit_code_by_key"] if meta.exists() else {}
        wanted = {name: code for name, code in codes.items()
                  if not group.functions or any(_matches(name, pattern) for pattern in group.functions)}
        statuses = {name: EXIT_STATUS.get(code, "suspicious") for name, code in wanted.items()}
        for name, status in statuses.items():
            if status in ("survived", "no tests") and import_time(name):
                statuses[name] = "unreached"
            elif status in ("survived", "no tests"):
                changed = [line[1:] for line in mutmut_diff(group, name).splitlines() if line.startswith("+")]
                if changed and equivalent_reason(name, changed[0]):
                    statuses[name] = "equivalent"
        results[path] = statuses
    return results


def _matches(name: str, pattern: str) -> bool:
    import fnmatch
    return fnmatch.fnmatch(name, pattern)


def mutmut_diff(group: Group, name: str) -> str:
    done = subprocess.run([sys.executable, "-m", "mutmut", "show", name], cwd=SCRATCH / group.name,
                          capture_output=True, text=True)
    return "\n".join(line for line in done.stdout.splitlines() if line.startswith(("-", "+"))
                     and not line.startswith(("---", "+++")))


# --- the search page's fallback (JavaScript) ------------------------------------------------
#
# (what to change, the text it replaces, the replacement). Each one is a regression a
# resident would feel: a slower fallback, no fallback, a fallback that forgets the note,
# a fallback that keeps asking the server that is down.

JS_MUTANTS = [
    ("timeout 4 s", "var MEILI_TIMEOUT_MS = 1500;", "var MEILI_TIMEOUT_MS = 4000;"),
    ("timeout 1.6 s", "var MEILI_TIMEOUT_MS = 1500;", "var MEILI_TIMEOUT_MS = 1600;"),
    ("timeout 1 s", "var MEILI_TIMEOUT_MS = 1500;", "var MEILI_TIMEOUT_MS = 1000;"),
    ("timer never aborts", "var timer = setTimeout(function () { ctrl.abort(); }, MEILI_TIMEOUT_MS);",
     "var timer = setTimeout(function () {}, MEILI_TIMEOUT_MS);"),
    ("no abort signal", "signal: ctrl.signal, ", ""),
    ("HTTP errors accepted", 'if (!r.ok) throw new Error("Meilisearch HTTP " + r.status);', ""),
    ("timer cleared before the body", "return r.json();  // still under the timer",
     "clearTimeout(timer); return r.json();  // still under the timer"),
    # No mutant "timer left running after an answer": every request now goes through one post(), and
    # its timer aborting a request that has already answered changes nothing a resident could notice.
    ("no fallback", "if (used === backends.pagefind) throw err;", "throw err;"),
    ("fallback forgotten for the next search", "if (backend === used) {", "if (false) {"),
    ("fallback not kept", "backend = backends.pagefind; ready = null; near = null;", "ready = null; near = null;"),
    ("near-me kept after fallback", "if (nearButton) nearButton.hidden = true;", ""),
    ("note missing", "res.fellBack = true; return res;", "return res;"),
    ("note always", '+ (res.fellBack ? ". " + FALLBACK_NOTE : "");', '+ (". " + FALLBACK_NOTE);'),
]

JS_TESTS = ["tests/test_browser_meili_fallback.py"]


def run_js(group: Group, fresh: bool) -> dict:
    """{zoeken.js: {mutant: status}}: each mutant in a copy of src/, the browser tests against it."""
    path = group.files[0]
    original = (REPO / path).read_text(encoding="utf-8")
    folder = SCRATCH / group.name
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    results = {}
    for label, old, new in JS_MUTANTS:
        if original.count(old) != 1:
            raise SystemExit(f"zoeken.js mutant {label!r}: the text to change is not there exactly once: {old!r}")
        copy = folder / "src"
        if copy.exists():
            shutil.rmtree(copy)
        shutil.copytree(REPO / "src", copy, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        (folder / path).write_text(original.replace(old, new), encoding="utf-8")
        env = dict(os.environ, PYTHONPATH=str(copy), PYTHONDONTWRITEBYTECODE="1")
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *JS_TESTS],
                              cwd=REPO, env=env, capture_output=True, text=True, timeout=900)
        (folder / f"{len(results) + 1:02d}.log").write_text(done.stdout + done.stderr, encoding="utf-8")
        status = "killed" if done.returncode == 1 else "survived" if done.returncode == 0 else "suspicious"
        results[label] = status
        print(f"  zoeken.js {label}: {status} ({time.monotonic() - started:.0f} s)", flush=True)
    shutil.rmtree(folder / "src", ignore_errors=True)
    return {path: results}


# --- report ----------------------------------------------------------------------------------


def score_line(group: str, module: str, statuses: dict) -> tuple:
    """(group, module, mutants, unreached, killed, equivalent, survived, raw score, adjusted score);
    the scores leave out the unreached ones (IMPORT_TIME)."""
    killed = sum(1 for s in statuses.values() if s in ("killed", "timeout"))
    equivalent = sum(1 for s in statuses.values() if s == "equivalent")
    survived = sum(1 for s in statuses.values() if s in ("survived", "no tests", "suspicious"))
    unreached = sum(1 for s in statuses.values() if s == "unreached")
    checked = killed + equivalent + survived
    raw = 100.0 * killed / checked if checked else 0.0
    adjusted = 100.0 * killed / (killed + survived) if killed + survived else 0.0
    return group, module, checked + unreached, unreached, killed, equivalent, survived, raw, adjusted


def changed_groups(since: str) -> list:
    done = subprocess.run(["git", "diff", "--name-only", since, "--"], cwd=REPO, capture_output=True, text=True,
                          check=True)
    changed = set(done.stdout.split())
    return [g for g in GROUPS if changed & set(g.files) or any(t.split("::")[0] in changed for t in g.tests)]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("groups", nargs="*", help="groups to run (default: all); see --list")
    parser.add_argument("--list", action="store_true", help="show the groups, their files and tests")
    parser.add_argument("--changed", metavar="REF", help="only the groups whose files or tests changed since REF")
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 2, help="mutants run side by side")
    parser.add_argument("--show", action="store_true", help="print every surviving mutant with its diff")
    parser.add_argument("--keep", action="store_true", help="reuse the scratch projects' earlier results")
    parser.add_argument("--json", metavar="FILE", help="also write every mutant's status to FILE")
    args = parser.parse_args(argv)

    by_name = {g.name: g for g in GROUPS}
    if args.list:
        for g in GROUPS:
            print(f"{g.name}{' (guard)' if g.guard else ''}: {', '.join(g.files)}\n    tests: {' '.join(g.tests)}")
        return 0
    unknown = [name for name in args.groups if name not in by_name]
    if unknown:
        parser.error(f"unknown group(s): {', '.join(unknown)}; choose from {', '.join(by_name)}")
    groups = [by_name[n] for n in args.groups] if args.groups else list(GROUPS)
    if args.changed:
        wanted = {g.name for g in changed_groups(args.changed)}
        groups = [g for g in groups if g.name in wanted]

    rows, everything = [], {}
    for group in groups:
        started = time.monotonic()
        print(f"{group.name}: running ...", flush=True)
        if group.kind == "js":
            results = run_js(group, fresh=not args.keep)
        else:
            results = run_mutmut(group, args.max_children, fresh=not args.keep)
        print(f"{group.name}: done in {time.monotonic() - started:.0f} s", flush=True)
        for module, statuses in results.items():
            rows.append((score_line(group.name, module, statuses), group.guard))
            everything.setdefault(group.name, {})[module] = statuses
            if args.show:
                for name, status in sorted(statuses.items()):
                    if status not in ("killed", "timeout", "equivalent", "unreached"):
                        diff = "" if group.kind == "js" else mutmut_diff(group, name)
                        print(f"  {status}: {name}\n" + "\n".join("      " + line for line in diff.splitlines()))

    print()
    print(f"{'group':18} {'module':34} {'mutants':>7} {'unreached':>9} {'killed':>7} {'equiv.':>6} {'survived':>8} "
          f"{'score':>7} {'w/o equiv.':>10}")
    totals = [0, 0, 0, 0]
    for (group, module, count, unreached, killed, equivalent, survived, raw, adjusted), guard in rows:
        print(f"{group + (' *' if guard else ''):18} {module.replace('src/wegwijzer/', ''):34} {count:7d} "
              f"{unreached:9d} {killed:7d} {equivalent:6d} {survived:8d} {raw:6.1f}% {adjusted:9.1f}%")
        for i, n in enumerate((unreached, killed, equivalent, survived)):
            totals[i] += n
    unreached, killed, equivalent, survived = totals
    if killed + survived:
        print(f"{'all':18} {'':34} {sum(totals):7d} {unreached:9d} {killed:7d} {equivalent:6d} {survived:8d} "
              f"{100.0 * killed / (killed + equivalent + survived):6.1f}% {100.0 * killed / (killed + survived):9.1f}%")
    print("score: killed / (killed + equivalent + survived); w/o equiv.: killed / (killed + survived), the equivalent")
    print("ones (EQUIVALENT in this file, each with its reason) left out. unreached: mutants of the schema's")
    print("factories, which run at import, before mutmut turns a mutant on (IMPORT_TIME); in neither score.")
    print("* guard modules: target at least 90 % killed; all: at least 80 %.")
    if args.json:
        Path(args.json).write_text(json.dumps(everything, indent=1, sort_keys=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
