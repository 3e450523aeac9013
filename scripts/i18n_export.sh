#!/usr/bin/env bash
# Refresh each addon's i18n/<addon>.pot from a fresh database (with demo data,
# so demo terms are included) and merge it into its zh_CN.po: new terms arrive
# untranslated and the addon's test_i18n fails until they are translated.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh"
throwaway_db gov_i18n "$ROOT/var/i18n-install.log"
db=$THROWAWAY_DB
for addon in $(product_addons | tr , ' '); do
    i18n="$ROOT/addons/$addon/i18n"
    mkdir -p "$i18n"
    # Odoo 11 exports the template only to a file named .po.
    $ODOO -d "$db" --i18n-export="$ROOT/var/$addon.po" --modules="$addon" \
        --stop-after-init --workers=0 --http-port="$(free_port)" --longpolling-port="$(free_port)" \
        --log-level=warn
    mv "$ROOT/var/$addon.po" "$i18n/$addon.pot"
    "$PY" "$ROOT/scripts/po_merge.py" "$i18n/$addon.pot" "$i18n/zh_CN.po"
done
