"""Two Odoo servers on one database (make scale-test; README "Two servers,
one database").

    scale_test.py --db DB [--letters 2000] [--clients 8] [--viewers 1000]

Starts two prefork Odoo servers on DB (each with its HTTP workers, its
longpolling process and a cron worker; the second without a job runner) and
one nginx in front, with both servers in each upstream (round-robin), and
proves:

1. sessions: a citizen signed in through server A is signed in on server B
   (their own ports), and stays signed in through nginx;
2. letters: LETTERS letters from CLIENTS signed-in citizens through nginx,
   answered by both servers: every one stored once, numbers unique;
3. scheduled jobs: one-shot jobs due now, both servers' cron workers
   competing, each run exactly once; a job due every minute runs once per
   minute, not once per server;
4. the live room: VIEWERS viewers on the event streams of both longpolling
   processes; the host posts through nginx; every post reaches every viewer
   within 2 s (p95 printed).

The last lines are the figures, starting with ``N letters, 0 duplicate
numbers, 0 lost``.  Exits 1 if any check fails.
"""
import argparse
import os
import sys
import time
import uuid

import psycopg2
import requests

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, 'scripts'))
sys.path.insert(0, os.path.join(ROOT, 'bench'))
import interview_live_room as live  # noqa: E402
import soak  # noqa: E402

ONE_SHOTS = 10
CRON_WAIT = 150  # seconds: a prefork cron worker looks every 60-69 s
CRON_SETUP = """
import datetime
env.cr.execute("CREATE TABLE IF NOT EXISTS gov_scale_cron_log (cron varchar, ran timestamp)")
env.cr.execute("DELETE FROM gov_scale_cron_log")
due = (datetime.datetime.utcnow() - datetime.timedelta(minutes=1)).strftime('%%Y-%%m-%%d %%H:%%M:%%S')
model = env.ref('base.model_res_partner')
old = env['ir.cron'].search([('name', 'like', 'scale-test %%')])
if old:
    old.unlink()
for name, numbercall, interval in %r:
    env['ir.cron'].create({
        'name': name, 'model_id': model.id, 'state': 'code', 'numbercall': numbercall,
        'interval_number': interval, 'interval_type': 'minutes', 'doall': False,
        'nextcall': due,
        'code': "env.cr.execute(\\"INSERT INTO gov_scale_cron_log VALUES "
                "('%%s', now() AT TIME ZONE 'UTC')\\")" %% name,
    })
env.cr.commit()
"""


class ScaleServer(soak.Server):
    """One of the two Odoo servers: no nginx of its own, a cron worker."""

    def __init__(self, db, workers, directory, config, name, job_runner, maxconn):
        super().__init__(db, workers, os.path.join(directory, name), config)
        os.makedirs(self.directory, exist_ok=True)
        self.name, self.job_runner, self.maxconn = name, job_runner, maxconn
        self.url = 'http://127.0.0.1:%d' % self.http_port

    def start(self):
        env = dict(os.environ)
        if not self.job_runner:
            env['ODOO_QUEUE_JOB_CHANNELS'] = 'root:0'  # one job runner per deployment
        self.launch(crons=1, extra=['--db_maxconn', str(self.maxconn)], env=env)

    def wait(self):
        self.wait_ready(self.url)

    def stop(self):
        self.terminate()


class Front:
    """nginx with both servers in each upstream."""

    def __init__(self, servers, directory):
        self.prefix, self.port = os.path.join(directory, 'nginx'), soak.free_port()
        self.url = 'http://127.0.0.1:%d' % self.port
        self.http = ','.join(str(server.http_port) for server in servers)
        self.longpolling = ','.join(str(server.longpolling_port) for server in servers)

    def start(self):
        soak.gateway('start', self.prefix, self.port, self.http, self.longpolling)

    def stop(self):
        soak.gateway('stop', self.prefix)


def check_sessions(one, other, front, login):
    """Signed in on one server: signed in on the other and through nginx."""
    session = requests.Session()
    response = session.post(one.url + '/api/v1/auth/login', json={'login': login, 'password': login},
                            timeout=60)
    assert response.status_code == 200, response.text[:200]
    answers = [session.get(other.url + '/my/home', allow_redirects=False, timeout=60).status_code]
    answers += [session.get(front.url + '/my/home', allow_redirects=False, timeout=60).status_code
                for _i in range(20)]
    return answers.count(200), len(answers)


def send_letters(front, logins, count):
    run_id = uuid.uuid4().hex[:8]
    stats = soak.Stats()
    titles = ['soak-%s-%05d' % (run_id, i) for i in range(count)]
    clients = [soak.Client(front.url, login, titles[i::len(logins)], stats, run_id)
               for i, login in enumerate(logins)]
    started = time.time()
    for client in clients:
        client.start()
    for client in clients:
        client.join()
    return run_id, stats, time.time() - started


