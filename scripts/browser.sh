#!/usr/bin/env bash
# The browser the tests in tests/browser drive: Debian's Chromium, launched by
# Playwright through its executable_path (Playwright's own download of a
# browser is not used: `playwright install` needs a network the CI lacks).
#
#   bash scripts/browser.sh ensure   install Chromium if it is missing and we
#                                    are root with apt-get (CI: fresh Debian 12);
#                                    otherwise say what to install.  Never fails
#                                    the build: without Chromium, the browser
#                                    tests are skipped with that same message.
#   bash scripts/browser.sh path     print the Chromium the tests will launch
#                                    (exit 1 if there is none)
#
# CHROMIUM=/path/to/chromium overrides the search, here and in the tests.
set -euo pipefail

step() { printf '==> %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$1" >&2; shift; for l in "$@"; do printf '         %s\n' "$l" >&2; done; }

find_chromium() {
    if [ -n "${CHROMIUM:-}" ]; then
        [ -x "$CHROMIUM" ] && { printf '%s\n' "$CHROMIUM"; return 0; }
        return 1
    fi
    local candidate
    for candidate in chromium chromium-browser; do
        if command -v "$candidate" >/dev/null 2>&1; then command -v "$candidate"; return 0; fi
    done
    [ -x /usr/bin/chromium ] && { printf '%s\n' /usr/bin/chromium; return 0; }
    return 1
}

# Debian's /usr/bin/chromium is a shell wrapper that prints a harmless
# "[: …: unexpected operator" on some shells: keep only the version line.
version_of() { "$1" --version 2>/dev/null | grep -m1 -i chrom || true; }

ensure() {
    local found
    if found="$(find_chromium)"; then
        step "browser tests will use $found ($(version_of "$found"))"
        return 0
    fi
    if [ -n "${CHROMIUM:-}" ]; then
        warn "CHROMIUM=$CHROMIUM is not an executable file: the browser tests will be skipped" \
            "(as root they fail instead, so that CI cannot pass without running them)."
        return 0
    fi
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        step "installing Chromium with apt-get (the browser tests drive it)"
        export DEBIAN_FRONTEND=noninteractive
        if apt-get update -q </dev/null && apt-get install -y -q chromium </dev/null && found="$(find_chromium)"; then
            step "browser tests will use $found ($(version_of "$found"))"
            return 0
        fi
        warn "apt-get install chromium failed (see above): as root, the browser tests fail without it."
        return 0
    fi
    warn "Chromium is not installed: the browser tests (tests/browser) will be skipped." \
        "Install it with: sudo apt-get install chromium   (Debian/Ubuntu)" \
        "or point CHROMIUM=/path/to/chromium at a Chromium or Chrome binary."
    return 0
}

case "${1:-}" in
    ensure) ensure ;;
    path) find_chromium ;;
    *) printf 'usage: %s ensure|path\n' "$0" >&2; exit 2 ;;
esac
