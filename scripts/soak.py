"""No letter lost under faults (make soak; README "No letter lost").

    soak.py --db DB [--count 10000] [--clients 16] [--workers 2]
            [--no-kill] [--no-postgres-restart]

Serves the installed database DB with the prefork server behind nginx
(scripts/gateway.py), signs in CLIENTS citizens (created here), and has them
send COUNT letters, half through ``POST /api/v1/letters`` (with an
Idempotency-Key) and half through the website form (with its hidden
submission token).  Meanwhile one HTTP worker is killed with SIGKILL (at 30
% of the letters) and PostgreSQL is restarted (at 60 %; this briefly cuts
every database of the machine).  A client retries a failed submission with
the same key or token, after the Retry-After it was given.

Then it checks the database: every acknowledged letter stored exactly once
with the number it was given, numbers unique; and every failure answered
as the platform promises: a JSON 503 (or 409 for a key in use) with
Retry-After under /api/, a 503 page with Retry-After on the website; never
an HTML 500, a 404, a 401 or a redirect to the sign-in page.  Exits 1 if
anything is lost, doubled or answered otherwise.
"""
import argparse
import collections
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid

import psycopg2
import requests

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PY = sys.executable
RETRY_DEADLINE = 300  # seconds a client keeps retrying one submission
CSRF = re.compile(r'name="csrf_token"\s+value="([^"]+)"')
TOKEN = re.compile(r'name="submission_token"\s+value="([^"]+)"')
# The form's answer to a letter it received: a redirect to its receipt.
RECEIPT = re.compile(r'/interaction/letters/received/([A-Za-z0-9-]+)$')
CITIZENS = """
portal = env.ref('base.group_portal')
Users = env['res.users'].with_context(no_reset_password=True)
for login in %r:
    if not Users.search([('login', '=', login)]):
        Users.create({'name': login, 'login': login, 'password': login,
                      'email': login + '@example.com', 'groups_id': [(6, 0, [portal.id])]})
env.cr.commit()
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


def log(message):
    print('==> %s %s' % (time.strftime('%H:%M:%S'), message), flush=True)


class Server:
    """The prefork Odoo server on DB and its nginx front."""

    program = (PY, os.path.join(ROOT, 'bin', 'odoo'))  # the command that runs Odoo

    def __init__(self, db, workers, directory, config):
        self.db, self.workers, self.directory, self.config = db, workers, directory, config
        self.http_port, self.longpolling_port, self.port = free_port(), free_port(), free_port()
        self.url = 'http://127.0.0.1:%d' % self.port
        self.process = None

    def shell(self, script):
        """Run ``script`` in ``odoo shell`` on the database."""
        subprocess.run([PY, os.path.join(ROOT, 'bin', 'odoo'), 'shell', '-c', self.config,
                        '-d', self.db, '--log-level', 'warn'], input=script, text=True, cwd=ROOT,
                       check=True, stdout=subprocess.DEVNULL)

    def launch(self, crons=0, extra=(), env=None):
        """Start the Odoo server alone (``crons`` cron workers)."""
        logfile = os.path.join(self.directory, 'odoo.log')
        self.process = subprocess.Popen(list(self.program) + [
            '-c', self.config,
            '-d', self.db, '--db-filter', '^%s$' % self.db, '--workers', str(self.workers),
            '--max-cron-threads', str(crons), '--http-port', str(self.http_port),
            '--longpolling-port', str(self.longpolling_port), '--log-level', 'warn',
            '--logfile', logfile] + list(extra), cwd=ROOT, env=env)

    def wait_ready(self, url):
        """Wait until ``url`` serves the sign-in page."""
        deadline = time.time() + 180
        while time.time() < deadline:
            try:
                if requests.get(url + '/web/login', timeout=30).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(1)
        raise RuntimeError('the server did not start; see %s' % os.path.join(self.directory, 'odoo.log'))

    def start(self):
        self.launch()
        gateway('start', os.path.join(self.directory, 'nginx'), self.port, self.http_port,
                self.longpolling_port)
        self.wait_ready(self.url)

    def terminate(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def stop(self):
        gateway('stop', os.path.join(self.directory, 'nginx'))
        self.terminate()

    def http_workers(self):
        """The pids of the HTTP workers: the master's children but the
        gevent (longpolling) process."""
        pids = []
        for name in os.listdir('/proc'):
            if not name.isdigit():
                continue
            try:
                with open('/proc/%s/stat' % name) as stat:
                    ppid = int(stat.read().rsplit(')', 1)[1].split()[1])
                with open('/proc/%s/cmdline' % name, 'rb') as cmdline:
                    command = cmdline.read()
            except (OSError, IndexError, ValueError):
                continue
            if ppid == self.process.pid and b'gevent' not in command:
                pids.append(int(name))
        return pids


def gateway(command, prefix, *args):
    """Start or stop an nginx front (scripts/gateway.py)."""
    subprocess.run([PY, os.path.join(ROOT, 'scripts', 'gateway.py'), command, prefix]
                   + [str(arg) for arg in args], check=True)


class Stats:
    """What the clients saw, shared by the threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.acknowledged = {}       # title -> number
        self.abandoned = []          # titles never acknowledged
        self.requests = 0
        self.replays = 0
        self.proper = collections.Counter()    # proper failures by kind
        self.improper = collections.Counter()  # anything else, by kind
        self.examples = {}

    def count(self, counter, kind, example=None):
        with self.lock:
            counter[kind] += 1
            if example and kind not in self.examples:
                self.examples[kind] = example


