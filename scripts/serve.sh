#!/usr/bin/env bash
# `make serve`: the app under gunicorn, behind a buffering nginx.
#
#   client ──► nginx 127.0.0.1:PORT ──► gunicorn 127.0.0.1:UPSTREAM_PORT (WORKERS sync workers)
#
# Why nginx: a sync gunicorn worker is held by one connection from its first
# byte to its last. Three clients sending one header byte every two seconds
# held all three workers and the site was unreachable for 30 s. nginx reads
# each request in full (headers and body, bounded in size and time) before
# passing it on, and takes the response at once, so a worker only ever
# serves a complete request at loopback speed; slow or idle connections cost
# nginx a few kilobytes each.
#
# nginx also refuses bodies over 2 MiB with 413 (as Django does, see
# MAX_REQUEST_BODY_BYTES), sets X-Forwarded-For (the sign-in throttle keys on
# it: DJANGO_TRUST_X_FORWARDED_FOR=1 below) and X-Request-ID (its $request_id,
# logged by both).
#
# Everything nginx needs is under NGINX_DIR (default var/nginx): its
# configuration, written here at each start, pid, logs and temporary files.
# No root is needed to run it on a port above 1023. When nginx is missing,
# root installs Debian's package (as scripts/db.sh installs PostgreSQL);
# anyone else is told how.
#
# The environment (production settings) comes from the Makefile. Ctrl-C or
# SIGTERM stops both servers.
#
# Overrides: PORT (8000), UPSTREAM_PORT (PORT+1), WORKERS (3), NGINX_DIR,
# GUNICORN (.venv/bin/gunicorn), NGINX (the nginx program).
set -euo pipefail

PROJECT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
PORT="${PORT:-8000}"
UPSTREAM_PORT="${UPSTREAM_PORT:-$((PORT + 1))}"
WORKERS="${WORKERS:-3}"
NGINX_DIR="${NGINX_DIR:-$PROJECT/var/nginx}"
GUNICORN="${GUNICORN:-$PROJECT/.venv/bin/gunicorn}"
# Bodies nginx accepts; Django's own limit is the same (concordance/settings.py).
MAX_BODY=2m

step() { printf '==> %s\n' "$*"; }
die()  { printf 'error: %s\n' "$1" >&2; shift; for l in "$@"; do printf '       %s\n' "$l" >&2; done; exit 1; }

find_nginx() {
    if [ -z "${NGINX:-}" ]; then
        # /usr/sbin is often not on an ordinary user's PATH.
        NGINX="$(command -v nginx || true)"
        if [ -z "$NGINX" ] && [ -x /usr/sbin/nginx ]; then NGINX=/usr/sbin/nginx; fi
    fi
    [ -n "$NGINX" ] && [ -x "$NGINX" ]
}

ensure_nginx() {
    find_nginx && return 0
    if [ "$(id -u)" -ne 0 ]; then
        die "nginx is not installed: make serve puts it in front of gunicorn (slow clients cannot hold the workers)." \
            "Install it, e.g. 'sudo apt-get install nginx' on Debian/Ubuntu (no service needs to run:" \
            "make serve starts its own, as you, on port $PORT), then run make serve again."
    fi
    command -v apt-get >/dev/null 2>&1 || die "nginx is not installed and there is no apt-get to install it."
    step "installing nginx with apt-get (running as root, none found)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q --no-install-recommends nginx </dev/null \
        || { apt-get update -q </dev/null && apt-get install -y -q --no-install-recommends nginx </dev/null; } \
        || die "apt-get install nginx failed (see above)."
    find_nginx || die "nginx was installed but is not on PATH nor in /usr/sbin."
}

