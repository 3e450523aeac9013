#!/usr/bin/env bash
# make run: set everything up, create the zh_CN demo database once, serve it.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh"

DEMO_DB=gov_demo
mkdir -p "$ROOT/var"

create_demo_db() {
    # Build under a temporary name and rename at the end, so an interrupted
    # build never leaves a half-made gov_demo behind.
    local tmp="${DEMO_DB}_build" filestore="$ROOT/var/filestore/filestore"
    dropdb --if-exists "$tmp"
    rm -rf "${filestore:?}/$tmp"
    log "creating the demo database $DEMO_DB (addons, demo data, zh_CN): about a minute"
    install_db "$tmp" "$ROOT/var/demo-install.log"
    psql -d postgres -qc "ALTER DATABASE $tmp RENAME TO $DEMO_DB"
    if [ -d "$filestore/$tmp" ]; then mv "$filestore/$tmp" "$filestore/$DEMO_DB"; fi
}

install_new_addons() {
    # After a pull that brought a new addon, the existing demo gets it too.
    local missing
    missing=$(comm -23 <(product_addons | tr , '\n' | sort) \
        <(psql -d "$DEMO_DB" -tAc "SELECT name FROM ir_module_module WHERE state = 'installed'" | sort) \
        | paste -sd, -)
    [ -z "$missing" ] && return
    log "installing new addons into $DEMO_DB: $missing"
    $ODOO -d "$DEMO_DB" -i "$missing" --stop-after-init --workers=0 --max-cron-threads=0 \
        --http-port="$(free_port)" --longpolling-port="$(free_port)" --log-level=warn \
        --logfile="$ROOT/var/demo-install.log"
}

check_new_dependencies() {
    # A new Odoo or OCA dependency of an existing addon (e.g. the staff-account
    # addons) leaves our addons unloadable in an older demo: rebuild it.
    local missing
    missing=$(comm -23 <(PYTHONPATH="$ROOT/compat" "$PY" "$ROOT/scripts/addon_deps.py" \
            $(product_addons | tr , ' ') | tr , '\n' | sort) \
        <(psql -d "$DEMO_DB" -tAc "SELECT name FROM ir_module_module WHERE state = 'installed'" | sort) \
        | paste -sd, -)
    [ -z "$missing" ] && return
    echo "$DEMO_DB lacks modules our addons now depend on ($missing): make demo-reset && make run" >&2
    exit 1
}

if db_exists "$DEMO_DB"; then install_new_addons; check_new_dependencies; else create_demo_db; fi

if [ -f "$ROOT/var/odoo.pid" ] && kill -0 "$(cat "$ROOT/var/odoo.pid")" 2>/dev/null; then
    echo "The demo server is already running (pid $(cat "$ROOT/var/odoo.pid")): make stop" >&2
    exit 1
fi

# The server's own config: odoo.conf with the master password generated at
# the first run (var/master-password, mode 0600, never committed).
LOCAL_CONF=$("$PY" "$ROOT/scripts/local_config.py" "$ROOT")

cat <<MSG

  政府网站互动交流平台 · demo (database $DEMO_DB, zh_CN)
  Website:      http://127.0.0.1:8069/
  Back office:  http://127.0.0.1:8069/web/login
  Logins (password = login):
                admin        administrator
                clerk        受理员 clerk            supervisor   督办员 supervisor
                office       办公厅 general office
                handler_edu  承办人 省教育厅        manager_edu  部门负责人 省教育厅
                handler_env  承办人 省生态环境厅    manager_env  部门负责人 省生态环境厅
                citizen      公众 citizen            citizen2     公众 citizen
  Master password (database manager, off while list_db = False):
                in var/master-password (generated, mode 0600, git-ignored)
  Stop:         Ctrl-C here, or make stop
  Log:          var/odoo.log

MSG
trap '"$PY" "$ROOT/scripts/gateway.py" stop "$ROOT/var/nginx"' EXIT
"$PY" "$ROOT/scripts/gateway.py" start "$ROOT/var/nginx" 8069 8070 8072
"$PY" "$ROOT/bin/odoo" -c "$LOCAL_CONF" -d "$DEMO_DB" --pidfile="$ROOT/var/odoo.pid" \
    --logfile="$ROOT/var/odoo.log"
