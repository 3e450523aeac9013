#!/usr/bin/env bash
# Two Odoo servers on one database behind one nginx (make scale-test):
# scripts/scale_test.py on a throwaway database; extra arguments go to it
# (--letters, --clients, --viewers).
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh"

throwaway_db gov_scale "$ROOT/var/scale-install.log"
export PYTHONPATH="$ROOT/compat${PYTHONPATH:+:$PYTHONPATH}"
"$PY" "$ROOT/scripts/scale_test.py" --db "$THROWAWAY_DB" "$@"
