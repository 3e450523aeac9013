"""The Odoo master password is never the demo default 'admin': odoo.conf
(tests, CI, installs) has none, and `make run` serves var/odoo.conf with a
random one generated once into var/master-password (scripts/local_config.py)."""
import configparser
import os
import shutil
import stat
import subprocess
import sys

import requests
from gov_http import new_user
from passlib.context import CryptContext

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
crypt = CryptContext(schemes=['pbkdf2_sha512', 'plaintext'])


def _admin_passwd(path):
    parser = configparser.RawConfigParser()
    parser.read(path)
    return parser.get('options', 'admin_passwd', fallback=None)


def test_master_password_odoo_conf_has_no_usable_one():
    value = _admin_passwd(os.path.join(ROOT, 'odoo.conf'))
    assert value is not None, "without the line Odoo 11 falls back to 'admin'"
    assert value in ('False', 'false', ''), value


def test_master_password_admin_refused_by_the_server(odoo_server):
    """Any signed-in user may call res.users.check_super: with 'admin' as
    master password it would answer True."""
    login, password = new_user(groups=('base.group_user',))
    session = requests.Session()
    auth = session.post(odoo_server.url + '/web/session/authenticate', timeout=60, json={
        'jsonrpc': '2.0', 'params': {'db': odoo_server.db, 'login': login, 'password': password}}).json()
    assert auth.get('result', {}).get('uid'), auth
    answer = session.post(odoo_server.url + '/web/dataset/call_kw/res.users/check_super', timeout=60, json={
        'jsonrpc': '2.0', 'method': 'call', 'params': {
            'model': 'res.users', 'method': 'check_super', 'args': [[], 'admin'], 'kwargs': {}}}).json()
    assert 'result' not in answer, answer
    assert 'AccessDenied' in answer['error']['data']['name'], answer['error']


def test_master_password_generated_once_private_and_served(tmp_path):
    shutil.copy(os.path.join(ROOT, 'odoo.conf'), tmp_path / 'odoo.conf')
    script = os.path.join(ROOT, 'scripts', 'local_config.py')

    def run():
        return subprocess.run([sys.executable, script, str(tmp_path)], capture_output=True, text=True,
                              check=True).stdout.strip()

    conf = run()
    assert conf == str(tmp_path / 'var' / 'odoo.conf')
    secret = tmp_path / 'var' / 'master-password'
    password = secret.read_text().strip()
    assert len(password) >= 20 and password != 'admin'
    for path in (secret, tmp_path / 'var' / 'odoo.conf'):
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, path
    stored = _admin_passwd(conf)
    assert stored.startswith('$pbkdf2-sha512$'), "a hash, not the password"
    assert crypt.verify(password, stored) and not crypt.verify('admin', stored)
    text = (tmp_path / 'var' / 'odoo.conf').read_text()
    assert password not in text
    # Everything else is odoo.conf's.
    original = (tmp_path / 'odoo.conf').read_text().splitlines()
    copy = [line for line in text.splitlines() if not line.startswith('; Generated') and
            not line.startswith('; odoo.conf instead')]
    assert [line for line in original if not line.startswith('admin_passwd')] \
        == [line for line in copy if not line.startswith('admin_passwd')]

    # A second run keeps the password and the file.
    assert run() == conf
    assert secret.read_text().strip() == password
    assert (tmp_path / 'var' / 'odoo.conf').read_text() == text

    # make run serves that copy; neither file can be committed.
    with open(os.path.join(ROOT, 'scripts', 'run.sh'), encoding='utf-8') as f:
        run_sh = f.read()
    assert 'LOCAL_CONF=$("$PY" "$ROOT/scripts/local_config.py" "$ROOT")' in run_sh
    assert '"$PY" "$ROOT/bin/odoo" -c "$LOCAL_CONF" -d "$DEMO_DB"' in run_sh
    ignored = subprocess.run(['git', 'check-ignore', 'var/master-password', 'var/odoo.conf'], cwd=ROOT,
                             capture_output=True, text=True)
    assert ignored.stdout.split() == ['var/master-password', 'var/odoo.conf']
