"""Every command, option and setting a user can reach is documented in the README.

These tests fail when someone adds a subcommand, a flag or a plugin setting without
telling users about it, and when the README's two newcomer commands drift from the
scripts CI runs.
"""

from __future__ import annotations

import argparse
import re

import pytest

from helpers import REPO
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