def letter_figures(db, run_id, stats):
    rows, doubled_numbers = soak.stored_letters(db, run_id)
    stored = {}
    for title, number in rows:
        stored.setdefault(title, []).append(number)
    lost = [title for title, number in stats.acknowledged.items() if stored.get(title) != [number]]
    duplicates = sum(len(numbers) - 1 for numbers in stored.values())
    return len(stored), duplicates, doubled_numbers, len(lost) + len(stats.abandoned)


def cron_runs(db):
    connection = psycopg2.connect(dbname=db, host='127.0.0.1', user='odoo', password='odoo')
    try:
        with connection.cursor() as cr:
            cr.execute("SELECT cron, ran FROM gov_scale_cron_log ORDER BY ran")
            return cr.fetchall()
    finally:
        connection.close()


def check_crons(db, started):
    """(one-shots run once, of; runs of the minute job; minutes elapsed;
    the minute job's shortest gap in seconds)."""
    deadline = started + CRON_WAIT
    while time.time() < deadline:
        runs = cron_runs(db)
        if len({cron for cron, _ran in runs if cron.startswith('scale-test once')}) == ONE_SHOTS \
                and time.time() > started + 125:
            break
        time.sleep(5)
    runs = cron_runs(db)
    once = [cron for cron, _ran in runs if cron.startswith('scale-test once')]
    minute = [ran for cron, ran in runs if cron == 'scale-test every minute']
    gaps = [(b - a).total_seconds() for a, b in zip(minute, minute[1:], strict=False)]
    ran_once = sum(1 for name in set(once) if once.count(name) == 1)
    return ran_once, len(minute), (time.time() - started) / 60.0, min(gaps) if gaps else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--db', required=True)
    parser.add_argument('--letters', type=int, default=2000)
    parser.add_argument('--clients', type=int, default=8)
    parser.add_argument('--viewers', type=int, default=1000)
    parser.add_argument('--workers', type=int, default=2)
    # Connections per process: servers x processes x this must stay under
    # PostgreSQL's max_connections (100 by default), or a process is refused.
    parser.add_argument('--db-maxconn', type=int, default=30)
    parser.add_argument('--dir', default=os.path.join(ROOT, 'var', 'scale'))
    parser.add_argument('--config', default=os.path.join(ROOT, 'odoo.conf'))
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    servers = [ScaleServer(args.db, args.workers, args.dir, args.config, name, name == 'a',
                           args.db_maxconn) for name in ('a', 'b')]
    logins = ['scale_citizen_%02d' % i for i in range(args.clients)]
    soak.log('citizens and scheduled jobs in %s' % args.db)
    soak.create_citizens(servers[0], logins)
    jobs = [('scale-test once %d' % n, 1, 1) for n in range(ONE_SHOTS)] + [('scale-test every minute', -1, 1)]
    servers[0].shell(CRON_SETUP % (jobs,))
    front = Front(servers, args.dir)
    soak.log('starting two servers (%d workers, longpolling and a cron worker each) behind one nginx'
             % args.workers)
    for server in servers:
        server.start()
    cron_started = time.time()
    try:
        for server in servers:
            server.wait()
        front.start()
        signed_in, asked = check_sessions(servers[0], servers[1], front, logins[0])
        soak.log('sessions: %d of %d requests signed in' % (signed_in, asked))
        soak.log('%d letters from %d clients through nginx' % (args.letters, args.clients))
        run_id, stats, seconds = send_letters(front, logins, args.letters)
        stored, duplicates, doubled, lost = letter_figures(args.db, run_id, stats)
        soak.log('live room: %d viewers on both longpolling processes' % args.viewers)
        host = live.host_session(front)
        room = live.phase(front, host, args.viewers)
        soak.log('scheduled jobs (waiting for both cron workers)')
        ran_once, minute_runs, minutes, shortest_gap = check_crons(args.db, cron_started)
    finally:
        front.stop()
        for server in servers:
            server.stop()
    within = room['missed'] == 0 and room['max'] <= 2
    print()
    print('%d letters, %d duplicate numbers, %d lost' % (stored, duplicates + doubled, lost))
    print('%.1f letters/s through nginx over two servers (%d clients)'
          % (args.letters / seconds, args.clients))
    print('sessions: %d of %d requests on the other server and through nginx signed in' % (signed_in, asked))
    print('scheduled jobs: %d of %d one-shot jobs ran exactly once; the every-minute job ran %d times '
          'in %.1f minutes (shortest gap %s s)' % (
              ran_once, ONE_SHOTS, minute_runs, minutes,
              '%.0f' % shortest_gap if shortest_gap is not None else '-'))
    print('live room: %d viewers, %d deliveries, %d missed, p50 %.3f s, p95 %.3f s, max %.3f s: %s'
          % (room['viewers'], room['deliveries'], room['missed'], room['p50'], room['p95'], room['max'],
             'every post within 2 s' if within else 'NOT every post within 2 s'))
    ok = (stored == args.letters and not (duplicates or doubled or lost) and signed_in == asked
          and ran_once == ONE_SHOTS and minute_runs <= minutes + 1
          and (shortest_gap is None or shortest_gap >= 50) and within)
    print('PASS' if ok else 'FAIL')
    sys.exit(0 if ok else 1)


if __name__ == '__main__':
    main()
