#!/usr/bin/env bash
# Hostile input (make fuzz): schemathesis --checks all over every API
# operation of the served OpenAPI document, anonymously and as a citizen
# (GOV_FUZZ_EXAMPLES examples per operation, default 100: over 10,000
# requests), then the hostile-input pass over the API and the HTML forms, on
# a throwaway database.  Prints the counts; fails on any 5xx or failure.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh"

throwaway_db gov_fuzz "$ROOT/var/fuzz-install.log"
db=$THROWAWAY_DB

log "fuzzing (reports in var/fuzz/)"
export PYTHONPATH="$ROOT/compat${PYTHONPATH:+:$PYTHONPATH}" GOV_TEST_DB="$db" GOV_FUZZ_FULL=1 \
    GOV_FUZZ_EXAMPLES="${GOV_FUZZ_EXAMPLES:-100}"
"$PY" -m pytest --odoo-config="$ROOT/odoo.conf" --odoo-database="$db" -p no:cacheprovider -q -s \
    tests/test_api_fuzz_http.py "$@"
