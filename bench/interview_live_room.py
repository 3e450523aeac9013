"""Live room of an online interview under load (4.3): 200 simultaneous
viewers while the host posts.

Starts a real server as the tests do (prefork HTTP workers + gevent
longpolling behind nginx, conftest.py OdooServer) on the database given
as argument, signs in as the demo host (handler_edu), makes a live interview
through the back office's JSON-RPC, then for a baseline of 1 viewer and for
200 viewers: each viewer listens as the page does (the room's server-sent
events from the longpolling process); the host publishes posts through the
live room's host form; each post's delivery latency (host's POST sent ->
viewer received) is recorded.  For comparison, 200 viewers also poll
Odoo's /longpolling/poll (the page's fallback).  Prints percentiles,
errors, missed deliveries and ratios to the baseline.  Bounded: each phase
stops after PHASE_SECONDS whatever happens.

    python bench/interview_live_room.py DB [VIEWERS]
"""
import json
import os
import re
import statistics
import sys
import threading
import time
import uuid
from datetime import datetime, timedelta

import requests

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
from conftest import OdooServer  # noqa: E402

POSTS = 10
POST_INTERVAL = 1.0  # seconds between the host's posts
PHASE_SECONDS = 90
POLL_TIMEOUT = 70  # client side; the bus answers within 50 s


class BenchServer(OdooServer):
    def __init__(self, db):
        super().__init__(db)
        self.log_path = os.path.join(ROOT, 'var', 'bench-server.log')


def rpc(session, server, model, method, *args):
    response = session.post('%s/web/dataset/call_kw/%s/%s' % (server.url, model, method), json={
        'jsonrpc': '2.0', 'method': 'call', 'id': 1,
        'params': {'model': model, 'method': method, 'args': list(args), 'kwargs': {}}}, timeout=60)
    data = response.json()
    if 'error' in data:
        raise RuntimeError(data['error'])
    return data['result']


def host_session(server):
    session = requests.Session()
    page = session.get(server.url + '/web/login', timeout=60).text
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    session.post(server.url + '/web/login', data={
        'login': 'handler_edu', 'password': 'handler_edu', 'csrf_token': csrf}, timeout=60)
    return session


def bus_newest(session, server, interview_id):
    room = session.get('%s/interaction/interviews/%s' % (server.url, interview_id), timeout=60).text
    return int(re.search(r'data-bus-last="(\d+)"', room).group(1))


def live_interview(session, server):
    department = rpc(session, server, 'gov.department', 'search', [['code', '=', '230000-JYT']])[0]
    start = (datetime.utcnow() + timedelta(hours=1)).strftime('%Y-%m-%d %H:%M:%S')
    interview_id = rpc(session, server, 'gov.interview', 'create', {
        'name': '压力测试访谈 %s' % uuid.uuid4().hex[:6], 'department_id': department,
        'date_start': start, 'guest_ids': [[0, 0, {'name': '王建华', 'title': '省教育厅副厅长'}]]})
    rpc(session, server, 'gov.interview', 'action_announce', [interview_id])
    rpc(session, server, 'gov.interview', 'action_start', [interview_id])
    room = session.get('%s/interaction/interviews/%s' % (server.url, interview_id), timeout=60).text
    csrf = re.search(r'data-csrf="([^"]+)"', room).group(1)
    return interview_id, csrf


class Viewer(threading.Thread):
    """One browser of the live room: polls until it saw the last post or time is up."""

    def __init__(self, server, interview_id, sent, deadline, last_marker, bus_last=0):
        super().__init__(daemon=True)
        self.bus_last = bus_last
        self.server, self.interview_id, self.sent = server, interview_id, sent
        self.deadline, self.last_marker = deadline, last_marker
        self.latencies, self.errors, self.seen = [], 0, set()
        self.ready = threading.Event()

    def run(self):
        session = requests.Session()
        last = None
        while time.time() < self.deadline and self.last_marker not in self.seen:
            body = {'jsonrpc': '2.0', 'method': 'call', 'id': 1, 'params': {
                'channels': [], 'last': last or 0, 'options': {'gov_interview_id': self.interview_id}}}
            try:
                if last is None:
                    # Skip what is already there: peek the buffer, start after it.
                    body['params']['options']['peek'] = True
                response = session.post(self.server.url + '/longpolling/poll', json=body,
                                        timeout=POLL_TIMEOUT)
                received = time.time()
                data = response.json() if response.status_code == 200 else {'error': response.status_code}
            except (requests.RequestException, ValueError):
                self.errors += 1
                time.sleep(1)
                continue
            if 'error' in data:
                self.errors += 1
                time.sleep(1)
                continue
            result = data['result']
            notifications = result['notifications'] if isinstance(result, dict) else result
            ids = [n['id'] for n in notifications]
            if last is None:
                last = max(ids or [0])
                self.ready.set()
                continue
            last = max(ids + [last])
            for notification in notifications:
                self.record(notification['message'], received)
        self.ready.set()

    def record(self, message, received):
        marker = re.search(r'BENCH-(\d+)', message.get('html') or '')
        if message.get('kind') == 'post' and marker and marker.group(1) not in self.seen:
            self.seen.add(marker.group(1))
            sent = self.sent.get(marker.group(1))
            if sent:
                self.latencies.append(received - sent)