class Client(threading.Thread):
    """One signed-in citizen sending its share of the letters."""

    def __init__(self, url, login, titles, stats, run):
        super().__init__(daemon=True)
        self.url, self.login, self.titles, self.stats, self.run_id = url, login, titles, stats, run
        self.session = requests.Session()

    def run(self):
        self.sign_in()
        for index, title in enumerate(self.titles):
            submit = self.submit_api if index % 2 else self.submit_form
            number = submit(title)
            with self.stats.lock:
                if number:
                    self.stats.acknowledged[title] = number
                else:
                    self.stats.abandoned.append(title)

    def sign_in(self):
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                response = self.session.post(self.url + '/api/v1/auth/login', timeout=(10, 300),
                                             json={'login': self.login, 'password': self.login})
                if response.status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(1)
        raise RuntimeError('%s could not sign in' % self.login)

    def _request(self, method, path, **kwargs):
        with self.stats.lock:
            self.stats.requests += 1
        try:
            return self.session.request(method, self.url + path, timeout=(10, 300),
                                        allow_redirects=False, **kwargs)
        except requests.RequestException as error:
            self.stats.count(self.stats.improper, 'connection error', repr(error))
            return None

    def _failed(self, response, api):
        """Count a failed answer as proper or not; how long to wait."""
        if response is None:
            return 1
        kind = judge(response, api)
        if kind.startswith('ok '):
            self.stats.count(self.stats.proper, kind)
            return min(int(response.headers['Retry-After']), 30)
        self.stats.count(self.stats.improper, kind, response.text[:200])
        if response.status_code in (401, 303, 302):
            self.sign_in()  # what a real client would do; the failure is counted
        return 1

    def submit_api(self, title):
        key, payload = str(uuid.uuid4()), letter_payload(title)
        deadline = time.time() + RETRY_DEADLINE
        while time.time() < deadline:
            response = self._request('POST', '/api/v1/letters', json=payload,
                                     headers={'Idempotency-Key': key})
            if response is not None and response.status_code in (200, 201):
                if response.headers.get('Idempotent-Replayed'):
                    with self.stats.lock:
                        self.stats.replays += 1
                return response.json()['number']
            time.sleep(self._failed(response, api=True))
        return None

    def submit_form(self, title):
        deadline = time.time() + RETRY_DEADLINE
        form = None
        while time.time() < deadline:
            if form is None:
                response = self._request('GET', '/interaction/letters/new')
                form = form_fields(response, title)
                if form:
                    continue
            else:
                response = self._request('POST', '/interaction/letters/new', data=form)
                number = received_number(response)
                if number:
                    return number
            time.sleep(self._failed(response, api=False))
        return None


