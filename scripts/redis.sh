#!/usr/bin/env bash
# Debian's redis-server, for running several application servers on one cache
# (CACHE_URL=redis://…) and for the tests that show it (tests/versioning).
#
#   bash scripts/redis.sh ensure       install redis-server if it is missing and we
#                                      are root with apt-get (CI: fresh Debian 12);
#                                      otherwise say what to install.  Never fails:
#                                      without it, the Redis tests are skipped with
#                                      that same message (as root they fail instead).
#   bash scripts/redis.sh start DIR    start a private redis-server on a unix socket
#                                      in DIR (no TCP listener, nothing written to
#                                      disk) and print its CACHE_URL
#   bash scripts/redis.sh stop DIR     stop it
#
# REDIS_SERVER=/path/to/redis-server overrides the search.
set -euo pipefail

step() { printf '==> %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$1" >&2; shift; for l in "$@"; do printf '         %s\n' "$l" >&2; done; }
die() { printf 'error: %s\n' "$1" >&2; exit 1; }

find_server() {
    if [ -n "${REDIS_SERVER:-}" ]; then
        [ -x "$REDIS_SERVER" ] && { printf '%s\n' "$REDIS_SERVER"; return 0; }
        return 1
    fi
    command -v redis-server 2>/dev/null && return 0
    [ -x /usr/bin/redis-server ] && { printf '%s\n' /usr/bin/redis-server; return 0; }
    return 1
}

ensure() {
    local found
    if found="$(find_server)"; then
        step "Redis tests will use $found"
        return 0
    fi
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        step "installing redis-server with apt-get (the several-servers tests start one)"
        export DEBIAN_FRONTEND=noninteractive
        # Installed to be started by the tests on a socket of their own, not as a system service.
        if apt-get update -q </dev/null && apt-get install -y -q --no-install-recommends redis-server </dev/null \
            && found="$(find_server)"; then
            command -v systemctl >/dev/null 2>&1 && systemctl disable --now redis-server >/dev/null 2>&1 || true
            step "Redis tests will use $found"
            return 0
        fi
        warn "apt-get install redis-server failed (see above): as root, the Redis tests fail without it."
        return 0
    fi
    warn "redis-server is not installed: the Redis tests (tests/versioning) will be skipped." \
        "Install it with: sudo apt-get install redis-server   (Debian/Ubuntu)"
}

start() {
    local dir="${1:?usage: scripts/redis.sh start DIR}" server
    server="$(find_server)" || die "redis-server is not installed (bash scripts/redis.sh ensure says how)."
    mkdir -p "$dir"
    dir="$(cd "$dir" && pwd -P)"
    "$server" --port 0 --unixsocket "$dir/redis.sock" --unixsocketperm 700 --daemonize yes \
        --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --dir "$dir" --save '' --appendonly no \
        || die "redis-server did not start (see $dir/redis.log)."
    for _ in $(seq 1 100); do
        [ -S "$dir/redis.sock" ] && { printf 'unix://%s/redis.sock\n' "$dir"; return 0; }
        sleep 0.05
    done
    die "redis-server did not open $dir/redis.sock within 5 s (see $dir/redis.log)."
}

stop() {
    local dir="${1:?usage: scripts/redis.sh stop DIR}"
    local pid
    pid="$(cat "$dir/redis.pid" 2>/dev/null)" || return 0
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.05
    done
}

case "${1:-}" in
    ensure) ensure ;;
    start) start "${2:-}" ;;
    stop) stop "${2:-}" ;;
    *) die "usage: bash scripts/redis.sh ensure | start DIR | stop DIR" ;;
esac