write_config() {
    mkdir -p "$NGINX_DIR/tmp" "$NGINX_DIR/log"
    local user_line=""
    if [ "$(id -u)" -eq 0 ]; then
        # nginx's workers drop root; they keep bodies and responses in memory
        # (no temporary files), so they need no access to the project.
        user_line="user www-data;"
        id www-data >/dev/null 2>&1 || user_line="user nobody nogroup;"
        chmod 755 "$NGINX_DIR" "$NGINX_DIR/tmp"
    fi
    cat >"$NGINX_DIR/nginx.conf" <<EOF
# Written by scripts/serve.sh at each start; edits are lost.
$user_line
worker_processes 1;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/log/error.log warn;
daemon off;

events {
    worker_connections 4096;
}

http {
    # The combined format, then the request id that gunicorn's log and the
    # site's error log carry too.
    log_format with_id '\$remote_addr - \$remote_user [\$time_local] "\$request" \$status \$body_bytes_sent '
                       '"\$http_referer" "\$http_user_agent" \$request_time \$request_id';
    access_log $NGINX_DIR/log/access.log with_id;
    client_body_temp_path $NGINX_DIR/tmp/body;
    proxy_temp_path $NGINX_DIR/tmp/proxy;
    fastcgi_temp_path $NGINX_DIR/tmp/fastcgi;
    uwsgi_temp_path $NGINX_DIR/tmp/uwsgi;
    scgi_temp_path $NGINX_DIR/tmp/scgi;
    server_tokens off;

    # A client gets 10 s to send its headers, and 10 s between two reads of
    # its body; gunicorn sees none of it until the request is complete.
    client_header_timeout 10s;
    client_body_timeout 10s;
    send_timeout 30s;
    keepalive_timeout 15s;
    client_max_body_size $MAX_BODY;
    client_body_buffer_size $MAX_BODY;
    large_client_header_buffers 4 16k;

    upstream gunicorn {
        server 127.0.0.1:$UPSTREAM_PORT;
    }

    server {
        listen 127.0.0.1:$PORT;
        server_name _;

        location / {
            proxy_pass http://gunicorn;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Request-ID \$request_id;
            proxy_request_buffering on;
            proxy_buffering on;
            proxy_buffers 64 16k;
            proxy_max_temp_file_size 0;
            proxy_connect_timeout 5s;
            proxy_read_timeout 60s;
        }
    }
}
EOF
}

if [ "${1:-}" = "ensure" ]; then
    # `make test`: the slow-client test needs nginx. Root installs it; an
    # ordinary user without it is told, and that one test says it is skipped.
    if [ "$(id -u)" -ne 0 ] && ! find_nginx; then
        echo "==> nginx is not installed: tests/ops/test_slow_clients.py will be skipped (apt-get install nginx)"
        exit 0
    fi
    ensure_nginx
    exit 0
fi

ensure_nginx
write_config
"$NGINX" -t -q -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -e "$NGINX_DIR/log/error.log" \
    || die "nginx refuses the configuration written in $NGINX_DIR/nginx.conf (above)."

nginx_pid="" gunicorn_pid=""
stop() {
    trap - INT TERM EXIT
    [ -n "$gunicorn_pid" ] && kill -TERM "$gunicorn_pid" 2>/dev/null || true
    [ -n "$nginx_pid" ] && kill -QUIT "$nginx_pid" 2>/dev/null || true
    wait 2>/dev/null || true
}
trap stop INT TERM EXIT

ctl=""
if "$GUNICORN" --help 2>/dev/null | grep -q -- --no-control-socket; then ctl=--no-control-socket; fi
# --preload: the master imports the app and warms it up once (concordance/warm_up.py)
# before forking the workers; gunicorn.conf.py opens each worker's connection.
DJANGO_TRUST_X_FORWARDED_FOR=1 "$GUNICORN" concordance.wsgi --chdir "$PROJECT" --preload \
    --config "$PROJECT/gunicorn.conf.py" \
    --bind "127.0.0.1:$UPSTREAM_PORT" --workers "$WORKERS" \
    --access-logfile - --error-logfile - $ctl \
    --access-logformat '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %({x-request-id}i)s' &
gunicorn_pid=$!
"$NGINX" -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -e "$NGINX_DIR/log/error.log" &
nginx_pid=$!
step "serving http://127.0.0.1:$PORT/ : nginx (logs in ${NGINX_DIR#"$PROJECT"/}/log) in front of gunicorn on 127.0.0.1:$UPSTREAM_PORT, $WORKERS workers (Ctrl-C stops both)"

# Either server stopping stops the other.
wait -n "$gunicorn_pid" "$nginx_pid" || true
