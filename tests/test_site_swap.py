"""The atomic swap at the end of a build, its rollback, and the build's own locked folder.

A resident must never get half a site or no site: the new site replaces the live one in
one step, and when that step fails the live site is put back before the error is shown.
These tests call site/swap.py's functions directly on real folders (no MkDocs build needed).
"""

from __future__ import annotations

import fcntl
import os
import stat
import sys

import pytest

from wegwijzer.site import swap
from wegwijzer.site.swap import _exchange, _names, build_folder, remove_leftovers, swap_in


def site_folder(path, text):
    path.mkdir()
    (path / "index.html").write_text(text)
    (path / "zoeken").mkdir()
    (path / "zoeken" / "index.html").write_text(text + " zoeken")
    return path


def content(path) -> dict:
    return {str(p.relative_to(path)): p.read_text() for p in sorted(path.rglob("*")) if p.is_file()}


# --- the exchange ---------------------------------------------------------------------------


def test_exchange_swaps_two_folders_in_one_call(tmp_path):
    a, b = site_folder(tmp_path / "a", "A"), site_folder(tmp_path / "b", "B")
    inode_a, inode_b = a.stat().st_ino, b.stat().st_ino
    assert _exchange(a, b) is True
    assert (a.stat().st_ino, b.stat().st_ino) == (inode_b, inode_a)
    assert content(a)["index.html"] == "B" and content(b)["index.html"] == "A"


def test_exchange_reports_failure_instead_of_raising(tmp_path):
    a = site_folder(tmp_path / "a", "A")
    assert _exchange(a, tmp_path / "bestaat-niet") is False
    assert content(a)["index.html"] == "A"


def test_exchange_is_not_tried_off_linux(tmp_path, monkeypatch):
    a, b = site_folder(tmp_path / "a", "A"), site_folder(tmp_path / "b", "B")
    monkeypatch.setattr(sys, "platform", "darwin")
    assert _exchange(a, b) is False
    assert content(a)["index.html"] == "A"


def test_without_renameat2_the_exchange_says_no(tmp_path, monkeypatch):
    import ctypes

    class NoRenameat2:
        def __init__(self, *args, **kwargs):
            pass

        def __getattr__(self, name):
            raise AttributeError(name)

    a, b = site_folder(tmp_path / "a", "A"), site_folder(tmp_path / "b", "B")
    monkeypatch.setattr(ctypes, "CDLL", NoRenameat2)
    assert _exchange(a, b) is False
    assert content(a)["index.html"] == "A"


# --- the swap -------------------------------------------------------------------------------


def test_swap_puts_the_new_site_live_readable_for_the_web_server(tmp_path):
    live = site_folder(tmp_path / "site", "oud")
    new = site_folder(tmp_path / ".site-nieuw-1", "nieuw")
    new.chmod(0o700)  # as the build folder is made
    swap_in(new, live, "1")
    assert content(live) == {"index.html": "nieuw", "zoeken/index.html": "nieuw zoeken"}
    assert stat.S_IMODE(live.stat().st_mode) == 0o755
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


@pytest.mark.parametrize("exchange", [True, False], ids=["exchange", "two-renames"])
def test_the_first_build_has_no_live_site_to_replace(tmp_path, monkeypatch, exchange):
    if not exchange:
        monkeypatch.setattr(swap, "_exchange", lambda a, b: False)
    new = site_folder(tmp_path / ".site-nieuw-1", "nieuw")
    swap_in(new, tmp_path / "site", "1")
    assert content(tmp_path / "site")["index.html"] == "nieuw"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def recorded_renames(monkeypatch) -> list:
    """The (source, target) of every os.rename the swap makes, in order; the renames still happen."""
    moves = []
    real_rename = os.rename
    monkeypatch.setattr(swap.os, "rename", lambda a, b: (moves.append((a, b)), real_rename(a, b))[1])
    return moves


