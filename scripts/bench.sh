#!/usr/bin/env bash
# make bench: every bench/bench_*.py on a throwaway database, created here
# and dropped on exit.  Each script runs through `bin/odoo shell` under the
# compatibility layer and measures its baseline in the same run.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh"

db="gov_bench_$$"
mkdir -p "$ROOT/var"
cleanup() {
    dropdb --if-exists "$db" 2>/dev/null || true
    rm -rf "$ROOT/var/filestore/filestore/$db"
}
trap cleanup EXIT

log "benchmark database $db: installing gov_interaction with demo data and zh_CN"
install_db "$db" "$ROOT/var/bench-install.log"

for script in "$ROOT"/bench/bench_*.py; do
    log "$(basename "$script")"
    PYTHONPATH="$ROOT/compat" $ODOO_BIN shell -c "$ROOT/odoo.conf" -d "$db" --no-http --workers=0 \
        --max-cron-threads=0 --log-level=warn < "$script"
done
