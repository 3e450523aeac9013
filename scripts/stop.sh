#!/usr/bin/env bash
# make stop: stop the server started by make run (graceful, then forced).
source "$(dirname "$0")/lib.sh"
pidfile="$ROOT/var/odoo.pid"
"$PY" "$ROOT/scripts/gateway.py" stop "$ROOT/var/nginx"
if [ ! -f "$pidfile" ] || ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    echo "no demo server running"
    rm -f "$pidfile"
    exit 0
fi
pid=$(cat "$pidfile")
kill -INT "$pid"
for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
rm -f "$pidfile"
echo "stopped (pid $pid)"