def test_two_renames_move_the_old_site_aside_under_the_builds_key(tmp_path, monkeypatch):
    live = site_folder(tmp_path / "site", "oud")
    new = site_folder(tmp_path / ".site-nieuw-7", "nieuw")
    monkeypatch.setattr(swap, "_exchange", lambda a, b: False)
    moves = recorded_renames(monkeypatch)
    swap_in(new, live, "7")
    old = tmp_path / ".site-oud-7"
    assert moves == [(live, old), (new, live)]
    assert content(live)["index.html"] == "nieuw"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_stale_old_folder_under_the_same_key_is_replaced(tmp_path, monkeypatch):
    live = site_folder(tmp_path / "site", "oud")
    new = site_folder(tmp_path / ".site-nieuw-7", "nieuw")
    site_folder(tmp_path / ".site-oud-7", "nog ouder")
    monkeypatch.setattr(swap, "_exchange", lambda a, b: False)
    swap_in(new, live, "7")
    assert content(live)["index.html"] == "nieuw"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_without_a_key_the_old_folder_is_named_after_the_process(tmp_path, monkeypatch):
    live = site_folder(tmp_path / "site", "oud")
    new = site_folder(tmp_path / ".site-nieuw-x", "nieuw")
    monkeypatch.setattr(swap, "_exchange", lambda a, b: False)
    moves = recorded_renames(monkeypatch)
    swap_in(new, live)
    assert moves[0] == (live, tmp_path / f".site-oud-{os.getpid()}")


def test_a_failed_rename_puts_the_live_site_back_before_the_error(tmp_path, monkeypatch):
    """The rollback: the old site was moved aside, the new one cannot be moved in."""
    live = site_folder(tmp_path / "site", "oud")
    before = content(live)
    new = site_folder(tmp_path / ".site-nieuw-7", "nieuw")
    monkeypatch.setattr(swap, "_exchange", lambda a, b: False)
    real_rename = os.rename

    def rename(a, b):
        if a == new:
            raise OSError(28, "No space left on device")
        return real_rename(a, b)
    monkeypatch.setattr(swap.os, "rename", rename)
    with pytest.raises(OSError, match="No space left"):
        swap_in(new, live, "7")
    assert content(live) == before  # the live site is back, byte for byte
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # and the half-moved new site is gone


def test_a_failed_first_rename_leaves_the_live_site_where_it_is(tmp_path, monkeypatch):
    live = site_folder(tmp_path / "site", "oud")
    before = content(live)
    new = site_folder(tmp_path / ".site-nieuw-7", "nieuw")
    monkeypatch.setattr(swap, "_exchange", lambda a, b: False)

    def rename(a, b):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(swap.os, "rename", rename)
    with pytest.raises(PermissionError):
        swap_in(new, live, "7")
    assert content(live) == before


def test_a_failed_rename_without_a_live_site_cleans_up(tmp_path, monkeypatch):
    new = site_folder(tmp_path / ".site-nieuw-7", "nieuw")
    monkeypatch.setattr(swap, "_exchange", lambda a, b: False)

    def rename(a, b):
        raise OSError(18, "Invalid cross-device link")
    monkeypatch.setattr(swap.os, "rename", rename)
    with pytest.raises(OSError, match="cross-device"):
        swap_in(new, tmp_path / "site", "7")
    assert list(tmp_path.iterdir()) == []


# --- the build's own folder and its lock -------------------------------------------------------


def test_names_of_a_builds_folders():
    from pathlib import Path
    target = Path("/srv/wegwijzer/site")
    assert _names(target, "12-ab") == (Path("/srv/wegwijzer/.site-nieuw-12-ab"), Path("/srv/wegwijzer/.site-oud-12-ab"),
                                       Path("/srv/wegwijzer/.site-nieuw-12-ab.lock"))


def test_the_build_folder_is_private_locked_and_removed_afterwards(tmp_path):
    target = tmp_path / "site"
    with build_folder(target) as (folder, key):
        assert key.startswith(f"{os.getpid()}-") and len(key.split("-")[1]) == 12
        assert folder == tmp_path / f".site-nieuw-{key}" and folder.is_dir()
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        lock = tmp_path / f".site-nieuw-{key}.lock"
        with open(lock, "w") as other:  # another build cannot take the lock
            with pytest.raises(BlockingIOError):
                fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert remove_leftovers(target) == []  # a running build's folder is never removed
        (folder / "half.html").write_text("x")
    assert list(tmp_path.iterdir()) == []


