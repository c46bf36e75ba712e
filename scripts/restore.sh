#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh into the database of DATABASE_URL.
#
#   scripts/restore.sh [--yes] backups/<stamp>/concordance.dump
#   (make restore FILE=backups/<stamp>/concordance.dump)
#
# The database is left exactly as it was when the dump was taken: every table,
# row, sequence and index of the backup, and nothing else; tables created
# since (by a newer migration, say) go too.  Before anything is replaced:
#   - the file is checked: it must exist, be readable, be a pg_dump archive
#     (custom format) and match the checksum backup.sh wrote beside it;
#   - what is replaced is printed: the database, and how many
#     correspondences, history records and accounts it holds now and will
#     hold after the restore;
#   - the current state is itself backed up (backups/<stamp>-before-restore/),
#     so a restore of the wrong file can be undone.
# The restore runs in one transaction: if anything fails, the database is
# unchanged.
#
# Confirmation: asked only on an interactive terminal; never when CI is set,
# when stdin is not a terminal, or with --yes.
#
# Environment: DATABASE_URL (required; the Makefile sets it), BACKUP_DIR.
set -euo pipefail

PROJECT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
# shellcheck source=scripts/backup_common.sh
. "$PROJECT/scripts/backup_common.sh"

usage="usage: make restore FILE=backups/<stamp>/concordance.dump   (or scripts/restore.sh [--yes] FILE)"
yes=0
file=""
while [ $# -gt 0 ]; do
    case "$1" in
        -y|--yes) yes=1; shift ;;
        -h|--help) usage_from_header "$0"; exit 0 ;;
        -*) die "unknown option: $1" "$usage" ;;
        *) [ -z "$file" ] || die "one backup file at a time (got '$file' and '$1')." "$usage"
           file="$1"; shift ;;
    esac
done

