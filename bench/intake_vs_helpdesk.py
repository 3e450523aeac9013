"""Letter intake against a peer's (issue 14): our API and our website form
against OCA helpdesk_mgmt 11.0's portal form, on the same server set-up.

    python bench/intake_vs_helpdesk.py DB [SUBMISSIONS]
    python bench/intake_vs_helpdesk.py --profile DB [SUBMISSIONS]

DB is a database with our addons (make bench's throwaway one).  The peer
runs on a database of its own, ``DB_peer``, made here (dropped at the
end) with website and helpdesk_mgmt and their demo data: helpdesk_mgmt
from requirements/bench.txt, installed here into the virtualenv with
--no-deps (it is for this bench only, not a product requirement).  None of
our addons is installed there, so nothing of ours (models, overrides)
slows it down or speeds it up.  Both are served the same way: the prefork
server, 2 HTTP workers, behind nginx (scripts/soak.py's Server), the same
odoo.conf (so the same server-wide modules).

CLIENTS portal users (created here in both databases) sign in once
(scripts/soak.py's Client; the sign-in page on the peer), then send
SUBMISSIONS submissions each way, in ROUNDS rounds alternating the three
ways (the order rotates every round):

* ours, API: ``POST /api/v1/letters`` with an Idempotency-Key;
* ours, form: ``POST /interaction/letters/new`` (the website form);
* helpdesk: ``POST /submitted/ticket`` (its portal form).

After the untimed warm-up, both databases are analyzed (autovacuum's
work, off on the bench machine).  Only the POSTs are timed.  A client opens each form once per round for
its csrf token (valid for the session); the form's submission token is
made as the page makes it (a fresh random one per submission), so no form
page is fetched between two timed submissions, for either form.

For each way it prints submissions/s (submissions / wall time of its
rounds), p50 and p95 of the POST's latency, and per submission the SQL
statements, the time spent in them and the server's time (measured in the
server: every process of both servers runs Odoo through this file's
``--serve``, which counts the statements of every cursor during each
request and appends a line per request to a log); then our rates over the
peer's.  Ours does more per submission: number, query code, deadline
fields, duplicate check, routing, idempotency key, receipt mail.  It checks
that every acknowledged submission is stored once.

``--profile``: the same rounds with cProfile around our submissions in the
server (slower; the rates are not comparable), then the top functions by
cumulative and by own time.
"""
import cProfile
import os
import pstats
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import threading
import time
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PY = sys.executable
CLIENTS = 4
WORKERS = 2
ROUNDS = 3
WARMUP = 2  # untimed submissions per client and way, first
SUBMIT_PATHS = {'/api/v1/letters': 'ours_api', '/interaction/letters/new': 'ours_form',
                '/submitted/ticket': 'helpdesk'}
CATEGORY = re.compile(r'<option value="(\d+)"')  # helpdesk's form: its first category
LOG_ENV, PROFILE_ENV = 'GOV_BENCH_REQUEST_LOG', 'GOV_BENCH_PROFILE_DIR'


# ----------------------------------------------------------------------
# In the server: Odoo, counting the SQL of every request
# ----------------------------------------------------------------------

