"""The hostile files of test_hostile_files.py through the `wegwijzer` command itself, as an
editor meets them: each run has a timeout (a hang fails the test) and may print no
traceback and no English error. Pipes are tested only here: opening one for reading would
wait for a writer forever, and in this process that would stop the whole suite."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from builders import CLI_TIMEOUT, SECRET
from test_hostile_files import OUTSIDE_LINKS, _line


def check_project(project: Path):
    """`wegwijzer check voorzieningen --content content` in ``project``: (exit code, output)."""
    proc = subprocess.run([sys.executable, "-m", "wegwijzer", "check", "voorzieningen", "--content", "content"],
                          cwd=project, capture_output=True, text=True, timeout=CLI_TIMEOUT)
    out = proc.stdout + proc.stderr
    assert "Traceback" not in out and "Error" not in out, out
    return proc.returncode, out


@pytest.mark.parametrize("link, target", OUTSIDE_LINKS, ids=[link for link, _ in OUTSIDE_LINKS])
def test_a_link_out_of_the_project_as_a_command(project, link, target):
    path = project / link
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    path.symlink_to(target if target.startswith("/") else project.parent / "elders" / target)
    code, out = check_project(project)
    reported = "voorzieningen/gezichten/anne.yaml" if link.endswith(".jpg") else link  # a photo: on its card
    assert code == 1 and "snelkoppeling naar een bestand buiten de map" in _line(out, reported)
    assert SECRET not in out


def test_loops_and_big_files_as_a_command(project):
    (project / "voorzieningen" / "a.yaml").symlink_to("b.yaml")
    (project / "voorzieningen" / "b.yaml").symlink_to("a.yaml")
    (project / "content" / "artikelen" / "terug").symlink_to("..")
    with open(project / "content" / "groot.md", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    code, out = check_project(project)
    assert code == 1
    assert "in een kring naar zichzelf verwijst" in _line(out, "voorzieningen/a.yaml")
    assert "een kring zonder einde" in _line(out, "content/artikelen/terug")
    assert "groter dan 256 KiB" in _line(out, "content/groot.md")


PIPES = ["voorzieningen/pijp.yaml", "voorzieningen/gezichten/pijp.yaml", "voorzieningen/gemeente.yaml",
         "content/artikelen/pijp.md", "content/pijp.md", "content/begrippen.yaml", "content/levensloop/pijp.yaml",
         "content/zorgen-om-een-ander.yaml", "content/pijp.jpg", "search/synoniemen.yaml"]


@pytest.mark.parametrize("where", PIPES)
def test_a_pipe_never_hangs_the_check(project, where):
    path = project / where
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    os.mkfifo(path)  # opening it for reading would wait for a writer forever
    code, out = check_project(project)
    assert code == 1 and ("geen gewoon bestand" in out or "gemeente.yaml" in out), out
    assert where in out


def test_a_photo_that_is_a_pipe(project):
    path = project / "voorzieningen" / "gezichten" / "anne.jpg"
    path.unlink()
    os.mkfifo(path)
    code, out = check_project(project)
    assert code == 1 and "geen gewoon bestand" in _line(out, "voorzieningen/gezichten/anne.yaml")


def test_a_link_out_of_the_project_is_never_built(project):
    from builders import build, project_config

    (project / "content" / "geheim.md").symlink_to(project.parent / "elders" / "geheim.md")
    config = project_config(project, {"docs_dir: content": f"docs_dir: {project / 'content'}"})
    result = build(project / "voorzieningen", project / "site", config_file=config)
    assert not result.ok and "snelkoppeling naar een bestand buiten de map" in result.output
    assert not (project / "site").exists()
