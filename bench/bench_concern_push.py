# Run by scripts/bench.sh through `bin/odoo shell` (where `env` is predefined)
# on a throwaway database; the transaction is rolled back at the end.
"""Media push (5.4.3): how long a publication takes when one of three media
endpoints hangs, ours (queue, send after the commit) against the baseline of
posting to every endpoint inside the publication, as a naive implementation
would; then how fast the queue is delivered to a healthy local endpoint."""
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import requests

N_PUBLICATIONS = 20
N_DELIVERIES = 200
HANG_SECONDS = 2


class _Endpoint(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802
        self.rfile.read(int(self.headers['Content-Length']))
        if self.path == '/hang':
            time.sleep(HANG_SECONDS)
        try:
            self.send_response(204)
            self.end_headers()
        except OSError:
            self.close_connection = True

    def log_message(self, *args):
        pass


def main(env):
    server = ThreadingHTTPServer(('127.0.0.1', 0), _Endpoint)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = 'http://127.0.0.1:%s' % server.server_address[1]
    env['ir.config_parameter'].set_param('gov_concern.webhook_timeout', '5')
    Channel, Concern = env['gov.concern.channel'], env['gov.concern']
    Channel.search([]).write({'active': False})
    channels = Channel.browse()
    for name, path in (('ok 1', '/ok'), ('ok 2', '/ok'), ('hanging', '/hang')):
        channels |= Channel.create({'name': name, 'url': base + path})
    department = env.ref('gov_interaction.dept_env')

    def concern(n):
        return Concern.create({'title': '基准 %s' % n, 'department_id': department.id,
                               'statement': '<p>%s</p>' % ('权威声明。' * 100)})

    drafts = [concern(n) for n in range(N_PUBLICATIONS)]
    started = time.perf_counter()
    for draft in drafts:
        draft.action_publish()
    ours = (time.perf_counter() - started) / N_PUBLICATIONS
    env.cr._pop_event_handlers()  # never committed: nothing is sent by the threads

    baseline_runs = 3  # each takes seconds
    started = time.perf_counter()
    for n in range(baseline_runs):
        draft = concern('sync %s' % n)
        draft.write({'state': 'published'})
        body = draft._push_payload().encode('utf-8')
        for channel in channels:
            try:
                requests.post(channel.url, data=body, headers={'Content-Type': 'application/json'}, timeout=5)
            except requests.RequestException:
                pass
    baseline = (time.perf_counter() - started) / baseline_runs

    channels.filtered(lambda c: c.name == 'hanging').write({'active': False})
    Delivery = env['gov.concern.delivery']
    Delivery.search([('state', '=', 'pending')]).unlink()
    payload = drafts[0]._push_payload()
    for n in range(N_DELIVERIES):
        Delivery.create({'channel_id': channels[n % 2].id, 'concern_id': drafts[n % N_PUBLICATIONS].id,
                         'event': 'statement', 'item_key': 'bench-%s' % n, 'payload': payload,
                         'next_attempt': '2000-01-01 00:00:00'})
    started = time.perf_counter()
    sent = Delivery._send_due(limit=N_DELIVERIES)
    elapsed = time.perf_counter() - started
    server.shutdown()

    print('Media push: 3 channels, one hangs %ss (timeout 5 s)' % HANG_SECONDS)
    print('  publication, ours (queued, sent after the commit)       %8.1f ms' % (ours * 1000))
    print('  publication, baseline (posted inside the publication)   %8.1f ms' % (baseline * 1000))
    print('  ratio                                                   %8.0f x faster' % (baseline / ours))
    print('  delivery to a healthy local endpoint: %d signed POSTs in %.2f s = %.0f/s'
          % (len(sent), elapsed, len(sent) / elapsed))


if __name__ == '__main__':
    main(env)  # noqa: F821
