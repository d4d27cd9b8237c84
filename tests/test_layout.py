"""The house: every Python tool and every newcomer reads the layout right.

- `python -m build` from the repository root makes an sdist and a wheel;
- the installed wheel (not editable) checks and builds a data folder outside the repo;
- checking data imports no MkDocs, Jinja or Markdown;
- ruff sees every Python file of the repository, and mypy checks the package (records/ and
  search/ strictly);
- pyproject.toml declares exactly the third-party packages the code imports;
- the architecture page (docs/architecture.md) names the folders that exist.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

import pytest

from builders import REPO, small_dataset, write

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
ARCHITECTURE = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
PACKAGE = REPO / "src" / "wegwijzer"


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, timeout=600, **kwargs)


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    """`python -m build` run from the repository root, as a maintainer makes a release."""
    out = tmp_path_factory.mktemp("dist")
    done = run([sys.executable, "-m", "build", "--outdir", str(out), "."], cwd=REPO)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return out


def test_python_m_build_makes_an_sdist_and_a_wheel(dist):
    names = sorted(p.name for p in dist.iterdir())
    assert [n for n in names if n.endswith(".tar.gz")] == ["wegwijzer-0.1.0.tar.gz"]
    assert [n for n in names if n.endswith(".whl")] == ["wegwijzer-0.1.0-py3-none-any.whl"]


def test_the_wheel_carries_the_theme_scripts_and_settings(dist):
    import zipfile

    wheel = next(dist.glob("*.whl"))
    files = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("wegwijzer/site/theme/main.html", "wegwijzer/site/assets/zoeken.js",
                   "wegwijzer/search/settings.yaml", "wegwijzer/cli.py"):
        assert needed in files
    assert not [f for f in files if f.startswith(("build/", "search/", "tests/"))]  # nothing at the top


@pytest.fixture(scope="module")
def installed(dist, tmp_path_factory):
    """A fresh virtual environment with the wheel installed from the file, not editable."""
    env = tmp_path_factory.mktemp("venv") / "env"
    venv.create(env, with_pip=True)
    python = env / "bin" / "python"
    wheel = next(dist.glob("*.whl"))
    done = run([str(python), "-m", "pip", "install", "--quiet", str(wheel), "-c", str(REPO / "constraints.txt")])
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return env / "bin"


def test_the_installed_wheel_checks_and_builds_data_outside_the_repo(installed, tmp_path):
    project = tmp_path / "gemeente-elders"
    small_dataset(project / "gegevens")
    write(project, "mkdocs.yml", "site_name: Wegwijzer\ndocs_dir: inhoud\nplugins:\n  - wegwijzer:\n"
                                 "      data_dir: gegevens\n")
    write(project, "inhoud/begrippen.yaml", "- term: Wmo\n  uitleg: Een wet over hulp van de gemeente.\n")
    code = run([str(installed / "wegwijzer"), "check", "gegevens", "--content", "inhoud"], cwd=project)
    assert code.returncode == 0, code.stdout + code.stderr
    assert "0 fouten" in code.stdout
    site = run([str(installed / "wegwijzer"), "build"], cwd=project)
    assert site.returncode == 0, site.stdout[-3000:] + site.stderr[-3000:]
    record = (project / "site" / "samen-doen" / "hoeskamer" / "index.html").read_text(encoding="utf-8")
    assert "Hoeskamer Amstenrade" in record and re.search(r"assets/wegwijzer/wegwijzer\.[0-9a-f]{10}\.css", record)
    assert (project / "site" / "pagefind" / "pagefind.js").is_file()
    # It ran the installed package, not this checkout.
    where = run([str(installed / "python"), "-c", "import wegwijzer; print(wegwijzer.__file__)"], cwd=project)
    assert str(REPO) not in where.stdout and "site-packages" in where.stdout


def test_checking_data_imports_no_mkdocs_jinja_or_markdown(data_dir):
    small_dataset(data_dir)
    probe = ("import json, sys; from wegwijzer.cli import main; code = main(['check', sys.argv[1]]); "
             "print(json.dumps([code, sorted(m.split('.')[0] for m in sys.modules)]))")
    done = run([sys.executable, "-c", probe, str(data_dir)], cwd=data_dir.parent)
    code, modules = json.loads(done.stdout.splitlines()[-1])
    assert code == 0, done.stdout
    assert not {"mkdocs", "jinja2", "markdown", "material", "meilisearch"} & set(modules)
    assert "wegwijzer" in modules  # the probe did import our package


def _python_files():
    listed = run(["git", "ls-files", "*.py"], cwd=REPO).stdout.split()
    return sorted(listed)


def test_ruff_sees_every_python_file():
    seen = run([sys.executable, "-m", "ruff", "check", "--show-files", "."], cwd=REPO)
    assert seen.returncode == 0, seen.stderr
    files = {str(Path(line).resolve().relative_to(REPO)) for line in seen.stdout.splitlines() if line.endswith(".py")}
    missing = [f for f in _python_files() if f not in files]
    assert not missing, f"ruff does not check: {missing}"


# The flags `mypy --strict` sets that can be set per package (the global ones are in [tool.mypy]).
STRICT_FLAGS = ("disallow_untyped_defs", "disallow_incomplete_defs", "disallow_untyped_calls",
                "disallow_untyped_decorators", "disallow_any_generics", "disallow_subclassing_any",
                "warn_return_any", "no_implicit_reexport")


def test_the_type_check_covers_the_package_and_is_strict_on_records_and_search():
    assert ".venv/bin/python -m mypy" in (REPO / "scripts" / "test.sh").read_text(encoding="utf-8")
    mypy = PYPROJECT["tool"]["mypy"]
    assert mypy["files"] == ["src/wegwijzer"] and mypy["check_untyped_defs"]
    assert all(mypy[flag] for flag in ("warn_unused_ignores", "warn_redundant_casts", "strict_equality",
                                       "extra_checks"))
    strict = [o for o in mypy["overrides"] if all(o.get(flag) for flag in STRICT_FLAGS)]
    assert {m for o in strict for m in o["module"]} == {"wegwijzer.records.*", "wegwijzer.search.*"}


def _imported_top_names(folder: Path) -> set:
    names = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names


def _distribution(requirement: str) -> str:
    return re.split(r"[\[<>=!~ ;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_pyproject_declares_exactly_what_the_code_imports():
    from importlib.metadata import packages_distributions

    owners = packages_distributions()
    third_party = {name for name in _imported_top_names(PACKAGE)
                   if name not in sys.stdlib_module_names and name not in ("wegwijzer", "__future__")}
    imported = {owners[name][0].lower().replace("_", "-") for name in third_party}
    declared = {_distribution(r) for r in PYPROJECT["project"]["dependencies"]}
    loaded_by_name = {"mkdocs-material"}  # the theme: MkDocs loads it by its name in mkdocs.yml
    assert imported | loaded_by_name == declared, f"imported but not declared: {imported - declared}; " \
                                 f"declared but not imported: {declared - imported}"


def test_the_architecture_page_names_the_folders_that_exist():
    block = ARCHITECTURE.split("```", 2)[1]  # its folder tree
    named = {line.split()[0].rstrip("/") for line in block.splitlines() if line.strip() and not line.startswith(" ")}
    nested = {line.split()[0].rstrip("/") for line in block.splitlines() if line.startswith("  ") and line.strip()}
    for path in named:
        assert (REPO / path).exists(), f"docs/architecture.md names {path}, which does not exist"
    subpackages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    for sub in subpackages:
        assert sub in nested, f"docs/architecture.md does not explain src/wegwijzer/{sub}/"
    top = {p.name for p in REPO.iterdir() if p.is_dir() and not p.name.startswith(".") and p.name not in
           ("site", "dist", "node_modules", "__pycache__")}
    for folder in top:
        assert any(path == folder or path.startswith(folder + "/") for path in named), \
            f"docs/architecture.md does not explain {folder}/"


def test_no_module_exits_the_process_below_the_cli():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path.name in ("cli.py", "__main__.py"):
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"\bSystemExit\b|\bsys\.exit\(", text):
            offenders.append(str(path.relative_to(REPO)))
    assert not offenders


@pytest.mark.parametrize("case", ["no server", "on the PATH", "MEILI_URL"])
def test_the_test_script_says_in_one_line_whether_the_live_meilisearch_tests_run(tmp_path, case):
    import os
    import shutil

    assert "bash scripts/meili-line.sh" in (REPO / "scripts" / "test.sh").read_text(encoding="utf-8")
    folder = tmp_path / "bin"
    folder.mkdir()
    for tool in ("head", "bash"):
        os.symlink(shutil.which(tool), folder / tool)
    env = {"PATH": str(folder)}
    if case == "on the PATH":  # a stand-in that only tells its version: the line, not the server, is tested
        write(folder, "meilisearch", "#!/bin/sh\necho 'meilisearch 9.9.9'\n").chmod(0o755)
    if case == "MEILI_URL":
        env["MEILI_URL"] = "http://127.0.0.1:7700"
    done = subprocess.run([shutil.which("bash"), str(REPO / "scripts" / "meili-line.sh")], env=env,
                          capture_output=True, text=True, timeout=20)
    lines = done.stdout.splitlines()
    assert done.returncode == 0 and len(lines) == 1, done.stdout + done.stderr
    expected = {"no server": "Live Meilisearch tests skipped: no 'meilisearch' executable on the PATH",
                "on the PATH": "Live Meilisearch tests: against meilisearch 9.9.9, started by the tests",
                "MEILI_URL": "Live Meilisearch tests: against the server at MEILI_URL"}[case]
    assert lines[0].startswith(expected)
