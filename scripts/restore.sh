#!/usr/bin/env bash
# make restore FILE=var/backups/<db>-<date>.tar.gz [DB=newname]: a backup of
# scripts/backup.sh into a NEW database (default: the archive's database
# name) and its filestore var/filestore/filestore/<newname>.  Never
# overwrites: it refuses when the database or its filestore exists.  Built
# under a temporary name and renamed at the end, so a failed restore leaves
# nothing behind.  Serve it with `bin/odoo -c odoo.conf -d <newname>
# --db-filter='^<newname>$'` (odoo.conf serves gov_demo only).
source "$(dirname "$0")/lib.sh"

file=${1:-}
db=${2:-}
usage="usage: make restore FILE=var/backups/<db>-<date>.tar.gz [DB=newname]"
[ -n "$file" ] || die "$usage"
[ -f "$file" ] || die "no such backup archive: $file"$'\n'"$usage"
file=$(cd "$(dirname "$file")" && pwd)/$(basename "$file")
cd "$ROOT"

umask 077
mkdir -p "$ROOT/var/backups"
work=$(mktemp -d "$ROOT/var/backups/.restore-XXXXXX")   # same filesystem as the filestore
building=""
cleanup() {
    if [ -n "$building" ]; then dropdb --if-exists "$building" || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

started=$(date +%s.%N)
tar -xzf "$file" -C "$work" manifest.txt
source_db=$(sed -n 's/^database=//p' "$work/manifest.txt")
collate=$(sed -n 's/^lc_collate=//p' "$work/manifest.txt")
ctype=$(sed -n 's/^lc_ctype=//p' "$work/manifest.txt")
[ -n "$source_db" ] || die "$file is not a backup of scripts/backup.sh (no database in manifest.txt)"
db=${db:-$source_db}
check_db_name "$db"
filestore="$ROOT/var/filestore/filestore/$db"
if db_exists "$db"; then
    die "refusing to restore: the database $db already exists and restore never overwrites one."$'\n'"Restore under a new name: make restore FILE=${file#"$ROOT"/} DB=<newname>"
fi
if [ -e "$filestore" ]; then
    die "refusing to restore: a filestore for $db already exists (${filestore#"$ROOT"/})."$'\n'"Restore under a new name (DB=<newname>) or remove it first."
fi

log "restoring $source_db from ${file#"$ROOT"/} into the new database $db"
tar -xzf "$file" -C "$work"
[ -f "$work/database.dump" ] || die "$file holds no database.dump"
building="${db}_restoring_$$"
create=(--template=template0 --encoding=UTF8)   # with the original's collation
if [ -n "$collate" ]; then create+=(--lc-collate="$collate"); fi
if [ -n "$ctype" ]; then create+=(--lc-ctype="$ctype"); fi
createdb "${create[@]}" "$building"
pg_restore --no-owner --no-acl --exit-on-error --dbname="$building" "$work/database.dump"
# The target may have appeared meanwhile: the rename then fails, nothing is overwritten.
psql -d postgres -qc "ALTER DATABASE \"$building\" RENAME TO \"$db\""
building=""
mkdir -p "$(dirname "$filestore")"
if [ -d "$work/filestore" ]; then mv "$work/filestore" "$filestore"; else mkdir "$filestore"; fi
elapsed=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
log "restored $db (database and filestore) in $elapsed s"