def serve(argv):
    """Run Odoo as bin/odoo does, with a line per request appended to
    $GOV_BENCH_REQUEST_LOG: method, path, status, statements, seconds in
    SQL, seconds in all; with $GOV_BENCH_PROFILE_DIR, the submissions run
    under cProfile (stats per process in that directory)."""
    sys.path.insert(0, os.path.join(ROOT, 'compat'))
    # isort: off
    import odoo_compat  # noqa: F401  (must precede ``import odoo``)
    import odoo
    import odoo.service.wsgi_server as wsgi_server
    # isort: on

    counts = threading.local()
    execute = odoo.sql_db.Cursor.execute

    def counted_execute(self, *args, **kwargs):
        started = time.perf_counter()
        try:
            return execute(self, *args, **kwargs)
        finally:
            counts.statements = getattr(counts, 'statements', 0) + 1
            counts.sql = getattr(counts, 'sql', 0.0) + time.perf_counter() - started
            if getattr(counts, 'trace', None) is not None:
                counts.trace.append(' '.join(str(args[0] if args else kwargs.get('query')).split()))

    odoo.sql_db.Cursor.execute = counted_execute
    application, profile_dir, state = wsgi_server.application, os.environ.get(PROFILE_ENV), {}

    def counted_application(environ, start_response):
        status = []

        def start(code, headers, *args):
            status.append(code.split()[0])
            return start_response(code, headers, *args)

        counts.statements, counts.sql = 0, 0.0
        submission = environ['REQUEST_METHOD'] == 'POST' and SUBMIT_PATHS.get(environ.get('PATH_INFO'))
        counts.trace = [] if profile_dir and submission else None
        profiled = profile_dir and submission in ('ours_api', 'ours_form')
        if profiled and state.get('pid') != os.getpid():
            state.update(pid=os.getpid(), profile=cProfile.Profile())
        started = time.perf_counter()
        if profiled:
            state['profile'].enable()
        try:
            return application(environ, start)
        finally:
            elapsed = time.perf_counter() - started
            if profiled:
                state['profile'].disable()
                state['profile'].dump_stats(os.path.join(profile_dir, '%d.prof' % os.getpid()))
            if counts.trace is not None:  # the statements of the last one
                with open(os.path.join(profile_dir, submission + '.sql'), 'w') as trace:
                    trace.write('\n'.join(counts.trace) + '\n')
            line = '%s %s %s %d %.6f %.6f\n' % (
                environ['REQUEST_METHOD'], environ.get('PATH_INFO'), (status or ['-'])[0],
                counts.statements, counts.sql, elapsed)
            with open(os.environ[LOG_ENV], 'a') as log:
                log.write(line)

    wsgi_server.application = counted_application
    sys.argv = [os.path.join(ROOT, 'bin', 'odoo')] + argv
    odoo.cli.main()


# ----------------------------------------------------------------------
# The bench
# ----------------------------------------------------------------------

sys.path.insert(0, os.path.join(ROOT, 'scripts'))
import soak  # noqa: E402


class BenchServer(soak.Server):
    """soak's prefork server + nginx, Odoo started through :func:`serve`."""

    program = (PY, os.path.abspath(__file__), '--serve')

    def __init__(self, db, directory, profile_dir=None):
        super().__init__(db, WORKERS, directory, os.path.join(ROOT, 'odoo.conf'))
        self.request_log = os.path.join(directory, 'requests.log')
        self.profile_dir = profile_dir

    def launch(self, crons=0, extra=(), env=None):
        env = dict(env or os.environ, **{LOG_ENV: self.request_log})
        # lessc 2.7 for the website's assets, as scripts/lib.sh sets it
        env['PATH'] = os.path.join(ROOT, 'node_modules', '.bin') + os.pathsep + env.get('PATH', '')
        if self.profile_dir:
            env[PROFILE_ENV] = self.profile_dir
        super().launch(crons, extra, env)

    def requests(self):
        """[(method, path, status, statements, sql seconds, seconds)] so far."""
        with open(self.request_log) as log:
            return [(m, p, s, int(n), float(q), float(t))
                    for m, p, s, n, q, t in (line.split() for line in log if line.strip())]


class Way:
    """One way of submitting, its figures over the rounds."""

    def __init__(self, name, label, server, path, run_id):
        self.name, self.label, self.server, self.path = name, label, server, path
        self.prefix = 'bench-%s-%s' % (run_id, name)
        self.latencies, self.seconds, self.done, self.errors = [], 0.0, [], []
        self.sent = {}  # submissions made by each client so far

    def title(self, client, index):
        return '%s-%02d-%04d' % (self.prefix, client, index)


