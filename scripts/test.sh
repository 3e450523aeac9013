#!/usr/bin/env bash
# The whole project test suite (pytest-odoo) against a fresh, throwaway
# database, created here and dropped on exit.  Extra arguments go to pytest.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh" browser

db="gov_test_$$"
mkdir -p "$ROOT/var"
cleanup() {
    dropdb --if-exists "$db" 2>/dev/null || true
    rm -rf "$ROOT/var/filestore/filestore/$db"
}
trap cleanup EXIT

log "test database $db: installing gov_interaction with demo data and zh_CN"
if ! $ODOO -d "$db" -i gov_interaction --load-language=zh_CN --stop-after-init \
        --workers=0 --max-cron-threads=0 --http-port="$(free_port)" \
        --longpolling-port="$(free_port)" --log-level=warn \
        --logfile="$ROOT/var/test-install.log"; then
    tail -n 50 "$ROOT/var/test-install.log" >&2
    exit 1
fi
if grep -E ' (ERROR|CRITICAL) ' "$ROOT/var/test-install.log"; then
    echo "installing the addons logged errors (var/test-install.log)" >&2
    exit 1
fi

log "pytest"
export PYTHONPATH="$ROOT/compat${PYTHONPATH:+:$PYTHONPATH}" GOV_TEST_DB="$db"
set +e
"$PY" -m pytest --odoo-config="$ROOT/odoo.conf" --odoo-database="$db" "$@"
status=$?
set -e
exit $status
