# Shared shell helpers for the make targets. Sourced, not executed.
# Everything is idempotent: a second run reuses what exists.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PY="$VENV/bin/python"
ODOO="$PY $ROOT/bin/odoo -c $ROOT/odoo.conf"
DB_USER=odoo
DB_PASSWORD=odoo
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=$DB_USER PGPASSWORD=$DB_PASSWORD
export PGOPTIONS='-c client_min_messages=warning'   # no NOTICE from dropdb --if-exists
export PATH="$ROOT/node_modules/.bin:$PATH"   # lessc 2.7 for Odoo's assets

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf '%s\n' "$*" >&2; exit 1; }

# A database name the scripts may put in paths, SQL and tar patterns.
check_db_name() {
    [[ "$1" =~ ^[A-Za-z][A-Za-z0-9_-]{0,39}$ ]] \
        || die "invalid database name '$1': letters, digits, _ and -, at most 40 characters"
}

# Run a command as root: directly when we are root, else through sudo.
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Only called when something is missing, so the index refresh is cheap overall.
apt_install() {
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Run a command, showing its output only if it fails.
quiet() {
    local out; out=$(mktemp)
    if ! "$@" >"$out" 2>&1; then cat "$out" >&2; rm -f "$out"; return 1; fi
    rm -f "$out"
}

# A stamp file records the hash of the inputs of an install step, so the step
# reruns only when they change.
stamp_ok() { [ -f "$1" ] && [ "$(cat "$1")" = "$2" ]; }
inputs_hash() { cat "$@" | sha256sum | cut -d' ' -f1; }

psql_admin() { as_root runuser -u postgres -- env -u PGHOST -u PGUSER -u PGPASSWORD psql -v ON_ERROR_STOP=1 -qtA "$@"; }

db_exists() { [ "$(psql -d postgres -qtAc "SELECT 1 FROM pg_database WHERE datname='$1'")" = 1 ]; }

free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Every addon of ours (addons/*/__manifest__.py), comma-separated.
product_addons() { (cd "$ROOT/addons" && ls -d */__manifest__.py | cut -d/ -f1 | paste -sd, -); }

# Create database $1 with our addons, their demo data and zh_CN.  Fails, with
# the log's tail, if the install fails or logs any ERROR line (log file: $2).
install_db() {
    local db=$1 logfile=$2
    : > "$logfile"
    if ! $ODOO -d "$db" -i "$(product_addons)" --load-language=zh_CN --stop-after-init \
            --workers=0 --max-cron-threads=0 --http-port="$(free_port)" \
            --longpolling-port="$(free_port)" --log-level=warn --logfile="$logfile"; then
        tail -n 50 "$logfile" >&2
        return 1
    fi
    if grep -E ' (ERROR|CRITICAL) ' "$logfile" >&2; then
        echo "installing the addons logged errors ($logfile)" >&2
        return 1
    fi
}

# A database for one run: named $1_<pid>, created with install_db (log: $2)
# and dropped, with its filestore, when the calling script exits.
throwaway_db() {
    THROWAWAY_DB="$1_$$"
    mkdir -p "$ROOT/var"
    trap 'dropdb --if-exists "$THROWAWAY_DB" 2>/dev/null || true; rm -rf "$ROOT/var/filestore/filestore/$THROWAWAY_DB"' EXIT
    log "database $THROWAWAY_DB: installing $(product_addons) with demo data and zh_CN"
    install_db "$THROWAWAY_DB" "$2"
}
