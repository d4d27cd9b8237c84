"""The repository's own demo data passes `wegwijzer check voorzieningen/`."""

import re
import subprocess
import sys

from builders import CLI_TIMEOUT, DEMO_DATA, REPO


def test_wegwijzer_check_on_the_demo_data_exits_0():
    proc = subprocess.run([sys.executable, "-m", "wegwijzer", "check", "voorzieningen/"], cwd=REPO,
                          capture_output=True, text=True, timeout=CLI_TIMEOUT)
    errors = [line for line in proc.stdout.splitlines() if ": fout: " in line]
    assert errors == []
    assert proc.returncode == 0, proc.stdout + proc.stderr
    summary = re.match(r"(\d+) bestanden, (\d+) voorzieningen, (\d+) gezichten, 0 fouten",
                       proc.stdout.splitlines()[-1])
    assert summary, proc.stdout
    records = len([p for p in DEMO_DATA.glob("*.yaml") if p.name != "gemeente.yaml"])
    assert int(summary[2]) == records > 0
    assert int(summary[3]) == len(list(DEMO_DATA.glob("gezichten/*.yaml")))
