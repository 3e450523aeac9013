#!/usr/bin/env bash
# The whole project test suite (pytest-odoo) against a fresh, throwaway
# database, created here and dropped on exit.  Extra arguments go to pytest.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh" browser

throwaway_db gov_test "$ROOT/var/test-install.log"
db=$THROWAWAY_DB

log "pytest"
export PYTHONPATH="$ROOT/compat${PYTHONPATH:+:$PYTHONPATH}" GOV_TEST_DB="$db"
set +e
"$PY" -m pytest --odoo-config="$ROOT/odoo.conf" --odoo-database="$db" "$@"
status=$?
set -e
exit $status
