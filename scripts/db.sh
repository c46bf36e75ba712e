#!/usr/bin/env bash
# The project's private PostgreSQL cluster, used when DATABASE_URL is not set.
#
#   scripts/db.sh ensure   install the server if needed (root only), create the
#                          cluster, start it, create the role and database
#   scripts/db.sh start    start an existing cluster (creating it if missing)
#   scripts/db.sh stop     stop the cluster (fine if it is not running)
#   scripts/db.sh clean    stop the cluster and delete all its data
#   scripts/db.sh status   say whether it exists and runs
#   scripts/db.sh url      print the DATABASE_URL of the private cluster
#   scripts/db.sh psql     open psql on it (extra arguments go to psql)
#
# Layout (all under var/, which git ignores):
#   var/pg/data              the cluster (PGDATA)
#   var/pg/run               the unix socket; no TCP listener at all
#   var/pg/log/postgres.log  the server log
# Only the unix socket is used, with trust authentication; the superuser role
# and the database are both called "concordance".
#
# Durability: curators' saves live here, so the cluster keeps PostgreSQL's
# defaults for fsync, synchronous_commit and full_page_writes (a save the
# site confirmed survives a crash). Clusters made before this rule had
# synchronous_commit = off; `ensure` removes such lines and reloads. The test
# suite may trade durability for speed in its own test database only.
#
# Who runs the server: an ordinary user runs it as themselves.  PostgreSQL
# refuses to run as root, so root runs it as the "postgres" system user (or as
# the owner of an existing cluster, e.g. after `sudo make` in a user's clone).
# When that user cannot reach var/ (a clone under /root, mode 700), var/pg is
# a symlink to a folder under postgres's home; the socket keeps its path inside
# the project, which root (the only client in that case) can always reach.
# If var/pg/run is too long for a unix socket path (>90 characters), the socket
# goes to /tmp/concordance-pg-<hash of the project path> instead.
#
# Overrides: PG_BINDIR (folder of initdb/pg_ctl/postgres), CONCORDANCE_PG_LIB
# (default /usr/lib/postgresql), CONCORDANCE_PG_EXTERNAL_BASE.
set -euo pipefail

PROJECT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
VAR="$PROJECT/var"
PGROOT="$VAR/pg"
DATA="$PGROOT/data"
RUN="$PGROOT/run"
LOGDIR="$PGROOT/log"
LOG="$LOGDIR/postgres.log"
DB_NAME=concordance
DB_USER=concordance
PGPORT_PRIVATE=5432   # only names the socket file: there is no TCP listener
# Where root keeps clusters that postgres could not reach inside the project.
EXTERNAL_BASE="${CONCORDANCE_PG_EXTERNAL_BASE:-/var/lib/postgresql/concordance-clusters}"
# Where Debian installs the server programs, one folder per major version.
PG_LIB="${CONCORDANCE_PG_LIB:-/usr/lib/postgresql}"

