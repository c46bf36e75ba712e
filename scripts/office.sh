#!/usr/bin/env bash
# LibreOffice, headless: the Word export's test converts a comparison .docx
# to PDF with it, as a reader's office suite would open it (Debian's
# libreoffice-writer-nogui: Writer without the desktop, enough for
# `soffice --headless --convert-to pdf`).
#
#   bash scripts/office.sh ensure   install it if it is missing and we are root
#                                   with apt-get (CI: fresh Debian 12); otherwise
#                                   say what to install. Never fails the build:
#                                   without LibreOffice that one test is skipped,
#                                   saying so.
#   bash scripts/office.sh path     print the soffice the test will run (exit 1 if none)
#
# SOFFICE=/path/to/soffice overrides the search, here and in the test.
set -euo pipefail

step() { printf '==> %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$1" >&2; shift; for l in "$@"; do printf '         %s\n' "$l" >&2; done; }

find_soffice() {
    if [ -n "${SOFFICE:-}" ]; then
        [ -x "$SOFFICE" ] && { printf '%s\n' "$SOFFICE"; return 0; }
        return 1
    fi
    local candidate
    for candidate in soffice libreoffice; do
        if command -v "$candidate" >/dev/null 2>&1; then command -v "$candidate"; return 0; fi
    done
    return 1
}

ensure() {
    local found
    if found="$(find_soffice)"; then
        step "the Word export test will convert with $found"
        return 0
    fi
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        step "installing LibreOffice Writer (headless) with apt-get (the Word export test converts with it)"
        export DEBIAN_FRONTEND=noninteractive
        if apt-get update -q </dev/null \
            && apt-get install -y -q --no-install-recommends libreoffice-writer-nogui </dev/null \
            && found="$(find_soffice)"; then
            step "the Word export test will convert with $found"
            return 0
        fi
        warn "apt-get install libreoffice-writer-nogui failed (see above): the Word-to-PDF test will be skipped."
        return 0
    fi
    warn "LibreOffice is not installed: the test converting the Word export to PDF will be skipped." \
        "Install it with: sudo apt-get install --no-install-recommends libreoffice-writer-nogui   (Debian/Ubuntu)" \
        "or point SOFFICE=/path/to/soffice at a LibreOffice binary."
    return 0
}

case "${1:-}" in
    ensure) ensure ;;
    path) find_soffice ;;
    *) printf 'usage: %s ensure|path\n' "$0" >&2; exit 2 ;;
esac
