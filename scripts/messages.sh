#!/usr/bin/env bash
# The interface's translations: locale/<lang>/LC_MESSAGES/django.po, written
# by hand, compiled to django.mo (which git ignores) with GNU gettext's msgfmt
# through `manage.py compilemessages`.
#
#   bash scripts/messages.sh ensure   install gettext if it is missing and we
#                                     are root with apt-get (CI: fresh Debian 12;
#                                     otherwise say what to install and stop),
#                                     then compile every .po newer than its .mo
#   bash scripts/messages.sh check    exit 0 when every .mo is there and newer
#                                     than its .po, 1 otherwise
#
# Without the compiled catalogue the English pages would silently show the
# French interface, so a missing gettext stops make (as a missing PostgreSQL does).
set -euo pipefail

PROJECT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
PYTHON="${VENV_PYTHON:-$PROJECT/.venv/bin/python}"

step() { printf '==> %s\n' "$*"; }
die()  { printf 'error: %s\n' "$1" >&2; shift; for l in "$@"; do printf '       %s\n' "$l" >&2; done; exit 1; }

stale() {
    local po mo
    while IFS= read -r po; do
        mo="${po%.po}.mo"
        if [ ! -f "$mo" ] || [ "$po" -nt "$mo" ]; then printf '%s\n' "$po"; fi
    done < <(find "$PROJECT/locale" -name '*.po' -type f)
}

ensure_gettext() {
    command -v msgfmt >/dev/null 2>&1 && return 0
    if [ "$(id -u)" -ne 0 ]; then
        die "GNU gettext (msgfmt) is not installed: the English interface cannot be compiled." \
            "Install it, e.g. 'sudo apt-get install gettext' on Debian/Ubuntu, then run make again."
    fi
    command -v apt-get >/dev/null 2>&1 || die "no msgfmt and no apt-get to install gettext: install GNU gettext, then run make again."
    step "installing gettext with apt-get (running as root, msgfmt not found)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q </dev/null || die "apt-get update failed (see above)."
    apt-get install -y -q --no-install-recommends gettext </dev/null || die "apt-get install gettext failed (see above)."
    command -v msgfmt >/dev/null 2>&1 || die "gettext was installed but msgfmt is still not on PATH."
}

ensure() {
    if [ -z "$(stale)" ]; then
        step "interface translations are compiled (locale/*/LC_MESSAGES/django.mo)"
        return 0
    fi
    ensure_gettext
    step "compiling the interface translations (manage.py compilemessages)"
    # Only the project's own locale folder: compilemessages would otherwise
    # walk into .venv and recompile every installed package's catalogues.
    (cd "$PROJECT" && DATABASE_URL="${DATABASE_URL:-postgresql://not-needed.invalid/concordance}" DJANGO_DEBUG=1 "$PYTHON" manage.py compilemessages \
        --ignore=.venv --ignore=var --ignore=node_modules --ignore=.git -v 0) \
        || die "compilemessages failed (above): fix the .po file it names."
}

case "${1:-}" in
    ensure) ensure ;;
    check) [ -z "$(stale)" ] ;;
    *) printf 'usage: %s ensure|check\n' "$0" >&2; exit 2 ;;
esac