def test_a_failing_build_still_removes_its_folder_and_lock(tmp_path):
    with pytest.raises(RuntimeError):
        with build_folder(tmp_path / "site") as (folder, key):
            (folder / "half.html").write_text("x")
            raise RuntimeError("MkDocs brak af")
    assert list(tmp_path.iterdir()) == []


def test_two_builds_get_their_own_folders(tmp_path):
    with build_folder(tmp_path / "site") as (one, _), build_folder(tmp_path / "site") as (two, _):
        assert one != two and one.is_dir() and two.is_dir()
    assert list(tmp_path.iterdir()) == []


def test_a_lock_file_name_that_is_taken_gets_another_key(tmp_path, monkeypatch):
    import secrets
    tokens = iter(["aaaaaaaaaaaa", "bbbbbbbbbbbb"])
    monkeypatch.setattr(secrets, "token_hex", lambda n: next(tokens))
    taken = tmp_path / f".site-nieuw-{os.getpid()}-aaaaaaaaaaaa.lock"
    taken.touch()
    with build_folder(tmp_path / "site") as (folder, key):
        assert key == f"{os.getpid()}-bbbbbbbbbbbb"
    assert [p.name for p in tmp_path.iterdir()] == [taken.name]


# --- what killed builds left behind ----------------------------------------------------------


def test_leftovers_of_other_sites_and_other_files_are_left_alone(tmp_path):
    keep = [tmp_path / ".site2-nieuw-1-aa", tmp_path / ".andere-nieuw-1-aa", tmp_path / "site-nieuw-1-aa",
            tmp_path / ".site-nieuw", tmp_path / ".site-nieuwer-1-aa", tmp_path / "x.site-oud-1-aa"]
    for folder in keep:
        folder.mkdir()
    gone = [tmp_path / ".site-nieuw-1-aa", tmp_path / ".site-oud-1-aa", tmp_path / ".site-nieuw-1-aa.lock"]
    gone[0].mkdir(), gone[1].mkdir(), gone[2].touch()
    (gone[0] / "index.html").write_text("half")
    removed = remove_leftovers(tmp_path / "site")
    assert sorted(removed) == sorted(gone)
    assert all(p.exists() for p in keep) and not any(p.exists() for p in gone)


def test_an_old_folder_of_a_killed_build_goes_with_its_lock(tmp_path):
    old, lock = tmp_path / ".site-oud-9-cc", tmp_path / ".site-nieuw-9-cc.lock"
    site_folder(old, "oud")
    lock.touch()
    assert sorted(remove_leftovers(tmp_path / "site")) == sorted([old, lock])
    assert list(tmp_path.iterdir()) == []


def test_a_young_folder_without_a_lock_is_kept_until_it_is_old(tmp_path):
    young = tmp_path / ".site-oud-5-dd"
    young.mkdir()
    (young / "index.html").write_text("x")
    assert remove_leftovers(tmp_path / "site") == []
    then = young.stat().st_mtime - swap.LEFTOVER_WITHOUT_LOCK_AGE_S - 1
    os.utime(young, (then, then))
    assert remove_leftovers(tmp_path / "site") == [young]
    assert not young.exists()


def test_the_age_limit_is_one_day():
    assert swap.LEFTOVER_WITHOUT_LOCK_AGE_S == 24 * 3600


# --- cleaning up must never undo or fail a swap ---------------------------------------------------


@pytest.fixture
def stubborn_rmtree(monkeypatch):
    """shutil.rmtree as on a busy file system: a file cannot be removed. What can go, goes;
    the error is raised unless the caller asked to ignore errors. Returns the paths it was asked to remove."""
    import shutil
    real = shutil.rmtree
    asked = []

    def rmtree(path, ignore_errors=False, **kwargs):
        asked.append(path)
        real(path, ignore_errors=True)
        if not ignore_errors:
            raise OSError(16, "Device or resource busy", str(path))
    monkeypatch.setattr(swap.shutil, "rmtree", rmtree)
    return asked


