#!/usr/bin/env bash
# make bench: every bench/*.py on a throwaway database, created here
# and dropped on exit.  Each script runs through `bin/odoo shell` under the
# compatibility layer and measures its baseline in the same run.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh"

throwaway_db gov_bench "$ROOT/var/bench-install.log"

for script in "$ROOT"/bench/*.py; do
    log "$(basename "$script")"
    case "$(basename "$script")" in
    bench_*)
        "$PY" "$ROOT/bin/odoo" shell -c "$ROOT/odoo.conf" -d "$THROWAWAY_DB" --no-http --workers=0 \
            --max-cron-threads=0 --log-level=warn < "$script" ;;
    *)  # drives a real server (prefork + longpolling behind nginx) on the database
        PYTHONPATH="$ROOT/compat${PYTHONPATH:+:$PYTHONPATH}" "$PY" "$script" "$THROWAWAY_DB" \
            2> "$ROOT/var/bench-$(basename "$script" .py).err" ;;
    esac
done
