# Shared by scripts/backup.sh and scripts/restore.sh (sourced, not run).
# Expects PROJECT to be set to the project folder.

step() { printf '==> %s\n' "$*"; }
info() { printf '    %s\n' "$*"; }
die()  { printf 'error: %s\n' "$1" >&2; shift; for l in "$@"; do printf '       %s\n' "$l" >&2; done; exit 1; }

# DATABASE_URL as libpq (pg_dump, pg_restore, psql) reads it.  Django accepts
# the pgsql:// spelling too (dj-database-url); libpq only postgres[ql]://.
libpq_url() {
    local url="${DATABASE_URL:-}"
    [ -n "$url" ] || die "DATABASE_URL is not set." \
        "Run this through make (make backup / make restore FILE=...), which sets it," \
        "or set it to the database, e.g. postgresql://user@/concordance?host=/path/to/socket."
    case "$url" in
        postgres://*|postgresql://*) printf '%s\n' "$url" ;;
        pgsql://*) printf 'postgresql://%s\n' "${url#pgsql://}" ;;
        *) die "DATABASE_URL does not name a PostgreSQL database (postgresql://...): ${url%%://*}://..." ;;
    esac
}

# The database a URL names, for messages: never the password.
describe_url() {
    local rest="${1#*://}" who="" where db query=""
    case "$rest" in *\?*) query="${rest#*\?}"; rest="${rest%%\?*}" ;; esac
    case "$rest" in *@*) who="${rest%%@*}"; who="${who%%:*}"; rest="${rest#*@}" ;; esac
    where="${rest%%/*}"; db="${rest#*/}"; [ "$db" = "$rest" ] && db=""
    if [ -z "$where" ]; then
        where="$(printf '%s' "$query" | tr '&' '\n' | sed -n 's/^host=//p' | head -n1)"
        where="${where:-local socket}"
    fi
    printf 'database %s on %s%s\n' "${db:-?}" "$where" "${who:+ as $who}"
}

# The Python that runs manage.py: CONCORDANCE_PYTHON, else the project's .venv.
project_python() {
    if [ -n "${CONCORDANCE_PYTHON:-}" ]; then
        printf '%s\n' "$CONCORDANCE_PYTHON"
    elif [ -x "$PROJECT/.venv/bin/python" ]; then
        printf '%s\n' "$PROJECT/.venv/bin/python"
    else
        die "no .venv in $PROJECT: run 'make venv' first (or set CONCORDANCE_PYTHON)."
    fi
}

# A path relative to the project when it lies inside it (shorter to retype).
relative() {
    case "$1" in
        "$PROJECT"/*) printf '%s\n' "${1#"$PROJECT"/}" ;;
        *) printf '%s\n' "$1" ;;
    esac
}

# The comment at the top of a script, as its --help.
usage_from_header() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$1"; }
