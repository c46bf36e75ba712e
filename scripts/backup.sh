#!/usr/bin/env bash
# Back up the Concordance database: a full dump and the curated data as JSON.
#
#   scripts/backup.sh [--label NAME] [--dump-only]
#
# Writes, into backups/<UTC timestamp>[-NAME]/ (BACKUP_DIR overrides backups/):
#   concordance.dump   pg_dump --format=custom of DATABASE_URL: every table,
#                      curators' work, its history, accounts; restore it with
#                      scripts/restore.sh (make restore FILE=...)
#   concordance.json   the concordance as manage.py export_concordance writes it,
#                      readable and loadable with manage.py import_concordance
#   SHA256SUMS         checksums, checked by scripts/restore.sh
# and prints the folder.  The folder appears only once both files are
# complete: an interrupted backup leaves a hidden .partial folder, never
# something that looks like a backup.
#
# The dump is one consistent snapshot; the JSON is read a moment later, so a
# curator saving in between may make them differ by that one change (the dump
# is the one restore.sh uses).
#
# --dump-only skips the JSON (restore.sh uses it for the copy it takes before
# replacing a database, which may be empty or at another migration).
#
# Backups hold password hashes and sessions: they are readable by their owner
# only.
#
# Environment: DATABASE_URL (required; the Makefile sets it), BACKUP_DIR,
# CONCORDANCE_PYTHON (the Python that runs manage.py; default .venv's).
set -euo pipefail

PROJECT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
# shellcheck source=scripts/backup_common.sh
. "$PROJECT/scripts/backup_common.sh"

label=""
dump_only=0
while [ $# -gt 0 ]; do
    case "$1" in
        --label) [ $# -ge 2 ] || die "--label needs a name."; label="$2"; shift 2 ;;
        --label=*) label="${1#--label=}"; shift ;;
        --dump-only) dump_only=1; shift ;;
        -h|--help) usage_from_header "$0"; exit 0 ;;
        *) die "unknown argument: $1" "usage: scripts/backup.sh [--label NAME] [--dump-only]" ;;
    esac
done
case "$label" in
    *[!A-Za-z0-9_-]*) die "--label '$label': use letters, digits, - and _ only (it becomes part of a folder name)." ;;
esac

url="$(libpq_url)"
[ "$dump_only" = 1 ] || python="$(project_python)"
umask 077
base="${BACKUP_DIR:-$PROJECT/backups}"
mkdir -p "$base" || die "cannot create $base."

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
name="$stamp${label:+-$label}"
# Two backups within one second: number the second one rather than overwrite.
n=1
while [ -e "$base/$name" ] || [ -e "$base/.$name.partial" ]; do
    n=$((n + 1)); name="$stamp${label:+-$label}-$n"
done
partial="$base/.$name.partial"
final="$base/$name"
mkdir "$partial"
trap 'rm -rf "$partial"' EXIT

step "dumping $(describe_url "$url") (pg_dump --format=custom)"
pg_dump --format=custom --file="$partial/concordance.dump" --dbname="$url" \
    || die "pg_dump failed (message above); no backup was written."

files=(concordance.dump)
if [ "$dump_only" = 0 ]; then
    step "exporting the curated concordance as JSON (manage.py export_concordance)"
    if ! out="$(cd "$PROJECT" && DJANGO_DEBUG="${DJANGO_DEBUG:-1}" "$python" manage.py export_concordance \
            "$partial/concordance.json" 2>&1)"; then
        printf '%s\n' "$out" | tail -n 5 >&2
        die "manage.py export_concordance failed (above); no backup was written."
    fi
    files+=(concordance.json)
fi

(cd "$partial" && sha256sum "${files[@]}" >SHA256SUMS)
mv "$partial" "$final"
trap - EXIT

info "dump:  $(du -h "$final/concordance.dump" | cut -f1)  $final/concordance.dump"
[ "$dump_only" = 1 ] || info "JSON:  $(du -h "$final/concordance.json" | cut -f1)  $final/concordance.json"
printf 'Backup written to %s\n' "$final"
printf 'Restore it with: make restore FILE=%s\n' "$(relative "$final/concordance.dump")"
