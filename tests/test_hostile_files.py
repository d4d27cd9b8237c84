"""Files the check meets that are not what they seem: links out of the project, loops,
folders, devices and oversized files. Each is a Dutch message with the file's name, never a
traceback or a published file from elsewhere. (Pipes, and the same attacks through the
`wegwijzer` command with a timeout, are in test_hostile_files_command.py.)"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from builders import SECRET, write


def check_project(project: Path):
    """check_all on ``project``'s voorzieningen/ and content/, as `wegwijzer check voorzieningen --content
    content` run there does, in this process (where benchmarks/mutation.py can change the code):
    (exit code, report). tests/test_hostile_files_command.py runs the command itself."""
    from wegwijzer.records.checker import check_all
    from wegwijzer.records.synonyms import find_synonyms_file

    cwd = os.getcwd()
    os.chdir(project)
    try:
        result = check_all(Path("voorzieningen"), Path("content"), find_synonyms_file(Path(".")))
    finally:
        os.chdir(cwd)
    return (0 if result.ok else 1), result.as_text()




def _line(out: str, path: str) -> str:
    found = [line for line in out.splitlines() if line.startswith(path + ":")]
    assert found, f"no message for {path}:\n{out}"
    return found[0]


# --- links that lead out of the project ----------------------------------------------------

OUTSIDE_LINKS = [
    ("voorzieningen/geheim.yaml", "geheim.yaml"),  # a record
    ("voorzieningen/gezichten/bert.yaml", "geheim.yaml"),  # a face card
    ("voorzieningen/gezichten/anne.jpg", "geheim.jpg"),  # a photo (replaces the real one)
    ("content/artikelen/geheim.md", "geheim.md"),  # an article
    ("content/geheim.md", "geheim.md"),  # a plain page
    ("content/passwd.md", "/etc/passwd"),  # the system's password file
    ("content/levensloop/geheim.yaml", "geheim.yaml"),  # a life event
    ("content/begrippen.yaml", "geheim.yaml"),  # the glossary
    ("content/elders", "."),  # a whole folder
    ("content/zero.md", "/dev/zero"),  # a device: was read without limit (3.8 GB in 30 s)
]


@pytest.mark.parametrize("link, target", OUTSIDE_LINKS, ids=[link for link, _ in OUTSIDE_LINKS])
def test_a_link_out_of_the_project_is_refused(project, link, target):
    path = project / link
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    path.symlink_to(target if target.startswith("/") else project.parent / "elders" / target)
    code, out = check_project(project)
    assert code == 1
    reported = "voorzieningen/gezichten/anne.yaml" if link.endswith(".jpg") else link  # a photo: on its card
    assert "snelkoppeling naar een bestand buiten de map" in _line(out, reported)
    assert SECRET not in out


def test_the_synonyms_file_may_not_lead_out_of_its_folder(project):
    write(project, "search/echt.yaml", "groepen:\n  - [schulden, geldzorgen]\n")
    (project / "search" / "synoniemen.yaml").symlink_to(project.parent / "elders" / "geheim.yaml")
    code, out = check_project(project)
    assert code == 1 and "snelkoppeling naar een bestand buiten de map" in _line(out, "search/synoniemen.yaml")
    (project / "search" / "synoniemen.yaml").unlink()
    (project / "search" / "synoniemen.yaml").symlink_to("echt.yaml")  # inside its folder: fine
    assert check_project(project)[0] == 0


def test_links_inside_the_project_are_fine(project):
    (project / "voorzieningen" / "buurtkamer.yaml").symlink_to("hoeskamer.yaml")
    (project / "content" / "artikelen" / "geld-kort.md").symlink_to("geld.md")
    (project / "content" / "meer").symlink_to("artikelen")
    code, out = check_project(project)
    assert code == 0, out


def test_a_data_folder_that_is_itself_a_link_is_fine(project, tmp_path):
    real = tmp_path / "echte-gegevens"
    (project / "voorzieningen").rename(real)
    (project / "voorzieningen").symlink_to(real)
    assert check_project(project)[0] == 0


# --- loops, dangling links, folders and pipes -----------------------------------------------

def test_a_loop_of_links_among_records(project):
    (project / "voorzieningen" / "a.yaml").symlink_to("b.yaml")
    (project / "voorzieningen" / "b.yaml").symlink_to("a.yaml")
    code, out = check_project(project)
    assert code == 1
    for name in ("a", "b"):
        assert "in een kring naar zichzelf verwijst" in _line(out, f"voorzieningen/{name}.yaml")


def test_a_loop_of_links_among_articles(project):
    (project / "content" / "artikelen" / "a.md").symlink_to("b.md")
    (project / "content" / "artikelen" / "b.md").symlink_to("a.md")
    code, out = check_project(project)
    assert code == 1 and "in een kring" in _line(out, "content/artikelen/a.md")


def test_a_folder_link_that_leads_back_up(project):
    (project / "content" / "artikelen" / "terug").symlink_to("..")
    code, out = check_project(project)
    assert code == 1 and "een kring zonder einde" in _line(out, "content/artikelen/terug")


@pytest.mark.parametrize("where", ["content/artikelen/weg.md", "content/levensloop/weg.yaml",
                                   "content/begrippen.yaml", "voorzieningen/weg.yaml"])
def test_a_dangling_link(project, where):
    path = project / where
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(path.with_name("bestaat-niet" + path.suffix))
    code, out = check_project(project)
    assert code == 1 and "naar een bestand dat niet bestaat" in _line(out, where)


@pytest.mark.parametrize("where", ["content/artikelen/map.md", "content/begrippen.yaml",
                                   "content/zorgen-om-een-ander.yaml", "content/levensloop/map.yaml"])
def test_a_folder_where_a_file_belongs(project, where):
    (project / where).mkdir(parents=True)
    code, out = check_project(project)
    assert code == 1 and "is een map" in _line(out, where)


def test_gezichten_as_a_file_is_an_error(project):
    import shutil

    shutil.rmtree(project / "voorzieningen" / "gezichten")
    write(project / "voorzieningen", "gezichten", "naam: x\n")
    code, out = check_project(project)
    assert code == 1 and "is geen map" in _line(out, "voorzieningen/gezichten")


def test_a_synonyms_path_that_is_a_folder(project):
    (project / "search" / "synoniemen.yaml").mkdir(parents=True)
    code, out = check_project(project)
    assert code == 1 and "is een map" in _line(out, "search/synoniemen.yaml")


# --- sizes -------------------------------------------------------------------------------------

def test_a_content_page_over_the_cap_is_refused_without_reading_it_all(project):
    big = project / "content" / "groot.md"
    with open(big, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # 50 MB (a sparse file): was built in 70 s and 706 MB
    code, out = check_project(project)
    assert code == 1 and "groter dan 256 KiB" in _line(out, "content/groot.md")


def test_a_photo_over_the_size_cap(project):
    big = project / "voorzieningen" / "gezichten" / "anne.jpg"
    with open(big, "r+b") as handle:
        handle.truncate(21 * 1024 * 1024)
    code, out = check_project(project)
    assert code == 1 and "groter dan 20 MiB" in _line(out, "voorzieningen/gezichten/anne.yaml")