def form_fields(response, title):
    """The letter form's fields for ``title``, with the csrf and
    submission tokens of the form page ``response``; None if it is not
    the form."""
    if response is None or response.status_code != 200 or not TOKEN.search(response.text):
        return None
    return dict(letter_payload(title), csrf_token=CSRF.search(response.text).group(1),
                submission_token=TOKEN.search(response.text).group(1))


def received_number(response):
    """The letter number the form's answer ``response`` acknowledges (its
    redirect to the receipt page), or None."""
    match = response is not None and response.status_code == 303 and \
        RECEIPT.search(response.headers.get('Location', ''))
    return match.group(1) if match else None


def letter_payload(title):
    return {'title': title, 'category': 'a', 'letter_type': 'consultation',
            'content': 'Soak test letter %s: the street lamps of our lane are out.' % title}


def judge(response, api):
    """'ok <kind>' for a failure answered as promised, else what it was."""
    status, ctype = response.status_code, response.headers.get('Content-Type', '')
    retry = response.headers.get('Retry-After', '').isdigit()
    kind = '%s %s %s' % ('api' if api else 'html', status, ctype.split(';')[0] or '-')
    if api and status in (503, 409) and retry and ctype.startswith('application/json'):
        try:
            code = response.json()['error']['code']
        except (ValueError, KeyError, TypeError):
            return kind + ' (not the error shape)'
        return 'ok api %s %s' % (status, code) if code in ('unavailable', 'conflict') else kind
    if not api and status == 503 and retry and ctype.startswith('text/html'):
        return 'ok html 503'
    return kind + ('' if retry else ' (no Retry-After)')


class Faults(threading.Thread):
    """Kills one HTTP worker, then restarts PostgreSQL, as letters go by."""

    def __init__(self, server, stats, count, kill, restart):
        super().__init__(daemon=True)
        self.server, self.stats, self.count = server, stats, count
        self.kill, self.restart = kill, restart
        self.events = []

    def _wait_for(self, share):
        while len(self.stats.acknowledged) + len(self.stats.abandoned) < self.count * share:
            time.sleep(0.2)

    def run(self):
        if self.kill:
            self._wait_for(0.3)
            pid = self.server.http_workers()[0]
            os.kill(pid, signal.SIGKILL)
            self.events.append('worker %d killed (SIGKILL) at %d letters'
                               % (pid, len(self.stats.acknowledged)))
            log(self.events[-1])
        if self.restart:
            self._wait_for(0.6)
            started = time.time()
            restart_postgres()
            self.events.append('PostgreSQL restarted at %d letters (%.1f s)' % (
                len(self.stats.acknowledged), time.time() - started))
            log(self.events[-1])


def restart_postgres():
    version = sorted(os.listdir('/etc/postgresql'), key=float)[-1]
    command = ['pg_ctlcluster', version, 'main', 'restart']
    if os.geteuid() != 0:
        command = ['sudo', '-n'] + command
    subprocess.run(command, check=True)


def create_citizens(server, logins):
    server.shell(CITIZENS % (logins,))


def stored_letters(db, run_id):
    connection = psycopg2.connect(dbname=db, host='127.0.0.1', user='odoo', password='odoo')
    try:
        with connection.cursor() as cr:
            cr.execute("SELECT title, number FROM gov_letter WHERE title LIKE %s", ('soak-%s-%%' % run_id,))
            rows = cr.fetchall()
            cr.execute("SELECT count(*) FROM (SELECT number FROM gov_letter GROUP BY number "
                       "HAVING count(*) > 1) AS doubled")
            doubled_numbers = cr.fetchone()[0]
    finally:
        connection.close()
    return rows, doubled_numbers


