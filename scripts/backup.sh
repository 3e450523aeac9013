#!/usr/bin/env bash
# make backup [DB=gov_demo]: the database (pg_dump custom format) and its
# filestore (var/filestore/filestore/<db>) in one dated archive
#   var/backups/<db>-YYYYmmdd-HHMMSS.tar.gz
# holding manifest.txt, database.dump and filestore/.  The archive carries
# the letter writers' identities: it is readable by its owner only.  The
# database is dumped first, then the filestore is read, so every attachment
# the dump knows was already on disk.  Prints the archive's path.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

db=${1:-gov_demo}
check_db_name "$db"
db_exists "$db" || die "no database $db"

umask 077
backups="$ROOT/var/backups"
mkdir -p "$backups"
archive="$backups/$db-$(date +%Y%m%d-%H%M%S).tar.gz"
[ -e "$archive" ] && die "$archive already exists: try again in a second"
work=$(mktemp -d "$backups/.backup-XXXXXX")
trap 'rm -rf "$work" "$archive.part"' EXIT

started=$(date +%s)
log "dumping the database $db"
pg_dump --format=custom --dbname="$db" --file="$work/database.dump"
read -r collate ctype < <(psql -d postgres -tAF' ' \
    -c "SELECT datcollate, datctype FROM pg_database WHERE datname = '$db'")
cat > "$work/manifest.txt" <<MANIFEST
database=$db
created=$(date -u +%Y-%m-%dT%H:%M:%SZ)
lc_collate=$collate
lc_ctype=$ctype
postgresql=$(psql -d postgres -tAc 'SHOW server_version')
MANIFEST

filestores="$ROOT/var/filestore/filestore"
if [ -d "$filestores/$db" ]; then
    log "archiving it with its filestore"
    # The filestore goes in as filestore/ (db names have no dot, so the two
    # files never match the rename).
    tar -czf "$archive.part" -C "$work" manifest.txt database.dump \
        -C "$filestores" --transform="s,^$db/,filestore/," --transform="s,^$db\$,filestore," "$db"
else
    log "archiving it (it has no filestore)"
    mkdir "$work/filestore"
    tar -czf "$archive.part" -C "$work" manifest.txt database.dump filestore
fi
mv "$archive.part" "$archive"
log "backup of $db in $(( $(date +%s) - started )) s: ${archive#"$ROOT"/} ($(du -h "$archive" | cut -f1))"
echo "$archive"
