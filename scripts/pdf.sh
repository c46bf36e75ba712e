#!/usr/bin/env bash
# The system libraries WeasyPrint draws PDFs with (comparison.pdf, handouts):
# Pango with its FreeType back-end, HarfBuzz's subsetter (fonts are embedded
# subset) and a font with the French accents.  WeasyPrint itself is a Python
# dependency (pyproject.toml); these come from Debian.
#
#   bash scripts/pdf.sh ensure   install what is missing when root with apt-get
#                                (CI: fresh Debian 12); otherwise say what to
#                                install.  Never fails the build: without the
#                                libraries the PDF addresses answer 503 with
#                                this same message, and their tests are skipped.
#   bash scripts/pdf.sh check    exit 0 when everything is there, 1 otherwise
set -euo pipefail

PACKAGES=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core)
LIBRARIES=(libpango-1.0.so.0 libpangoft2-1.0.so.0 libharfbuzz-subset.so.0)

step() { printf '==> %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$1" >&2; shift; for l in "$@"; do printf '         %s\n' "$l" >&2; done; }

missing() {
    local library
    for library in "${LIBRARIES[@]}"; do
        ldconfig -p 2>/dev/null | grep -q "$library" || printf '%s\n' "$library"
    done
    fc-list 2>/dev/null | grep -qi dejavu || printf '%s\n' "DejaVu fonts"
}

ensure() {
    local absent
    absent="$(missing)"
    if [ -z "$absent" ]; then
        step "PDF exports: Pango, HarfBuzz and the DejaVu fonts are installed"
        return 0
    fi
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        step "installing the libraries WeasyPrint draws PDFs with (apt-get install ${PACKAGES[*]})"
        export DEBIAN_FRONTEND=noninteractive
        if apt-get update -q </dev/null && apt-get install -y -q "${PACKAGES[@]}" </dev/null && [ -z "$(missing)" ]; then
            step "PDF exports: libraries installed"
            return 0
        fi
        warn "apt-get install ${PACKAGES[*]} failed (see above): the PDF exports will answer 503."
        return 0
    fi
    warn "missing for the PDF exports: $(echo "$absent" | paste -sd, -)." \
        "Install them with: sudo apt-get install ${PACKAGES[*]}   (Debian/Ubuntu)" \
        "Until then comparison.pdf and /handouts/ answer 503 and their tests are skipped."
    return 0
}

case "${1:-}" in
    ensure) ensure ;;
    check) [ -z "$(missing)" ] ;;
    *) printf 'usage: %s ensure|check\n' "$0" >&2; exit 2 ;;
esac