def report(args, stats, rows, doubled_numbers, events, seconds):
    stored = collections.defaultdict(list)
    for title, number in rows:
        stored[title].append(number)
    duplicates = sum(len(numbers) - 1 for numbers in stored.values())
    lost = [title for title, number in stats.acknowledged.items() if stored.get(title) != [number]]
    unacknowledged = [title for title in stored if title not in stats.acknowledged]
    improper = sum(stats.improper.values())
    figures = collections.OrderedDict([
        ('submitted', args.count), ('acknowledged', len(stats.acknowledged)),
        ('stored', len(stored)), ('duplicates', duplicates), ('lost', len(lost)),
        ('abandoned (never acknowledged)', len(stats.abandoned)),
        ('stored but not acknowledged', len(unacknowledged)),
        ('numbers used twice', doubled_numbers), ('HTTP requests', stats.requests),
        ('API retries answered from the Idempotency-Key', stats.replays),
        ('failures answered 503/409 + Retry-After', sum(stats.proper.values())),
        ('failures answered otherwise (HTML 500, 404, 401...)', improper),
    ])
    print()
    for name, value in figures.items():
        print('  %-52s %s' % (name, value))
    for kind, number in sorted(stats.proper.items()):
        print('    proper   %-40s %d' % (kind, number))
    for kind, number in sorted(stats.improper.items()):
        print('    IMPROPER %-40s %d  e.g. %r' % (kind, number, stats.examples.get(kind, '')[:120]))
    for event in events:
        print('  fault: %s' % event)
    print('  %d clients, %d workers, %.0f s (%.1f letters/s)' % (
        args.clients, args.workers, seconds, args.count / seconds))
    ok = not (duplicates or lost or stats.abandoned or unacknowledged or doubled_numbers or improper)
    print('\n  %s' % ('PASS: no letter lost, none doubled, every failure a proper 503'
                       if ok else 'FAIL'))
    return ok


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--db', required=True)
    parser.add_argument('--count', type=int, default=10000)
    parser.add_argument('--clients', type=int, default=16)
    parser.add_argument('--workers', type=int, default=2)
    parser.add_argument('--no-kill', action='store_true')
    parser.add_argument('--no-postgres-restart', action='store_true')
    parser.add_argument('--dir', default=os.path.join(ROOT, 'var', 'soak'))
    parser.add_argument('--config', default=os.path.join(ROOT, 'odoo.conf'))
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    run_id = uuid.uuid4().hex[:8]
    server = Server(args.db, args.workers, args.dir, args.config)
    logins = ['soak_citizen_%02d' % i for i in range(args.clients)]
    log('creating %d citizens in %s' % (args.clients, args.db))
    create_citizens(server, logins)
    log('starting the prefork server (%d workers) behind nginx' % args.workers)
    server.start()
    try:
        stats = Stats()
        titles = ['soak-%s-%05d' % (run_id, i) for i in range(args.count)]
        clients = [Client(server.url, login, titles[i::args.clients], stats, run_id)
                   for i, login in enumerate(logins)]
        faults = Faults(server, stats, args.count, not args.no_kill, not args.no_postgres_restart)
        log('%d letters from %d clients (run %s)' % (args.count, args.clients, run_id))
        started = time.time()
        for thread in clients + [faults]:
            thread.start()
        for client in clients:
            client.join()
        seconds = time.time() - started
        faults.join(timeout=60)
    finally:
        server.stop()
    rows, doubled_numbers = stored_letters(args.db, run_id)
    ok = report(args, stats, rows, doubled_numbers, faults.events, seconds)
    with open(os.path.join(args.dir, 'figures.json'), 'w') as f:
        json.dump({'acknowledged': len(stats.acknowledged), 'proper': stats.proper,
                   'improper': stats.improper, 'events': faults.events}, f, indent=1)
    sys.exit(0 if ok else 1)


if __name__ == '__main__':
    main()
