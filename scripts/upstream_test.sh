#!/usr/bin/env bash
# Odoo's own test suites for every Odoo module the product depends on, under
# our compatibility layer, on a fresh database that is dropped afterwards.
# Prints the totals; exits non-zero on any failure, error or ERROR log line.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh"

db="gov_upstream_$$"
log_file="$ROOT/var/upstream-test.log"
mkdir -p "$ROOT/var"
: > "$log_file"  # Odoo appends to its log file: count this run only
trap 'dropdb --if-exists "$db" 2>/dev/null; rm -rf "$ROOT/var/filestore/filestore/$db"' EXIT

modules=$(PYTHONPATH="$ROOT/compat" "$PY" "$ROOT/scripts/addon_deps.py" $(product_addons | tr , ' '))
# queue_job keeps most of its tests in a test addon of its own.
modules="$modules,test_queue_job"
log "upstream tests of: $modules"
port=$(free_port)
# --load: Odoo's own server-wide modules only; our addons' process patches
# (odoo.conf) are not part of what these suites test.
$ODOO -d "$db" -i "$modules" --test-enable --stop-after-init --workers=0 --load=web,queue_job \
    --max-cron-threads=0 --http-port="$port" --longpolling-port="$(free_port)" \
    --db-filter="^$db\$" --log-level=info --logfile="$log_file" || true
"$PY" "$ROOT/scripts/test_log_summary.py" "$log_file"