step() { printf '==> %s\n' "$*"; }
info() { printf '    %s\n' "$*"; }
die()  { printf 'error: %s\n' "$1" >&2; shift; for l in "$@"; do printf '       %s\n' "$l" >&2; done; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# Unix socket paths are limited to 107 bytes; the socket file adds 14.
socket_dir() {
    if [ "${#RUN}" -le 90 ]; then
        printf '%s\n' "$RUN"
    else
        # A very deep clone: use a short folder in /tmp, one per project.
        printf '/tmp/concordance-pg-%s\n' "$(project_hash)"
    fi
}

project_hash() { printf '%s' "$PROJECT" | sha1sum | cut -c1-12; }

url() { printf 'postgresql://%s@/%s?host=%s\n' "$DB_USER" "$DB_NAME" "$(socket_dir)"; }

# --- finding the server binaries -------------------------------------------

# Sets BINDIR to a folder holding initdb, pg_ctl and postgres, or returns 1.
# Prefers, in order: $PG_BINDIR; the version the cluster was created with;
# the newest /usr/lib/postgresql/*/bin (Debian); the folder of pg_ctl on PATH.
find_bindir() {
    local want="" dir
    [ -f "$DATA/PG_VERSION" ] && want="$(cat "$DATA/PG_VERSION" 2>/dev/null || true)"
    BINDIR=""
    if [ -n "${PG_BINDIR:-}" ]; then
        usable_bindir "$PG_BINDIR" || die "PG_BINDIR=$PG_BINDIR has no working initdb/pg_ctl/postgres."
        BINDIR="$PG_BINDIR"; return 0
    fi
    if [ -n "$want" ] && usable_bindir "$PG_LIB/$want/bin"; then
        BINDIR="$PG_LIB/$want/bin"; return 0
    fi
    for dir in $(ls -d "$PG_LIB"/*/bin 2>/dev/null | awk -F/ '{print $(NF-1) "\t" $0}' | sort -V -r | cut -f2); do
        if usable_bindir "$dir"; then BINDIR="$dir"; break; fi
    done
    if [ -z "$BINDIR" ] && command -v pg_ctl >/dev/null 2>&1; then
        dir="$(dirname "$(readlink -f "$(command -v pg_ctl)")")"
        usable_bindir "$dir" && BINDIR="$dir"
    fi
    [ -n "$BINDIR" ] || return 1
    if [ -n "$want" ]; then
        local have
        have="$("$BINDIR/postgres" --version | awk '{print $3}' | cut -d. -f1)"
        [ "$have" = "$want" ] || die "the cluster in $DATA was created by PostgreSQL $want, but only $have is installed ($BINDIR)." \
            "Install postgresql-$want, or run 'make clean-db' to delete the cluster and start afresh."
    fi
}

usable_bindir() {
    [ -x "$1/initdb" ] && [ -x "$1/pg_ctl" ] && [ -x "$1/postgres" ] \
        && "$1/pg_ctl" --version >/dev/null 2>&1
}

ensure_binaries() {
    if find_bindir; then return 0; fi
    if ! is_root; then
        die "PostgreSQL server programs (initdb, pg_ctl) are not installed." \
            "Install them, e.g. 'sudo apt-get install postgresql' on Debian/Ubuntu," \
            "then run make again.  Or set DATABASE_URL to an existing PostgreSQL database."
    fi
    step "installing PostgreSQL with apt-get (running as root, none found)"
    command -v apt-get >/dev/null 2>&1 || die "no PostgreSQL server found and no apt-get to install one." \
        "Install the PostgreSQL server, or set PG_BINDIR to the folder holding initdb and pg_ctl."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q </dev/null || die "apt-get update failed (see above)."
    apt-get install -y -q --no-install-recommends postgresql </dev/null \
        || die "apt-get install postgresql failed (see above)."
    find_bindir || die "postgresql was installed but initdb/pg_ctl were not found under $PG_LIB/*/bin."
}

# --- who runs the server, and where its files live -----------------------

# Sets SRV_USER (the account that runs postgres).
pick_server_user() {
    local me owner
    me="$(id -un)"
    owner=""
    [ -e "$DATA" ] && owner="$(stat -L -c %U "$DATA")"
    if ! is_root; then
        SRV_USER="$me"
        if [ -e "$PGROOT" ] && [ -z "$owner" ]; then
            owner="$(stat -L -c %U "$PGROOT" 2>/dev/null || echo '?')"
            [ "$owner" = "$me" ] && owner=""
        fi
        if [ -n "$owner" ] && [ "$owner" != "$me" ]; then
            if [ "$owner" = postgres ] || [ "$owner" = root ]; then
                die "the cluster in var/pg was made by root (root runs it as user postgres), not by you ('$me')." \
                    "Run make as root, or have root run 'make clean-db' so that yours can be created."
            fi
            die "the cluster in var/pg belongs to '$owner', not to you ('$me')." \
                "Run make as $owner (or as root), or ask root to run 'make clean-db'."
        fi
        return 0
    fi
    if [ -n "$owner" ] && [ "$owner" != root ]; then
        SRV_USER="$owner"          # e.g. sudo make in an ordinary user's clone
    elif [ -n "$owner" ]; then
        die "the cluster in $DATA is owned by root; PostgreSQL cannot run as root." \
            "Run 'make clean-db' to delete it; the next run recreates it as user postgres."
    else
        SRV_USER=postgres
    fi
    id "$SRV_USER" >/dev/null 2>&1 || die "running as root, but there is no '$SRV_USER' user to run PostgreSQL." \
        "Install the postgresql package (it creates that user), or run make as an ordinary user."
}

# Run a command as the server user (from /, so an unreachable cwd is no issue).
as_srv() {
    if [ "$(id -un)" = "$SRV_USER" ]; then
        "$@"
    elif command -v runuser >/dev/null 2>&1; then
        (cd / && runuser -u "$SRV_USER" -- "$@")
    else
        local q; q="$(printf '%q ' "$@")"
        (cd / && su -s /bin/sh "$SRV_USER" -c "$q")
    fi
}

# Create var/pg (and the socket folder) so that SRV_USER can use them.
prepare_dirs() {
    mkdir -p "$VAR"
    if [ "$SRV_USER" = "$(id -un)" ]; then
        mkdir -p "$PGROOT"
        chmod 700 "$PGROOT"
    else
        # Root, serving as another user: that user must be able to reach var/pg.
        if [ -L "$PGROOT" ]; then
            local target; target="$(readlink "$PGROOT")"
            mkdir -p "$target"
            chown "$SRV_USER:" "$target"; chmod 700 "$target"
        elif [ -d "$PGROOT" ]; then
            chown "$SRV_USER:" "$PGROOT"; chmod 700 "$PGROOT"
        else
            chmod a+x "$VAR"   # var/ is ours; others may need to pass through it
            if as_srv sh -c 'cd "$1"' _ "$VAR" 2>/dev/null; then
                mkdir -p "$PGROOT"
                chown "$SRV_USER:" "$PGROOT"; chmod 700 "$PGROOT"
            else
                local ext; ext="$EXTERNAL_BASE/$(project_hash)"
                step "user $SRV_USER cannot reach $VAR (a parent folder is closed to it):"
                info "keeping the cluster in $ext, linked as var/pg"
                mkdir -p "$EXTERNAL_BASE" "$ext"
                chown "$SRV_USER:" "$EXTERNAL_BASE" "$ext"
                chmod 700 "$ext"; chmod 755 "$EXTERNAL_BASE"
                printf '%s\n' "$PROJECT" >"$ext/PROJECT"
                chown "$SRV_USER:" "$ext/PROJECT"
                ln -sfn "$ext" "$PGROOT"
            fi
        fi
    fi
    as_srv mkdir -p "$(real "$PGROOT")/run" "$(real "$PGROOT")/log"
    local sock; sock="$(socket_dir)"
    if [ "$sock" != "$RUN" ]; then
        # Short socket folder in /tmp (deep clone); owned by the server user.
        if [ -e "$sock" ] && [ "$(stat -c %U "$sock")" != "$SRV_USER" ]; then
            die "$sock exists but belongs to $(stat -c %U "$sock"); remove it and run make again."
        fi
        as_srv mkdir -p "$sock"
    fi
    as_srv chmod 700 "$(real "$sock")"
}

real() { readlink -f "$1"; }

server_socket_dir() { real "$(socket_dir)"; }

# --- the cluster ---------------------------------------------------------

pg_running() {
    [ -f "$DATA/postmaster.pid" ] || return 1
    as_srv "$BINDIR/pg_ctl" -D "$(real "$DATA")" status >/dev/null 2>&1
}

# A server killed with SIGKILL (or a reboot) leaves postmaster.pid behind.
# PostgreSQL itself ignores it unless its PID now belongs to another process;
# remove it when that PID is not a postgres process serving this cluster.
clear_stale_pid() {
    local pidfile="$DATA/postmaster.pid" pid
    [ -f "$pidfile" ] || return 0
    pid="$(head -n1 "$pidfile" 2>/dev/null || true)"
    if [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] \
        && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$(real "$DATA")"; then
        return 0   # a live postgres: leave it alone
    fi
    step "removing stale postmaster.pid (process ${pid:-?} is not this cluster's server: it was killed or the machine restarted)"
    rm -f "$pidfile"
    rm -f "$(socket_dir)/.s.PGSQL.$PGPORT_PRIVATE" "$(socket_dir)/.s.PGSQL.$PGPORT_PRIVATE.lock"
}

show_log() {
    if [ -f "$LOG" ]; then
        printf -- '---- last lines of %s ----\n' "$LOG" >&2
        tail -n 25 "$LOG" >&2 || true
        printf -- '----\n' >&2
    fi
}

init_cluster() {
    [ -f "$DATA/PG_VERSION" ] && return 0
    if [ -e "$DATA" ]; then
        # An interrupted initdb leaves a half-made folder: start over.
        [ -z "$(ls -A "$DATA" 2>/dev/null)" ] || info "removing an incomplete cluster in $DATA"
        rm -rf "$(real "$DATA")"
    fi
    step "creating the PostgreSQL cluster in var/pg/data (initdb, PostgreSQL $("$BINDIR/postgres" --version | awk '{print $3}'), server user $SRV_USER)"
    local data; data="$(real "$PGROOT")/data"
    if ! as_srv "$BINDIR/initdb" -D "$data" -U "$DB_USER" --auth=trust \
            --encoding=UTF8 --locale=C.UTF-8 >"$LOGDIR/initdb.log" 2>&1; then
        cat "$LOGDIR/initdb.log" >&2
        die "initdb failed (output above, also in $LOGDIR/initdb.log)."
    fi
    # Only the unix socket, only trust: nothing is reachable over the network.
    as_srv sh -c 'cat >"$1/pg_hba.conf"' _ "$data" <<'EOF'
# Private development cluster of the Concordance project (scripts/db.sh).
# Unix socket only (listen_addresses = ''), no password.
local   all   all   trust
EOF
    as_srv sh -c 'cat >>"$1/postgresql.conf"' _ "$data" <<'EOF'

# --- added by scripts/db.sh (private development cluster) ---
listen_addresses = ''           # no TCP at all; the socket folder is set at start-up
unix_socket_permissions = 0700
log_line_prefix = '%m [%p] '
EOF
}

start_cluster() {
    clear_stale_pid
    if pg_running; then
        info "PostgreSQL is already running (socket in $(socket_dir))"
        return 0
    fi
    step "starting PostgreSQL (log: var/pg/log/postgres.log)"
    local sock; sock="$(server_socket_dir)"
    if ! as_srv "$BINDIR/pg_ctl" -D "$(real "$DATA")" -l "$(real "$LOGDIR")/postgres.log" \
            -w -t 60 -o "-c listen_addresses= -k $sock -p $PGPORT_PRIVATE" start >/dev/null 9>&-; then
        show_log
        die "PostgreSQL did not start (log above)." \
            "If the cluster is damaged and holds nothing you need: make clean-db, then make again."
    fi
}

# Settings that trade confirmed saves for speed, as older versions of this
# script wrote them (synchronous_commit = off) or anyone might add them.
UNSAFE_SETTINGS='^[[:space:]]*(synchronous_commit|fsync|full_page_writes)[[:space:]]*=[[:space:]]*'"'"'?(off|false|no|0)'"'"'?'

# Give an existing cluster back its durability: remove those lines from
# postgresql.conf (and from postgresql.auto.conf, ALTER SYSTEM's), then
# reload the running server, which applies all three without a restart.
ensure_durability() {
    local data conf changed=0
    data="$(real "$DATA")"
    for conf in "$data/postgresql.conf" "$data/postgresql.auto.conf"; do
        as_srv test -f "$conf" || continue
        if as_srv grep -Eiq "$UNSAFE_SETTINGS" "$conf"; then
            step "restoring full durability: removing $(as_srv grep -Ei "$UNSAFE_SETTINGS" "$conf" | tr -s ' ' | paste -sd ';' -) from $(basename "$conf")"
            as_srv sed -Ei "/$UNSAFE_SETTINGS/Id" "$conf"
            changed=1
        fi
    done
    if [ "$changed" = 1 ] && pg_running; then
        as_srv "$BINDIR/pg_ctl" -D "$data" reload >/dev/null
    fi
}

psql_admin() {
    "$BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h "$(socket_dir)" -p "$PGPORT_PRIVATE" -U "$DB_USER" "$@"
}

ensure_database() {
    local exists
    if ! exists="$(psql_admin -d postgres -Atc "select 1 from pg_database where datname = '$DB_NAME'" 2>&1)"; then
        show_log
        die "cannot connect to the private cluster as role $DB_USER: $exists"
    fi
    if [ "$exists" != 1 ]; then
        step "creating database $DB_NAME (owner $DB_USER, a superuser)"
        "$BINDIR/createdb" -h "$(socket_dir)" -p "$PGPORT_PRIVATE" -U "$DB_USER" -O "$DB_USER" "$DB_NAME"
    fi
}

with_lock() {
    # Two makes at once (run + test) must not both initdb or start.
    mkdir -p "$VAR" 2>/dev/null || true
    if ! { exec 9>>"$VAR/.db.lock"; } 2>/dev/null; then
        die "cannot write $VAR/.db.lock: var/ belongs to $(stat -c %U "$VAR" 2>/dev/null || echo someone else)." \
            "It was probably made by 'sudo make' or root; run make as that user, or have root" \
            "run 'make clean-db' and 'chown -R $(id -un) $VAR'."
    fi
    if command -v flock >/dev/null 2>&1; then
        flock -w 120 9 || die "another scripts/db.sh has held $VAR/.db.lock for 2 minutes."
    fi
}

cmd_ensure() {
    with_lock
    ensure_binaries
    pick_server_user
    prepare_dirs
    init_cluster
    ensure_durability
    start_cluster
    ensure_database
    info "database ready: $(url)"
}

cmd_stop() {
    with_lock
    if [ ! -f "$DATA/PG_VERSION" ]; then
        info "no private cluster in var/pg (nothing to stop)"
        return 0
    fi
    find_bindir || die "PostgreSQL programs not found: cannot stop the cluster in $DATA."
    pick_server_user
    clear_stale_pid
    if pg_running; then
        step "stopping PostgreSQL (var/pg)"
        as_srv "$BINDIR/pg_ctl" -D "$(real "$DATA")" -m fast -w -t 60 stop >/dev/null \
            || { show_log; die "pg_ctl stop failed (log above)."; }
    else
        info "PostgreSQL is not running"
    fi
}

cmd_clean() {
    cmd_stop
    local target=""
    [ -L "$PGROOT" ] && target="$(readlink -f "$PGROOT" || true)"
    if [ ! -e "$PGROOT" ] && [ ! -L "$PGROOT" ]; then info "no var/pg to delete"; return 0; fi
    step "deleting the private cluster (var/pg${target:+ -> $target})"
    if [ -n "$target" ] && [ -d "$target" ]; then rm -rf "$target"; fi
    rm -rf "$PGROOT"
    local sock; sock="$(socket_dir)"
    [ "$sock" = "$RUN" ] || rm -rf "$sock"
}

cmd_status() {
    if [ ! -f "$DATA/PG_VERSION" ]; then echo "no private cluster (var/pg/data)"; return 0; fi
    find_bindir || die "PostgreSQL programs not found."
    pick_server_user
    if pg_running; then echo "running as $SRV_USER; DATABASE_URL=$(url)"; else echo "stopped (make run / make test start it)"; fi
}

cmd_psql() {
    find_bindir || die "PostgreSQL programs not found."
    exec "$BINDIR/psql" -h "$(socket_dir)" -p "$PGPORT_PRIVATE" -U "$DB_USER" "$DB_NAME" "$@"
}

case "${1:-}" in
    ensure|start) cmd_ensure ;;
    stop)         cmd_stop ;;
    clean)        cmd_clean ;;
    status)       cmd_status ;;
    url)          url ;;
    psql)         shift; cmd_psql "$@" ;;
    *) echo "usage: $0 ensure|start|stop|clean|status|url|psql" >&2; exit 2 ;;
esac