class BenchClient(soak.Client):
    """A signed-in citizen sending submissions one way, each POST timed."""

    def __init__(self, way, client, index, count):
        super().__init__(way.server.url, client.login, [], client.stats, None)
        self.session = client.session  # signed in already
        self.way, self.index, self.count = way, index, count
        self.offset, self.results, self.form = way.sent.get(index, 0), [], None

    def prepare(self):
        """Open the way's form once (its csrf token) for the round."""
        if self.way.name == 'ours_form':
            self.form = soak.form_fields(self._request('GET', '/interaction/letters/new'), '')
        elif self.way.name == 'helpdesk':
            page = self._request('GET', '/new/ticket')
            csrf = page is not None and soak.CSRF.search(page.text)
            category = page is not None and CATEGORY.search(page.text)
            self.form = csrf and category and {'csrf_token': csrf.group(1),
                                               'category': category.group(1)}
        if self.way.name != 'ours_api' and not self.form:
            raise RuntimeError('%s: no form for %s' % (self.way.label, self.login))

    def run(self):
        for number in range(self.count):
            title = self.way.title(self.index, self.offset + number)
            started = time.perf_counter()
            result = getattr(self, 'submit_' + self.way.name)(title)
            self.results.append((title, result, time.perf_counter() - started))

    def submit_ours_api(self, title):
        return self.submit_api(title)

    def submit_ours_form(self, title):
        form = dict(soak.letter_payload(title), csrf_token=self.form['csrf_token'],
                    submission_token=secrets.token_urlsafe(24))  # as the page makes it
        return soak.received_number(self._request('POST', '/interaction/letters/new', data=form))

    def submit_helpdesk(self, title):
        payload = soak.letter_payload(title)
        response = self._request('POST', '/submitted/ticket', data={
            'csrf_token': self.form['csrf_token'], 'category': self.form['category'],
            'name': self.login, 'email': self.login + '@example.com',
            'subject': payload['title'], 'description': payload['content']})
        if response is not None and response.status_code in (302, 303) \
                and response.headers.get('Location', '').endswith('/my/tickets'):
            return title
        return None


class PeerClient(soak.Client):
    """A portal user of the peer's database: signs in on the sign-in page."""

    def sign_in(self):
        page = self._request('GET', '/web/login')
        csrf = page is not None and soak.CSRF.search(page.text)
        if csrf:
            self._request('POST', '/web/login', data={
                'login': self.login, 'password': self.login, 'csrf_token': csrf.group(1)})
        info = self._request('POST', '/web/session/get_session_info',
                             json={'jsonrpc': '2.0', 'method': 'call', 'params': {}})
        if info is None or not (info.json().get('result') or {}).get('uid'):
            raise RuntimeError('%s could not sign in on the peer' % self.login)


def round_of(way, clients, count, timed=True):
    """``count`` submissions by each client at once; their wall time."""
    threads = [BenchClient(way, client, index, count) for index, client in enumerate(clients)]
    for thread in threads:
        thread.prepare()
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    for thread in threads:
        way.sent[thread.index] = thread.offset + count
        for title, result, seconds in thread.results:
            (way.done if result else way.errors).append(title)
            if timed and result:
                way.latencies.append(seconds)
    if timed:
        way.seconds += wall
    return wall


def percentile(values, share):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(share * (len(values) - 1))))] if values else 0.0


def sql_figures(way, requests, since):
    """Statements, SQL seconds and server seconds per timed submission."""
    rows = [row for row in requests[since:] if row[0] == 'POST' and row[1] == way.path]
    if not rows:
        return 0.0, 0.0, 0.0
    return (statistics.mean(row[3] for row in rows), statistics.mean(row[4] for row in rows),
            statistics.mean(row[5] for row in rows))


def ensure_helpdesk():
    """helpdesk_mgmt in the virtualenv (requirements/bench.txt, --no-deps)."""
    subprocess.run([PY, '-m', 'pip', 'install', '-q', '--no-deps', '--disable-pip-version-check',
                    '-r', os.path.join(ROOT, 'requirements', 'bench.txt')], check=True)