latest_backups() {
    local base="${BACKUP_DIR:-$PROJECT/backups}"
    ls -1d "$base"/*/concordance.dump 2>/dev/null | sort -r | head -n 5 | while read -r f; do relative "$f"; done
}

if [ -z "$file" ]; then
    lines=("$usage")
    mapfile -t latest < <(latest_backups)
    [ "${#latest[@]}" -eq 0 ] || lines+=("latest backups:" "${latest[@]/#/  }")
    die "no backup file given; nothing was restored." "${lines[@]}"
fi
# A backup folder stands for the dump inside it.
[ -d "$file" ] && [ -f "$file/concordance.dump" ] && file="$file/concordance.dump"
[ -e "$file" ] || die "$file: no such file; nothing was restored." "$usage"
[ -f "$file" ] || die "$file is not a file (a dump written by make backup is); nothing was restored."
[ -r "$file" ] && head -c 1 "$file" >/dev/null 2>&1 \
    || die "$file cannot be read (permissions?); nothing was restored."
if ! header="$(pg_restore --list "$file" 2>&1)"; then
    die "$file is not a backup pg_restore can read (make backup writes concordance.dump, a pg_dump custom-format archive); nothing was restored." \
        "pg_restore said: $(printf '%s' "$header" | head -n 1)"
fi
sums="$(dirname "$file")/SHA256SUMS"
name="$(basename "$file")"
if [ -f "$sums" ] && grep -q "  $name\$" "$sums"; then
    (cd "$(dirname "$file")" && grep "  $name\$" SHA256SUMS | sha256sum --check --status) \
        || die "$file does not match the checksum in $sums: the file was changed or damaged; nothing was restored."
fi

url="$(libpq_url)"
target="$(describe_url "$url")"
# Fail now, not after the safety copy, if the database is unreachable.
psql_q() { psql -X -q -At -v ON_ERROR_STOP=1 --dbname="$url" "$@"; }
psql_q -c 'select 1' >/dev/null 2>&1 || {
    err="$(psql_q -c 'select 1' 2>&1 || true)"
    die "cannot connect to $target; nothing was restored." "psql said: $(printf '%s' "$err" | head -n 1)"
}

# What the user would notice: the concordance, its history, the accounts.
TABLES=(mapping_correspondence mapping_historicalcorrespondence mapping_missingcounterpart auth_user)
LABELS=("correspondences" "correspondence history records" "missing-counterpart records" "accounts")

count_now() {
    psql_q -c "select case when to_regclass('public.$1') is null then '-' else
        (xpath('/row/n/text()', query_to_xml('select count(*) as n from public.$1', false, true, '')))[1]::text end"
}
count_in_backup() {
    # Rows of a table in the archive: the lines of its COPY block.
    pg_restore --data-only --table="$1" --file=- "$file" 2>/dev/null \
        | awk '/^COPY /{inside=1; next} inside && /^\\\.$/{inside=0; next} inside{n++} END{print n+0}'
}

created="$(printf '%s\n' "$header" | sed -n 's/^; Archive created at //p')"
source_db="$(printf '%s\n' "$header" | sed -n 's/^;[[:space:]]*dbname: //p')"
step "restoring $(relative "$file")"
info "backup taken $created from database $source_db"
info "replaces everything in $target:"
printf '      %-34s %8s %15s\n' "" "now" "after restore"
for i in "${!TABLES[@]}"; do
    printf '      %-34s %8s %15s\n' "${LABELS[$i]}" "$(count_now "${TABLES[$i]}")" "$(count_in_backup "${TABLES[$i]}")"
done

if [ "$yes" = 0 ] && [ -z "${CI:-}" ] && [ -t 0 ] && [ -t 1 ]; then
    read -r -p "Replace the database with this backup? [y/N] " answer
    case "$answer" in
        y|Y|yes|oui|o|O) ;;
        *) die "cancelled; nothing was restored." ;;
    esac
fi

# Undo is a restore of this copy; an empty database has nothing to keep.
tables_now="$(psql_q -c "select count(*) from pg_tables where schemaname = 'public'")"
if [ "$tables_now" != 0 ]; then
    step "backing up the current state first"
    safety="$(bash "$PROJECT/scripts/backup.sh" --label before-restore --dump-only | sed -n 's/^Backup written to //p')"
    [ -n "$safety" ] || die "the backup of the current state failed; nothing was restored."
    info "current state kept in $(relative "$safety")"
fi

umask 077
script="$(mktemp "${TMPDIR:-/tmp}/concordance-restore.XXXXXX.sql")"
trap 'rm -f "$script"' EXIT
# The whole restore as one SQL script, run in one transaction: written to a
# file first, so that a pg_restore failing half-way cannot feed psql a
# truncated script that would then be committed.
{
    cat <<'SQL'
SET client_min_messages = warning;
SET lock_timeout = '60s';
-- Objects made after the backup would survive pg_restore --clean, which drops
-- only what the archive holds: empty the public schema first, keeping the
-- schema's owner, privileges and comment (pg_dump leaves those out).
DO $restore$
DECLARE
    schema_owner regrole;
    schema_comment text;
    grants text[];
    statement text;
BEGIN
    SELECT nspowner::regrole INTO schema_owner FROM pg_namespace WHERE nspname = 'public';
    IF schema_owner IS NULL THEN
        CREATE SCHEMA public;
        RETURN;
    END IF;
    schema_comment := obj_description('public'::regnamespace, 'pg_namespace');
    SELECT coalesce(array_agg(format('GRANT %s ON SCHEMA public TO %s%s', a.privilege_type,
                                     CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(a.grantee::regrole::text) END,
                                     CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END)), '{}')
        INTO grants
        FROM pg_namespace n, aclexplode(n.nspacl) a
        WHERE n.nspname = 'public' AND a.grantee <> n.nspowner;
    DROP SCHEMA public CASCADE;
    EXECUTE format('CREATE SCHEMA public AUTHORIZATION %s', schema_owner);
    IF schema_comment IS NOT NULL THEN
        EXECUTE format('COMMENT ON SCHEMA public IS %L', schema_comment);
    END IF;
    FOREACH statement IN ARRAY grants LOOP
        EXECUTE statement;
    END LOOP;
END
$restore$;
SQL
} >"$script"
pg_restore --clean --if-exists --no-owner --file=- "$file" >>"$script" \
    || die "pg_restore could not read $file; nothing was restored."

step "replacing the database (one transaction)"
if ! out="$(psql -X -q -v ON_ERROR_STOP=1 --single-transaction --dbname="$url" -f "$script" 2>&1 >/dev/null)"; then
    printf '%s\n' "$out" | tail -n 5 >&2
    die "the restore failed (above); it was rolled back: the database is unchanged."
fi
psql_q -c 'ANALYZE' >/dev/null 2>&1 || true
# The restored data version is the one the backup's state had (a token no
# other state ever had), so pages cached for it are right again; running
# servers read the version from the cache, which is told now (otherwise
# they see it within 30 s, versioning/versions.py PUBLISHED_TTL).
python="${CONCORDANCE_PYTHON:-$PROJECT/.venv/bin/python}"
if ! (cd "$PROJECT" && DJANGO_DEBUG=1 "$python" manage.py data_version --publish >/dev/null 2>&1); then
    info "note: the servers' cache was not told of the restore; they serve it within 30 s."
fi
printf 'Restored %s into %s.\n' "$(relative "$file")" "$target"
