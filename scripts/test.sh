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

log "test database $db: installing $(product_addons) with demo data and zh_CN"
install_db "$db" "$ROOT/var/test-install.log"

log "pytest"
export PYTHONPATH="$ROOT/compat${PYTHONPATH:+:$PYTHONPATH}" GOV_TEST_DB="$db"
set +e
"$PY" -m pytest --odoo-config="$ROOT/odoo.conf" --odoo-database="$db" "$@"
status=$?
set -e
exit $status