def psql(db, sql):
    env = dict(os.environ, PGPASSWORD='odoo')
    return subprocess.run(['psql', '-h', '127.0.0.1', '-U', 'odoo', '-d', db, '-qtAc', sql],
                          env=env, check=True, capture_output=True, text=True).stdout.strip()


def filestore(db):
    return os.path.join(ROOT, 'var', 'filestore', 'filestore', db)


def make_peer(peer, logfile):
    """A new database with website and helpdesk_mgmt (and demo data)."""
    drop(peer)
    subprocess.run([PY, os.path.join(ROOT, 'bin', 'odoo'), '-c', os.path.join(ROOT, 'odoo.conf'),
                    '-d', peer, '-i', 'website,helpdesk_mgmt', '--stop-after-init', '--workers=0',
                    '--max-cron-threads=0', '--http-port=%d' % soak.free_port(),
                    '--longpolling-port=%d' % soak.free_port(), '--log-level=warn',
                    '--logfile=%s' % logfile], cwd=ROOT, check=True)
    with open(logfile) as log:
        errors = [line for line in log if ' ERROR ' in line or ' CRITICAL ' in line]
    if errors:
        raise RuntimeError('installing helpdesk_mgmt logged errors (%s): %s' % (logfile, errors[0]))


def drop(db):
    psql('postgres', 'DROP DATABASE IF EXISTS "%s"' % db)
    shutil.rmtree(filestore(db), ignore_errors=True)


def stored(db, like, table, column):
    return int(psql(db, "SELECT count(*) FROM %s WHERE %s LIKE '%s%%'" % (table, column, like)))


def report(ways, servers, marks, db, peer):
    print('  %-22s %9s %8s %8s %10s %10s %10s %7s' % (
        'way', 'subm./s', 'p50 ms', 'p95 ms', 'SQL/subm.', 'SQL ms', 'server ms', 'errors'))
    figures = {}
    for way in ways:
        count = len(way.latencies)
        rate = count / way.seconds if way.seconds else 0.0
        statements, sql, server = sql_figures(way, servers[way.server].requests(), marks[way.server])
        figures[way.name] = rate
        print('  %-22s %9.1f %8.1f %8.1f %10.1f %10.1f %10.1f %7d' % (
            way.label, rate, 1000 * percentile(way.latencies, 0.5),
            1000 * percentile(way.latencies, 0.95), statements, 1000 * sql, 1000 * server,
            len(way.errors)))
    for way in ways[:2]:
        print('  ratio %s / helpdesk: x%.2f (goal x2, p95 <= 60 ms: %s)' % (
            way.label, figures[way.name] / figures['helpdesk'] if figures['helpdesk'] else 0,
            'yes' if 1000 * percentile(way.latencies, 0.95) <= 60 else 'no'))
    kept = [(way, stored(db if way.name != 'helpdesk' else peer, way.prefix,
                         'helpdesk_ticket' if way.name == 'helpdesk' else 'gov_letter',
                         'name' if way.name == 'helpdesk' else 'title')) for way in ways]
    print('  stored: %s' % ', '.join('%s %d of %d acknowledged' % (way.label, count, len(way.done))
                                     for way, count in kept))
    return all(count == len(way.done) for way, count in kept) and not any(w.errors for w in ways)


def print_profile(profile_dir):
    for name in sorted(SUBMIT_PATHS.values()):
        path = os.path.join(profile_dir, name + '.sql')
        if os.path.exists(path):
            with open(path) as trace:
                statements = trace.read().splitlines()
            print('\n  %s: the %d statements of one submission' % (name, len(statements)))
            for statement in statements:
                print('    ' + statement[:160])
    files = [os.path.join(profile_dir, name) for name in os.listdir(profile_dir)
             if name.endswith('.prof')]
    if not files:
        print('  no profile written')
        return
    stats = pstats.Stats(*files, stream=sys.stdout)
    stats.strip_dirs()
    print('\n  our submissions (API and form), by cumulative time:')
    stats.sort_stats('cumulative').print_stats(45)
    print('\n  by own time:')
    stats.sort_stats('tottime').print_stats(25)


