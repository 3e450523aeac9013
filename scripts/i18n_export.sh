#!/usr/bin/env bash
# Refresh addons/gov_interaction/i18n/gov_interaction.pot from a fresh database
# (with demo data, so demo terms are included) and merge it into zh_CN.po:
# new terms arrive untranslated and tests/test_i18n fails until translated.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh"
addon="$ROOT/addons/gov_interaction"
db="gov_i18n_$$"
trap 'dropdb --if-exists "$db"; rm -rf "$ROOT/var/filestore/filestore/$db"' EXIT
install_db "$db" "$ROOT/var/i18n-install.log"
# Odoo 11 exports the template only to a file named .po.
$ODOO -d "$db" --i18n-export="$ROOT/var/gov_interaction.po" --modules=gov_interaction \
    --stop-after-init --workers=0 --http-port="$(free_port)" --longpolling-port="$(free_port)" \
    --log-level=warn
mv "$ROOT/var/gov_interaction.po" "$addon/i18n/gov_interaction.pot"
"$PY" "$ROOT/scripts/po_merge.py" "$addon/i18n/gov_interaction.pot" "$addon/i18n/zh_CN.po"
