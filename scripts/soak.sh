#!/usr/bin/env bash
# No letter lost under faults (make soak): scripts/soak.py on a throwaway
# database; extra arguments go to soak.py (--count, --clients, --no-kill,
# --no-postgres-restart).  The PostgreSQL restart cuts every database of
# the machine for a few seconds: run it alone.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh"

throwaway_db gov_soak "$ROOT/var/soak-install.log"
export PYTHONPATH="$ROOT/compat${PYTHONPATH:+:$PYTHONPATH}"
"$PY" "$ROOT/scripts/soak.py" --db "$THROWAWAY_DB" "$@"
