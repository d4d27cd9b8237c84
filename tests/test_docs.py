"""Every command, option and setting a user can reach is documented in the README.

These tests fail when someone adds a subcommand, a flag or a plugin setting without
telling users about it, and when the README's two newcomer commands drift from the
scripts CI runs.
"""

from __future__ import annotations

import argparse
import re

import pytest

from builders import REPO
from wegwijzer.cli import build_parser

README = (REPO / "README.md").read_text(encoding="utf-8")


def _subcommands():
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return action.choices


@pytest.mark.parametrize("name", sorted(_subcommands()))
def test_every_subcommand_is_documented(name):
    assert f"wegwijzer {name}" in README, f"README does not mention `wegwijzer {name}`"


def _options():
    for name, sub in sorted(_subcommands().items()):
        for action in sub._actions:
            for flag in action.option_strings:
                if flag.startswith("--") and flag != "--help":
                    yield name, flag


@pytest.mark.parametrize("command,flag", list(_options()))
def test_every_option_is_documented(command, flag):
    # On a line of the README about this very command (another command's flag of the
    # same name does not count).
    lines = [line for line in README.splitlines() if f"`wegwijzer {command}" in line]
    assert lines, f"README has no line for `wegwijzer {command}`"
    assert any(flag in line for line in lines), f"README does not document `{flag}` of `wegwijzer {command}`"


def test_every_plugin_setting_is_documented():
    from wegwijzer.site.plugin import WegwijzerConfig

    for name, _ in WegwijzerConfig._schema:
        assert f"`{name}`" in README, f"README does not document the mkdocs.yml setting `{name}`"


def test_readme_commands_are_the_scripts_ci_runs():
    assert "bash scripts/demo.sh" in README
    assert "bash scripts/test.sh" in README
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash scripts/test.sh" in ci, ".ci/run must run the README's test command"


def test_documented_environment_variables_exist_in_code():
    code = "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "src").rglob("*.py"))
    for variable in sorted(set(re.findall(r"`(MEILI_[A-Z_]+)`", README))):
        assert variable in code, f"README documents {variable}, but no code reads it"


# --- the editors' data format (docs/dataformaat.md) ---------------------------------------

DATA_FORMAT = REPO / "docs" / "dataformaat.md"


def test_readme_links_the_data_format_in_the_repository():
    assert DATA_FORMAT.is_file()
    assert "(docs/dataformaat.md)" in README
    assert "../shared" not in README and "shared/spec" not in README


def _schema_fields():
    from wegwijzer.records import articles, glossary
    from wegwijzer.records.schema import tables

    def walk(fields, prefix=""):
        for name, spec in fields.items():
            yield prefix + name
            yield from walk(getattr(spec.convert, "fields", {}), prefix + name + ".")

    for table in (tables.GEMEENTE_FIELDS, tables.VOORZIENING_FIELDS, tables.FACE_FIELDS, articles.FIELDS,
                  glossary.FIELDS, tables.LIFE_EVENT_FIELDS):
        yield from walk(table)


@pytest.mark.parametrize("field", sorted(set(_schema_fields())))
def test_every_field_the_schema_accepts_is_in_the_data_format(field):
    text = DATA_FORMAT.read_text(encoding="utf-8")
    assert re.search(rf"(^|\s|- ){re.escape(field.rsplit('.', 1)[-1])}:", text, re.M), \
        f"docs/dataformaat.md does not show the field {field}"


def _checker_messages():
    """The literal text of every message the checker and the YAML reader give (records/)."""
    import ast

    found = set()
    for path in sorted((REPO / "src" / "wegwijzer" / "records").rglob("*.py")):
        if path.name == "vocab.py":  # labels on the site, not messages
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # A field's label and help are shown with the field in the web editor, not reported.
        for_editors = {id(sub) for node in ast.walk(tree) if isinstance(node, ast.keyword)
                       and node.arg in ("label", "help", "example") for sub in ast.walk(node.value)}
        for node in ast.walk(tree):
            parts = []
            if isinstance(node, ast.Call):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                if name in _MESSAGE_CALLS:
                    parts = node.args
            elif isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name) \
                    and node.targets[0].id.strip("_").isupper():
                parts = [node.value]
            elif isinstance(node, ast.FunctionDef) and node.name.startswith(_MESSAGE_FUNCTIONS):
                parts = [sub.value for sub in ast.walk(node) if isinstance(sub, ast.Return) and sub.value]
            for part in parts:
                for sub in ast.walk(part):
                    if id(sub) in for_editors or not (isinstance(sub, ast.Constant) and isinstance(sub.value, str)):
                        continue
                    text = sub.value.strip()
                    # "'{name}' is een map": the words after the editor's value count as well
                    after_value = text.startswith("'") and not text.startswith("''")
                    text = text.lstrip("' ") if after_value else text
                    if len(text) >= 25 and " " in text and (after_value or text[:1].isupper()):
                        found.add(text.split("{")[0].strip())
    return sorted(found)


# Calls whose text arguments are messages for editors; functions that return one.
_MESSAGE_CALLS = ("error", "warning", "Invalid", "YamlProblem", "FileRefused", "ImageRefused")
_MESSAGE_FUNCTIONS = ("too_", "not_an", "refused_", "invalid_message", "_not_allowed", "_duplicate_field",
                      "_not_a_field_name", "_field_hint")


@pytest.mark.parametrize("message", _checker_messages())
def test_every_checker_message_is_in_the_data_format(message):
    assert message in DATA_FORMAT.read_text(encoding="utf-8"), f"docs/dataformaat.md lacks: {message}"


def test_no_path_of_a_machine_in_the_repository():
    import subprocess

    files = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True).stdout.split()
    offenders = []
    for name in files:
        try:
            text = (REPO / name).read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError):
            continue  # photos and other binary files
        for machine_path in ("/work/", "/root/", "/tmp/", "/home/"):
            # tests/attacks/ holds published attack strings ("../../tmp/..."), not our paths
            if machine_path in text and name != "tests/test_docs.py" and not name.startswith("tests/attacks/"):
                offenders.append(f"{name}: {machine_path}")
    assert offenders == []
