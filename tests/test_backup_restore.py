"""make backup / make restore (scripts/backup.sh, scripts/restore.sh): a
round trip of the test database into a new one.  A letter with an
attachment and an identity read is committed first; the restored database
holds the letter, the attachment's bytes (read from the restored filestore)
and the identity log.  Restore refuses to overwrite a database.  Everything
made here is removed at the end, in the test database too."""
import base64
import os
import re
import subprocess
import tarfile
import time
import uuid

from gov_http import odoo_env

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PG_ENV = dict(os.environ, PGHOST='127.0.0.1', PGPORT='5432', PGUSER='odoo', PGPASSWORD='odoo')


def _run(*args, check=True):
    result = subprocess.run([os.path.join(ROOT, 'scripts', args[0])] + list(args[1:]), cwd=ROOT,
                            capture_output=True, text=True, timeout=900)
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


def _psql(db, sql):
    return subprocess.run(['psql', '-d', db, '-qtAX', '-v', 'ON_ERROR_STOP=1', '-c', sql], env=PG_ENV,
                          capture_output=True, text=True, check=True).stdout.strip()


def _filestore(db):
    return os.path.join(ROOT, 'var', 'filestore', 'filestore', db)


def test_backup_and_restore_into_a_new_database():
    db = os.environ['GOV_TEST_DB']
    marker = uuid.uuid4().hex[:10]
    content = b'%PDF-1.4\n' + os.urandom(4096)
    name = 'scan-%s.pdf' % marker
    with odoo_env() as env:
        letter = env['gov.letter'].with_context(
            gov_letter_no_duplicate_check=True)._create_without_query_code({
                'title': '备份恢复测试 %s' % marker,
                'content': '备份与恢复的往返测试。',
                'category_id': env['gov.letter.category'].search([], limit=1).id,
                'writer_name': '备份测试 %s' % marker,
                'attachment_ids': [(0, 0, {'name': name, 'datas_fname': name,
                                           'datas': base64.b64encode(content)})],
            })
        env['gov.letter.identity.access'].create({
            'letter_id': letter.id, 'user_id': env.ref('base.user_root').id, 'operation': 'show',
            'field_names': 'writer_name %s' % marker})
        letter_id, number = letter.id, letter.number
        attachment_id = letter.attachment_ids.id
        store_fname = letter.attachment_ids.store_fname
    assert store_fname, "the attachment is in the filestore"

    restored = '%s_r%s' % (db[:30], marker[:6])
    archive = None
    try:
        backup = _run('backup.sh', db)
        archive = backup.stdout.strip().splitlines()[-1]
        assert re.search(r'/var/backups/%s-\d{8}-\d{6}\.tar\.gz$' % re.escape(db), archive), archive
        assert os.stat(archive).st_mode & 0o077 == 0, "the archive holds identities: owner only"
        with tarfile.open(archive) as tar:
            names = tar.getnames()
        assert {'manifest.txt', 'database.dump'} <= set(names)
        assert 'filestore/' + store_fname in names

        started = time.time()
        _run('restore.sh', archive, restored)
        print('\nrestore of %s into %s: %.1f s' % (db, restored, time.time() - started))

        assert _psql(restored, "SELECT number FROM gov_letter WHERE id = %d" % letter_id) == number
        assert _psql(restored, "SELECT store_fname FROM ir_attachment WHERE id = %d" % attachment_id) \
            == store_fname
        with open(os.path.join(_filestore(restored), store_fname), 'rb') as f:
            assert f.read() == content
        assert _psql(restored, "SELECT count(*) FROM gov_letter_identity_access WHERE letter_id = %d "
                               "AND field_names = 'writer_name %s'" % (letter_id, marker)) == '1'

        # Never over an existing database: neither the restored one nor the original.
        for target in (restored, db):
            refused = _run('restore.sh', archive, target, check=False)
            assert refused.returncode != 0
            assert 'already exists' in refused.stderr and 'DB=<newname>' in refused.stderr, refused.stderr
        assert _psql(restored, "SELECT count(*) FROM gov_letter WHERE id = %d" % letter_id) == '1'
    finally:
        subprocess.run(['dropdb', '--if-exists', restored], env=PG_ENV, check=False)
        subprocess.run(['rm', '-rf', _filestore(restored)], check=False)
        if archive and os.path.exists(archive):
            os.remove(archive)
        with odoo_env() as env:
            logs = env['gov.letter.identity.access'].search([('field_names', '=', 'writer_name %s' % marker)])
            logs.unlink()
            env['ir.attachment'].browse(attachment_id).unlink()
            env['gov.letter'].browse(letter_id).unlink()