@pytest.mark.parametrize("exchange", [True, False], ids=["exchange", "two-renames"])
def test_a_swap_succeeds_when_the_old_site_cannot_be_removed_completely(tmp_path, monkeypatch, stubborn_rmtree,
                                                                       exchange):
    if not exchange:
        monkeypatch.setattr(swap, "_exchange", lambda a, b: False)
    live = site_folder(tmp_path / "site", "oud")
    new = site_folder(tmp_path / ".site-nieuw-7", "nieuw")
    swap_in(new, live, "7")
    assert content(live)["index.html"] == "nieuw"
    assert stubborn_rmtree  # it did try to clean up


def test_a_failed_rename_is_reported_even_when_cleaning_up_fails(tmp_path, monkeypatch, stubborn_rmtree):
    live = site_folder(tmp_path / "site", "oud")
    new = site_folder(tmp_path / ".site-nieuw-7", "nieuw")
    monkeypatch.setattr(swap, "_exchange", lambda a, b: False)
    real_rename = os.rename

    def rename(a, b):
        if a == new:
            raise OSError(28, "No space left on device")
        return real_rename(a, b)
    monkeypatch.setattr(swap.os, "rename", rename)
    with pytest.raises(OSError, match="No space left"):  # the real reason, not the clean-up's
        swap_in(new, live, "7")
    assert content(live)["index.html"] == "oud"


def test_leftovers_that_cannot_be_removed_completely_do_not_stop_the_build(tmp_path, stubborn_rmtree):
    locked = [tmp_path / ".site-nieuw-1-aa", tmp_path / ".site-oud-1-aa"]
    for folder in locked:
        site_folder(folder, "half")
    (tmp_path / ".site-nieuw-1-aa.lock").touch()
    old = tmp_path / ".site-oud-2-bb"
    site_folder(old, "oud")
    then = old.stat().st_mtime - swap.LEFTOVER_WITHOUT_LOCK_AGE_S - 10
    os.utime(old, (then, then))
    removed = remove_leftovers(tmp_path / "site")
    assert set(locked + [old]) <= set(removed)


def test_the_exchange_works_with_relative_paths(tmp_path, monkeypatch):
    site_folder(tmp_path / "a", "A"), site_folder(tmp_path / "b", "B")
    monkeypatch.chdir(tmp_path)
    from pathlib import Path
    assert _exchange(Path("a"), Path("b")) is True
    assert content(tmp_path / "a")["index.html"] == "B"


def test_a_folder_without_a_lock_is_old_only_after_exactly_one_day(tmp_path, monkeypatch):
    folder = tmp_path / ".site-oud-5-dd"
    folder.mkdir()
    mtime = folder.stat().st_mtime
    monkeypatch.setattr(swap.time, "time", lambda: mtime + swap.LEFTOVER_WITHOUT_LOCK_AGE_S)
    assert remove_leftovers(tmp_path / "site") == []  # exactly a day: not yet
    monkeypatch.setattr(swap.time, "time", lambda: mtime + swap.LEFTOVER_WITHOUT_LOCK_AGE_S + 0.5)
    assert remove_leftovers(tmp_path / "site") == [folder]


def test_two_builds_clearing_the_same_leftovers_do_not_trip_over_each_other(tmp_path, monkeypatch):
    from pathlib import Path
    site_folder(tmp_path / ".site-nieuw-1-aa", "half")
    (tmp_path / ".site-nieuw-1-aa.lock").touch()
    real_open = os.open

    def open_while_another_build_clears(path, flags, *args, **kwargs):
        fd = real_open(path, flags, *args, **kwargs)
        if str(path).endswith(".lock"):
            Path(path).unlink()  # the other build removed the lock file just now
        return fd
    monkeypatch.setattr(swap.os, "open", open_while_another_build_clears)
    remove_leftovers(tmp_path / "site")  # no error
    assert list(tmp_path.iterdir()) == []
