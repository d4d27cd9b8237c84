"""`wegwijzer nieuw voorziening|gezicht ID`: a skeleton that passes the check, every field explained."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from builders import CLI_TIMEOUT, check
from wegwijzer.records.schema import tables


def nieuw(data_dir, *args):
    proc = subprocess.run([sys.executable, "-m", "wegwijzer", "nieuw", *args, data_dir.name], cwd=data_dir.parent,
                          capture_output=True, text=True, timeout=CLI_TIMEOUT)
    return proc.returncode, proc.stdout, proc.stderr


def uncomment_fields(text: str) -> str:
    """Turn every commented-out field line (``# key: ...`` and its indented lines) into a real one."""
    return re.sub(r"^# (?=[a-z_]+:|  )", "", text, flags=re.MULTILINE)


def test_a_new_voorziening_passes_the_check(data_dir):
    code, out, err = nieuw(data_dir, "voorziening", "hoeskamer-hulsberg")
    assert code == 0, err
    path = data_dir / "hoeskamer-hulsberg.yaml"
    assert str(path.relative_to(data_dir.parent)) in out
    code, out, _ = check(data_dir)
    assert code == 0 and "0 fouten" in out, out


def test_every_field_is_in_the_skeleton_with_its_explanation(data_dir):
    nieuw(data_dir, "voorziening", "hoeskamer-hulsberg")
    text = (data_dir / "hoeskamer-hulsberg.yaml").read_text(encoding="utf-8")
    for key, field in tables.VOORZIENING_FIELDS.items():
        assert re.search(rf"^(# )?{key}:", text, re.MULTILINE), f"{key} is missing"
        assert f"# {field.label}: {field.help}" in text
    assert "Kies uit: Amstenrade, Hulsberg." in text  # the kernen of this gemeente.yaml


def test_the_example_values_of_optional_fields_are_valid_too(data_dir):
    """An editor who removes the # before any field gets a valid record, not a puzzle."""
    nieuw(data_dir, "voorziening", "alles")
    nieuw(data_dir, "gezicht", "anne-voorbeeld")
    for path in (data_dir / "alles.yaml", data_dir / "gezichten" / "anne-voorbeeld.yaml"):
        path.write_text(uncomment_fields(path.read_text(encoding="utf-8")), encoding="utf-8")
    face = data_dir / "gezichten" / "anne-voorbeeld.yaml"
    face.write_text(face.read_text(encoding="utf-8").replace("toestemming:", "toestemming: 2026-03-14")
                    .replace("# voorziening:", "voorziening: alles"), encoding="utf-8")
    code, out, _ = check(data_dir)
    assert code == 0 and "0 fouten" in out, out
    assert "locaties:\n  - naam:" in (data_dir / "alles.yaml").read_text(encoding="utf-8")


def test_a_new_face_card_waits_for_the_date_of_consent(data_dir):
    code, out, _ = nieuw(data_dir, "gezicht", "anne-voorbeeld")
    assert code == 0 and "toestemming" in out
    code, out, _ = check(data_dir)
    errors = [line for line in out.splitlines() if ": fout: " in line]
    assert len(errors) == 1 and "gezichten/anne-voorbeeld.yaml" in errors[0] and "toestemming" in errors[0], out
    face = data_dir / "gezichten" / "anne-voorbeeld.yaml"
    face.write_text(face.read_text(encoding="utf-8").replace("toestemming:", "toestemming: 2026-03-14"))
    code, out, _ = check(data_dir)
    assert code == 0, out


def test_an_existing_id_is_refused_and_left_alone(data_dir):
    (data_dir / "hoeskamer.yaml").write_text("naam: Eigen werk\n", encoding="utf-8")
    code, _, err = nieuw(data_dir, "voorziening", "hoeskamer")
    assert code == 2 and "bestaat al" in err
    assert (data_dir / "hoeskamer.yaml").read_text(encoding="utf-8") == "naam: Eigen werk\n"


@pytest.mark.parametrize("bad", ["Hoeskamer", "../hoeskamer", "hoes kamer", "hoeskamer.yaml", "gemeente",
                                 "a" * 81, "café"])
def test_an_id_that_is_no_valid_file_name_is_refused(data_dir, bad):
    code, _, err = nieuw(data_dir, "voorziening", bad)
    assert code == 2 and "kan geen bestandsnaam zijn" in err, err
    assert sorted(p.name for p in data_dir.rglob("*")) == ["gemeente.yaml"]


def test_an_unknown_kind_is_a_usage_error(data_dir):
    code, _, err = nieuw(data_dir, "artikel", "x")
    assert code == 2 and "voorziening|gezicht" in err