class StreamViewer(Viewer):
    """One browser of the live room listening to its server-sent events."""

    def run(self):
        url = '%s/longpolling/gov_interview/%s/events?last=%s' % (
            self.server.url, self.interview_id, self.bus_last)
        while time.time() < self.deadline and self.last_marker not in self.seen:
            try:
                with requests.get(url, stream=True, timeout=(10, 60)) as response:
                    if response.status_code != 200:
                        raise requests.RequestException(response.status_code)
                    for line in response.iter_lines(decode_unicode=True):
                        if line.startswith('retry:'):
                            self.ready.set()
                        elif line.startswith('data: '):
                            self.record(json.loads(line[6:]), time.time())
                        if self.last_marker in self.seen or time.time() > self.deadline:
                            break
            except (requests.RequestException, ValueError):
                self.errors += 1
                time.sleep(1)
        self.ready.set()


def percentile(values, fraction):
    if not values:
        return float('nan')
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def phase(server, host, viewers_count, kind=StreamViewer):
    interview_id, csrf = live_interview(host, server)
    sent = {}
    deadline = time.time() + PHASE_SECONDS
    last_marker = str(POSTS - 1)
    bus_last = bus_newest(host, server, interview_id)
    viewers = [kind(server, interview_id, sent, deadline, last_marker, bus_last)
               for _i in range(viewers_count)]
    for viewer in viewers:
        viewer.start()
    for viewer in viewers:
        viewer.ready.wait(max(deadline - time.time(), 0))
    time.sleep(2)  # every viewer is now waiting in a long poll
    post_errors = 0
    for number in range(POSTS):
        sent[str(number)] = time.time()
        body = '第%s条图文直播 BENCH-%s' % (number + 1, number)
        response = host.post('%s/interaction/interviews/%s/host/post' % (server.url, interview_id), data={
            'csrf_token': csrf, 'speaker': '主持人', 'body': body},
            headers={'X-Requested-With': 'fetch'}, timeout=60)
        if response.status_code != 200:
            post_errors += 1
        time.sleep(POST_INTERVAL)
    for viewer in viewers:
        viewer.join(max(deadline - time.time(), 0))
    latencies = [value for viewer in viewers for value in viewer.latencies]
    expected = viewers_count * POSTS
    return {
        'mode': 'events' if kind is StreamViewer else 'poll',
        'viewers': viewers_count,
        'deliveries': len(latencies),
        'missed': expected - len(latencies),
        'errors': sum(viewer.errors for viewer in viewers) + post_errors,
        'p50': percentile(latencies, 0.50),
        'p95': percentile(latencies, 0.95),
        'p99': percentile(latencies, 0.99),
        'max': max(latencies) if latencies else float('nan'),
        'mean': statistics.mean(latencies) if latencies else float('nan'),
    }


def report(result):
    print('  %(viewers)4d viewers (%(mode)6s): %(deliveries)5d deliveries, %(missed)d missed, '
          '%(errors)d errors; latency p50 %(p50).3f s, p95 %(p95).3f s, p99 %(p99).3f s, '
          'max %(max).3f s' % result)


def main():
    db = sys.argv[1]
    viewers = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    server = BenchServer(db).start()
    try:
        host = host_session(server)
        print('interview_live_room: %d posts, %.1f s apart, to N viewers of a live room '
              '(prefork + gevent longpolling behind nginx)' % (POSTS, POST_INTERVAL))
        baseline = phase(server, host, 1)
        report(baseline)
        load = phase(server, host, viewers)
        report(load)
        polled = phase(server, host, viewers, Viewer)
        report(polled)
        for result in (load, polled):
            print('  ratio %d viewers (%s) / 1 viewer: p50 x%.2f, p95 x%.2f; delivered %.1f%%; '
                  'every post within 2 s: %s' % (
                      viewers, result['mode'], result['p50'] / baseline['p50'],
                      result['p95'] / baseline['p95'], 100.0 * result['deliveries'] / (viewers * POSTS),
                      'yes' if result['missed'] == 0 and result['max'] <= 2 else 'no'))
        errors = server.errors_since(0)
        if errors:
            print('  server logged %d ERROR lines, first: %s' % (len(errors), errors[0][:200]))
    finally:
        server.stop()


if __name__ == '__main__':
    main()
