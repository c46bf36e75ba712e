#!/usr/bin/env bash
# Create .venv if it is missing or broken, then install the project into it
# (pip install -e '.[test]') and touch the stamp file given as $1.  The
# Makefile calls this only when pyproject.toml is newer than the stamp.
set -euo pipefail

PROJECT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
VENV="$PROJECT/.venv"
STAMP="${1:-$VENV/.installed}"
PYTHON="${PYTHON:-python3}"

step() { printf '==> %s\n' "$*"; }
die()  { printf 'error: %s\n' "$1" >&2; shift; for l in "$@"; do printf '       %s\n' "$l" >&2; done; exit 1; }

cd "$PROJECT"

if [ -x "$VENV/bin/python" ] && ! "$VENV/bin/python" -c 'import sys' >/dev/null 2>&1; then
    step "removing broken .venv (its Python no longer runs)"
    rm -rf "$VENV"
fi

if [ ! -x "$VENV/bin/python" ]; then
    command -v "$PYTHON" >/dev/null 2>&1 || die "$PYTHON not found." \
        "Install Python 3.11 or newer, or run make PYTHON=/path/to/python3.11."
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
        || die "$PYTHON is Python $("$PYTHON" -c 'import platform; print(platform.python_version())'); the project needs 3.11 or newer." \
               "Run make PYTHON=/path/to/python3.11."
    step "creating .venv with $("$PYTHON" -c 'import sys; print(sys.executable, sys.version.split()[0])')"
    err="$(mktemp)"
    if ! "$PYTHON" -m venv "$VENV" 2>"$err"; then
        rm -rf "$VENV"
        if grep -qi 'ensurepip' "$err" && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
            step "installing python3-venv with apt-get (venv needs ensurepip)"
            export DEBIAN_FRONTEND=noninteractive
            apt-get update -q </dev/null && apt-get install -y -q python3-venv </dev/null \
                || die "apt-get install python3-venv failed (see above)."
            "$PYTHON" -m venv "$VENV" || { rm -rf "$VENV"; die "python3 -m venv still fails (see above)."; }
        else
            cat "$err" >&2; rm -f "$err"
            die "$PYTHON -m venv failed (see above)." \
                "On Debian/Ubuntu: sudo apt-get install python3-venv, then run make again."
        fi
    fi
    rm -f "$err"
    step "upgrading pip in .venv"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip \
        || die "could not upgrade pip (is PyPI reachable?)."
fi

step "installing the project and its test tools into .venv (pip install -e '.[test]')"
if ! "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e '.[test]'; then
    die "pip install -e '.[test]' failed (see above)." \
        "Check the network access to PyPI and pyproject.toml, then run make again."
fi
touch "$STAMP"