def main(args):
    profile = '--profile' in args
    args = [arg for arg in args if arg != '--profile']
    db = args[0]
    submissions = int(args[1]) if len(args) > 1 else 300
    peer, run_id = '%s_peer' % db, uuid.uuid4().hex[:6]
    directory = os.path.join(ROOT, 'var', 'bench-intake')
    shutil.rmtree(directory, ignore_errors=True)
    profile_dir = os.path.join(directory, 'profile') if profile else None
    for path in filter(None, [directory, profile_dir]):
        os.makedirs(path, exist_ok=True)
    ensure_helpdesk()
    logins = ['bench_citizen_%02d' % i for i in range(CLIENTS)]
    ours = BenchServer(db, os.path.join(directory, 'ours'), profile_dir)
    theirs = BenchServer(peer, os.path.join(directory, 'peer'))
    soak.log('database %s: website and helpdesk_mgmt' % peer)
    try:
        make_peer(peer, os.path.join(directory, 'peer-install.log'))
        for server in (ours, theirs):
            os.makedirs(server.directory, exist_ok=True)
            soak.create_citizens(server, logins)
        run(ours, theirs, logins, submissions, run_id, db, peer, profile_dir)
    finally:
        drop(peer)


def run(ours, theirs, logins, submissions, run_id, db, peer, profile_dir):
    servers = {ours: ours, theirs: theirs}
    soak.log('starting both servers (prefork, %d HTTP workers, nginx in front)' % WORKERS)
    try:
        for server in (ours, theirs):
            server.launch()
            soak.gateway('start', os.path.join(server.directory, 'nginx'), server.port,
                         server.http_port, server.longpolling_port)
        for server in (ours, theirs):
            server.wait_ready(server.url)
        ways = [Way('ours_api', 'ours, API', ours, '/api/v1/letters', run_id),
                Way('ours_form', 'ours, website form', ours, '/interaction/letters/new', run_id),
                Way('helpdesk', 'helpdesk_mgmt portal', theirs, '/submitted/ticket', run_id)]
        stats = soak.Stats()
        clients = {}
        for server in (ours, theirs):
            kind = soak.Client if server is ours else PeerClient
            clients[server] = [kind(server.url, login, [], stats, run_id) for login in logins]
            for client in clients[server]:
                client.sign_in()
        per_round = max(1, submissions // (ROUNDS * CLIENTS))
        soak.log('%d submissions each way: %d rounds of %d clients x %d, alternated' % (
            per_round * ROUNDS * CLIENTS, ROUNDS, CLIENTS, per_round))
        for way in ways:
            round_of(way, clients[way.server], WARMUP, timed=False)
        # Table statistics, as autovacuum keeps them (it is off on the bench
        # machine): without them PostgreSQL plans on a table it takes for
        # empty, for either product.
        for database in (db, peer):
            psql(database, 'ANALYZE')
        marks = {server: len(server.requests()) for server in (ours, theirs)}
        for number in range(ROUNDS):
            order = ways[number % 3:] + ways[:number % 3]
            for way in order:
                wall = round_of(way, clients[way.server], per_round)
                soak.log('round %d, %s: %.1f submissions/s' % (
                    number + 1, way.label, per_round * CLIENTS / wall))
    finally:
        for server in (ours, theirs):
            server.stop()
    print('intake_vs_helpdesk: %d clients, prefork %d workers each, %d submissions each way%s' % (
        CLIENTS, WORKERS, per_round * ROUNDS * CLIENTS, ' (PROFILED)' if profile_dir else ''))
    ok = report(ways, servers, marks, db, peer)
    if stats.improper:
        print('  failed requests: %s' % dict(stats.improper))
    if profile_dir:
        print_profile(profile_dir)
    if not ok:
        sys.exit(1)


if __name__ == '__main__':
    if sys.argv[1:2] == ['--serve']:
        serve(sys.argv[2:])
    else:
        main(sys.argv[1:])
