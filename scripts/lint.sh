#!/usr/bin/env bash
# make lint: ruff on all our Python, pylint-odoo's Odoo checks on the addons.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh"
log "ruff"
"$VENV/bin/ruff" check .
log "addon README.rst generated from readme/"
"$PY" "$ROOT/scripts/addon_readme.py" --check
log "pylint-odoo"
"$VENV/bin/pylint" --rcfile=.pylintrc addons/*/
echo "lint: clean"
