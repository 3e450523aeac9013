# Run by scripts/bench.sh through `bin/odoo shell` (where `env` is predefined)
# on a throwaway database; the transaction is rolled back at the end.
"""Media push (5.4.3): how long a publication takes when one of three media
endpoints hangs, ours (queue, send after the commit) against the baseline of
posting to every endpoint inside the publication, as a naive implementation
would; the push delay, from the commit of a publication to the arrival of
its POST at two healthy endpoints, when a third one hangs, against the same
without the hanging one; then how fast the queue is delivered to a healthy
local endpoint."""
import statistics
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import requests

from odoo import SUPERUSER_ID, api

N_PUBLICATIONS = 20
N_DELIVERIES = 200
HANG_SECONDS = 2
N_DELAYS = 5  # publications committed per push-delay scenario
DELAY_TIMEOUT = 1  # gov_concern.webhook_timeout (seconds) in the push-delay runs
WAIT = 60  # seconds before giving up on a POST (a guard, not a limit)


class _Endpoint(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802
        self.rfile.read(int(self.headers['Content-Length']))
        self.server.arrivals[self.headers.get('X-Gov-Delivery')] = time.perf_counter()
        if self.path == '/hang':
            time.sleep(HANG_SECONDS)
        try:
            self.send_response(204)
            self.end_headers()
        except OSError:
            self.close_connection = True

    def log_message(self, *args):
        pass


def _push_delays(env, cr, channel_paths, base, arrivals):
    """Commit N_DELAYS publications on ``cr`` with a channel per path (a
    hanging one first: its delivery is attempted first) and return, for
    each POST to a healthy endpoint, seconds from the commit to its arrival."""
    Channel = env['gov.concern.channel']
    channels = Channel.browse()
    for n, path in enumerate(channel_paths):
        channels |= Channel.create({'name': '%s %s' % (n, path), 'url': base + path})
    department = env.ref('gov_interaction.dept_env')
    delays, concerns = [], env['gov.concern']
    for n in range(N_DELAYS):
        concern = env['gov.concern'].create({'title': '推送时延 %s' % n, 'department_id': department.id,
                                             'statement': '<p>%s</p>' % ('权威声明。' * 100)})
        concern.action_publish()
        concerns |= concern
        healthy = concern.delivery_ids.filtered(lambda d: d.channel_id.url.endswith('/ok'))
        committed = time.perf_counter()
        cr.commit()  # the after-commit thread sends, as after a request
        keys = [str(delivery.id) for delivery in healthy]
        deadline = time.monotonic() + WAIT
        while not all(key in arrivals for key in keys) and time.monotonic() < deadline:
            time.sleep(0.005)
        delays += [arrivals[key] - committed for key in keys if key in arrivals]
    time.sleep(HANG_SECONDS + 1)  # let the thread record the last attempts
    concerns.invalidate_cache()
    concerns._transition().write({'state': 'draft'})  # published concerns are kept otherwise
    concerns.unlink()
    channels.unlink()
    cr.commit()
    return delays


def push_delay(env, base, arrivals):
    """Ours (one of three endpoints hangs) and the baseline (the two healthy
    ones alone), committed on a cursor of their own and removed after."""
    with env.registry.cursor() as cr:
        new_env = api.Environment(cr, SUPERUSER_ID, {})
        params = new_env['ir.config_parameter']
        timeout = params.get_param('gov_concern.webhook_timeout')
        active = new_env['gov.concern.channel'].search([])
        active.write({'active': False})
        params.set_param('gov_concern.webhook_timeout', str(DELAY_TIMEOUT))
        cr.commit()
        try:
            ours = _push_delays(new_env, cr, ['/hang', '/ok', '/ok'], base, arrivals)
            baseline = _push_delays(new_env, cr, ['/ok', '/ok'], base, arrivals)
        finally:
            cr.rollback()
            params.set_param('gov_concern.webhook_timeout', timeout or False)
            active.write({'active': True})
            cr.commit()
    return ours, baseline


def main(env):
    server = ThreadingHTTPServer(('127.0.0.1', 0), _Endpoint)
    server.daemon_threads = True
    server.arrivals = {}
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = 'http://127.0.0.1:%s' % server.server_address[1]
    # First, before this transaction locks any channel row.
    delays, delays_baseline = push_delay(env, base, server.arrivals)
    env.cr.rollback()  # a new snapshot, after what push_delay committed
    env.clear()
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
    print('Push delay: commit to arrival at 2 healthy endpoints, %d publications, timeout %s s'
          % (N_DELAYS, DELAY_TIMEOUT))
    for label, values in (('ours, a third endpoint hangs %ss' % HANG_SECONDS, delays),
                          ('baseline, the healthy endpoints alone', delays_baseline)):
        print('  %-40s p50 %8.1f ms   max %8.1f ms   (%d POSTs)' % (
            label, statistics.median(values) * 1000, max(values) * 1000, len(values)))
    extra = statistics.median(delays) - statistics.median(delays_baseline)
    print('  ratio                                    %8.1f x the baseline; the hanging endpoint '
          'adds %.2f s = %.2f x the timeout, %.2f x its hang'
          % (statistics.median(delays) / statistics.median(delays_baseline), extra,
             extra / DELAY_TIMEOUT, extra / HANG_SECONDS))


if __name__ == '__main__':
    main(env)  # noqa: F821
