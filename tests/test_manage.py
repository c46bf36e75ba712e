"""manage.py with a setting missing says which one, without a traceback."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_a_command_without_its_settings_names_the_missing_one_and_shows_no_traceback():
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "createcurator", "--help"],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("error: DJANGO_SECRET_KEY is not set")
    assert "Traceback" not in result.stderr
