# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Media push (5.4.3): signed webhooks against a real local HTTP server,
retries with back-off, the delivery log, and the Atom feed."""
import datetime
import hashlib
import hmac
import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from lxml import etree

from odoo import SUPERUSER_ID, api, fields
from odoo.exceptions import UserError

from .test_concern import ConcernCase, ago

ATOM = '{http://www.w3.org/2005/Atom}'


class _Handler(BaseHTTPRequestHandler):
    """/ok checks the signature like a medium would (401 if wrong), /fail
    answers 500, /slow answers too late."""

    def do_POST(self):  # noqa: N802 (http.server's name)
        server = self.server
        body = self.rfile.read(int(self.headers.get('Content-Length', 0)))
        timestamp = self.headers.get('X-Gov-Timestamp', '')
        expected = 'sha256=' + hmac.new(server.secret.encode(), timestamp.encode() + b'.' + body,
                                        hashlib.sha256).hexdigest()
        valid = hmac.compare_digest(expected, self.headers.get('X-Gov-Signature', ''))
        server.received.append({'path': self.path, 'headers': dict(self.headers), 'body': body,
                                'valid': valid})
        if self.path == '/slow':
            time.sleep(server.delay)
        status = 500 if self.path == '/fail' else (200 if valid else 401)
        try:
            self.send_response(status)
            self.end_headers()
            self.wfile.write(b'{"ok": true}' if status == 200 else b'refused')
        except OSError:  # the client gave up (timeout)
            self.close_connection = True

    def log_message(self, *args):
        pass


class Receiver:
    """A media endpoint on a free local port, in a thread."""

    def __init__(self, secret='', delay=3):
        self.server = ThreadingHTTPServer(('127.0.0.1', 0), _Handler)
        self.server.secret, self.server.delay, self.server.received = secret, delay, []
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path):
        return 'http://127.0.0.1:%s%s' % (self.server.server_address[1], path)

    @property
    def received(self):
        return self.server.received

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def closed_port():
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


class TestConcernPush(ConcernCase):

    def setUp(self):
        super().setUp()
        self.Channel = self.env['gov.concern.channel']
        self.Delivery = self.env['gov.concern.delivery']
        # Only this test's channels.
        self.Channel.search([]).write({'active': False})
        self.receiver = Receiver()
        self.addCleanup(self.receiver.stop)
        set_param = self.env['ir.config_parameter'].set_param
        set_param('gov_concern.webhook_timeout', '1')
        set_param('gov_concern.webhook_retry_seconds', '120')
        set_param('gov_concern.webhook_max_attempts', '3')

    def channel(self, path, **values):
        values = dict({'name': 'Daily %s' % path, 'url': self.receiver.url(path)}, **values)
        channel = self.Channel.create(values)
        self.receiver.server.secret = channel.secret
        return channel

    def published(self, **values):
        concern = self.new_concern(**values)
        concern.sudo(self.clerk).action_publish()
        return concern

    def deliveries(self, concern):
        return self.Delivery.search([('concern_id', '=', concern.id)])

    def make_due(self, deliveries):
        deliveries.write({'next_attempt': ago(seconds=1)})

    def test_5_4_3_statement_is_pushed_signed_to_each_active_channel(self):
        channel = self.channel('/ok')
        self.Channel.create({'name': 'Inactive', 'url': self.receiver.url('/ok'), 'active': False})
        concern = self.published(title='Bridge closed on the Songhua River')
        delivery = self.deliveries(concern)
        self.assertEqual(delivery.channel_id, channel)  # none for the inactive channel
        self.assertEqual((delivery.state, delivery.event, delivery.attempts), ('pending', 'statement', 0))
        self.assertEqual(self.receiver.received, [])  # publication only queues

        self.Delivery._send_due()
        self.assertEqual(len(self.receiver.received), 1)
        request = self.receiver.received[0]
        self.assertTrue(request['valid'], 'HMAC-SHA256 of timestamp.body with the secret')
        headers = request['headers']
        self.assertEqual(headers['X-Gov-Event'], 'concern.statement')
        self.assertEqual(headers['X-Gov-Delivery'], str(delivery.id))
        self.assertLess(abs(int(headers['X-Gov-Timestamp']) - time.time()), 60)
        self.assertTrue(headers['Content-Type'].startswith('application/json'))
        self.assertEqual(request['body'].decode('utf-8'), delivery.payload)
        payload = json.loads(request['body'])
        self.assertEqual(payload['event'], 'concern.statement')
        self.assertEqual(payload['concern']['title'], 'Bridge closed on the Songhua River')
        self.assertEqual(payload['concern']['kind_name'], '社会热点')  # the media's language
        self.assertIn('restored by 18:00', payload['statement']['text'])
        self.assertTrue(payload['concern']['url'].endswith('/interaction/concerns/%s' % concern.id))
        self.assertEqual((delivery.state, delivery.attempts, delivery.response_code), ('done', 1, 200))
        self.assertTrue(delivery.date_done)
        self.assertFalse(delivery.last_error)
        self.Delivery._send_due()
        self.assertEqual(len(self.receiver.received), 1, 'delivered once')

    def test_5_4_3_each_published_update_is_pushed(self):
        self.channel('/ok')
        concern = self.published()
        update = self.new_update(concern, title='Water restored')
        self.assertEqual(len(self.deliveries(concern)), 1)  # a draft is not pushed
        update.sudo(self.clerk).action_publish()
        pushed = self.Delivery.search([('update_id', '=', update.id)])
        self.assertEqual(pushed.event, 'update')
        self.Delivery._send_due()
        bodies = {r['headers']['X-Gov-Event']: json.loads(r['body']) for r in self.receiver.received}
        self.assertEqual(set(bodies), {'concern.statement', 'concern.update'})
        self.assertEqual(bodies['concern.update']['update']['title'], 'Water restored')
        self.assertEqual(bodies['concern.update']['concern']['update_count'], 1)
        self.assertEqual(pushed.state, 'done')

    def test_5_4_3_failing_endpoint_backs_off_then_gives_up_publication_stands(self):
        self.channel('/fail')
        concern = self.published()
        self.assertEqual(concern.state, 'published')
        delivery = self.deliveries(concern)
        before = datetime.datetime.utcnow().replace(microsecond=0)
        self.Delivery._send_due()
        self.assertEqual((delivery.state, delivery.attempts, delivery.response_code), ('pending', 1, 500))
        self.assertIn('500', delivery.last_error)
        wait = fields.Datetime.from_string(delivery.next_attempt) - before
        self.assertAlmostEqual(wait.total_seconds(), 120, delta=5)
        self.Delivery._send_due()  # not due yet
        self.assertEqual(delivery.attempts, 1)
        self.make_due(delivery)
        before = datetime.datetime.utcnow().replace(microsecond=0)
        self.Delivery._send_due()
        wait = fields.Datetime.from_string(delivery.next_attempt) - before
        self.assertEqual(delivery.attempts, 2)
        self.assertAlmostEqual(wait.total_seconds(), 240, delta=5)  # doubled
        self.make_due(delivery)
        self.Delivery._send_due()
        self.assertEqual((delivery.state, delivery.attempts), ('failed', 3))  # the maximum
        self.assertFalse(delivery.next_attempt)
        self.make_due(delivery)
        self.Delivery._send_due()
        self.assertEqual(len(self.receiver.received), 3)
        self.assertEqual(concern.state, 'published')
        # A clerk tries again once the medium has fixed its endpoint.
        delivery.channel_id.write({'url': self.receiver.url('/ok')})
        delivery.sudo(self.clerk).action_retry()
        self.assertEqual((delivery.state, delivery.attempts), ('pending', 0))
        self.Delivery._send_due()
        self.assertEqual(delivery.state, 'done')
        with self.assertRaises(UserError):
            delivery.sudo(self.handler_env).action_retry()

    def test_5_4_3_refused_connection_and_timeout_are_retried(self):
        refused = self.Channel.create({'name': 'Down', 'url': 'http://127.0.0.1:%s/hook' % closed_port()})
        slow = self.channel('/slow')
        concern = self.published()
        self.Delivery._send_due()
        # The slow endpoint got the request and the sender gave up on its
        # answer after the timeout (1 s here); how long a hanging medium
        # delays the others is measured by bench/bench_concern_push.py.
        self.assertEqual([request['path'] for request in self.receiver.received], ['/slow'])
        by_channel = {d.channel_id: d for d in self.deliveries(concern)}
        down, late = by_channel[refused], by_channel[slow]
        self.assertEqual((down.state, down.attempts, down.response_code), ('pending', 1, 0))
        self.assertIn('Could not connect', down.last_error)
        self.assertEqual((late.state, late.attempts), ('pending', 1))
        self.assertIn('No answer within 1 seconds', late.last_error)
        self.assertTrue(down.next_attempt and late.next_attempt)
        self.assertEqual(concern.state, 'published')

    def test_5_4_3_wrong_signature_is_refused_by_the_medium(self):
        channel = self.channel('/ok')
        self.receiver.server.secret = 'not the shared secret'
        concern = self.published()
        self.Delivery._send_due()
        delivery = self.deliveries(concern)
        self.assertFalse(self.receiver.received[0]['valid'])
        self.assertEqual((delivery.state, delivery.response_code), ('pending', 401))
        self.assertTrue(channel.failed_count == 0 and channel.pending_count == 1)

    def test_5_4_3_no_channel_no_delivery(self):
        concern = self.published()
        self.assertFalse(self.deliveries(concern))

    def test_5_4_3_atom_feed_lists_statements_and_updates_newest_first(self):
        concern = self.published(title='Heating <starts> early & cheaper')
        update = self.new_update(concern, title='Prices confirmed')
        update.sudo(self.clerk).action_publish()
        draft = self.new_concern(title='Unpublished draft')
        feed = etree.fromstring(self.Concern._atom_feed())
        self.assertEqual(feed.tag, ATOM + 'feed')
        for tag in ('id', 'title', 'updated', 'author'):
            self.assertIsNotNone(feed.find(ATOM + tag), tag)
        self.assertTrue(feed.find(ATOM + 'link[@rel="self"]').get('href').endswith(
            '/interaction/concerns/feed.atom'))
        entries = feed.findall(ATOM + 'entry')
        ids = [entry.findtext(ATOM + 'id') for entry in entries]
        self.assertEqual(len(ids), len(set(ids)), 'entry ids are unique')
        updated = [entry.findtext(ATOM + 'updated') for entry in entries]
        self.assertEqual(updated, sorted(updated, reverse=True))
        for entry in entries:
            for tag in ('id', 'title', 'updated', 'content', 'summary'):
                self.assertIsNotNone(entry.find(ATOM + tag), tag)
            self.assertRegex(entry.findtext(ATOM + 'updated'), r'^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$')
            self.assertEqual(entry.find(ATOM + 'content').get('type'), 'html')
            self.assertIsNotNone(entry.find(ATOM + 'link[@rel="alternate"]'))
        titles = [entry.findtext(ATOM + 'title') for entry in entries]
        self.assertIn('Heating <starts> early & cheaper', titles)  # escaped by the XML, read back intact
        self.assertIn('Heating <starts> early & cheaper：Prices confirmed', titles)
        self.assertNotIn(draft.title, ' '.join(titles))
        entry = entries[titles.index('Heating <starts> early & cheaper：Prices confirmed')]
        self.assertTrue(entry.findtext(ATOM + 'id').endswith('#update-%s' % update.id))
        self.assertIn('Pipes repaired', entry.findtext(ATOM + 'content'))

    def test_5_4_3_send_test_pings_the_endpoint(self):
        channel = self.channel('/ok')
        channel.action_send_test()
        request = self.receiver.received[0]
        self.assertTrue(request['valid'])
        self.assertEqual(request['headers']['X-Gov-Event'], 'ping')
        self.assertIn('HTTP 200', channel.last_test)
        channel.write({'url': self.receiver.url('/fail')})
        channel.action_send_test()
        self.assertIn('500', channel.last_test)

    def test_5_4_3_switched_off_channel_keeps_its_deliveries_pending(self):
        channel = self.channel('/ok')
        concern = self.published()
        channel.write({'active': False})
        self.deliveries(concern)._send()
        self.assertEqual(self.receiver.received, [])
        self.assertEqual(self.deliveries(concern).state, 'pending')
        channel.write({'active': True})
        self.Delivery._send_due()
        self.assertEqual(self.deliveries(concern).state, 'done')


class TestConcernPushAfterCommit(ConcernCase):
    """5.4.3 with a real commit, as a request's transaction ends: the POST
    leaves from the after-commit thread, without waiting for the cron.
    The records are committed on a cursor of the test's own and removed at
    the end; the test's transaction writes nothing (no lock to wait for)."""

    WAIT = 30  # seconds before the test gives up waiting (not a speed limit)

    def setUp(self):
        super().setUp()
        self.receiver = Receiver()
        self.addCleanup(self.receiver.stop)

    def committed(self, query, params):
        with self.registry.cursor() as cr:
            cr.execute(query, params)
            return cr.fetchone()

    def wait_for(self, condition):
        deadline = time.monotonic() + self.WAIT
        while not condition() and time.monotonic() < deadline:
            time.sleep(0.05)
        return condition()

    def publish_and_commit(self):
        """A channel to the receiver (the only active one) and a published
        concern, committed: (concern id, channel id, delivery id)."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {'lang': 'en_US'})
            Channel = env['gov.concern.channel']
            others = Channel.search([])
            others.write({'active': False})
            self.addCleanup(self.reactivate, others.ids)
            channel = Channel.create({'name': 'Daily after commit', 'url': self.receiver.url('/ok')})
            self.receiver.server.secret = channel.secret
            concern = env['gov.concern'].sudo(self.clerk.id).create({
                'title': 'Ferry service resumes on the Songhua River', 'kind': 'hot_topic',
                'department_id': self.env_dept.id,
                'statement': '<p>Ferries run again from 7:00.</p>'})
            handlers = cr._event_handlers['commit']
            count = len(handlers)
            concern.action_publish()
            self.assertEqual(len(handlers), count + 1, 'a send is registered for after the commit')
            delivery = env['gov.concern.delivery'].search([('concern_id', '=', concern.id)])
            self.assertEqual((delivery.channel_id, delivery.state), (channel, 'pending'))
            self.assertEqual(self.receiver.received, [], 'nothing is sent before the commit')
            ids = concern.id, channel.id, delivery.id
            payload = delivery.payload
        self.addCleanup(self.remove, *ids[:2])  # runs before reactivate (last in, first out)
        return ids + (payload,)

    def reactivate(self, channel_ids):
        with self.registry.cursor() as cr:
            api.Environment(cr, SUPERUSER_ID, {})['gov.concern.channel'].browse(
                channel_ids).write({'active': True})

    def remove(self, concern_id, channel_id):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            concern = env['gov.concern'].browse(concern_id)
            concern._transition().write({'state': 'draft'})  # published concerns are kept
            concern.unlink()
            env['gov.concern.channel'].browse(channel_id).unlink()

    def test_5_4_3_publication_sends_right_after_commit(self):
        _concern_id, _channel_id, delivery_id, payload = self.publish_and_commit()
        self.assertTrue(self.wait_for(lambda: self.receiver.received), 'the POST arrived')
        self.assertEqual(len(self.receiver.received), 1)
        request = self.receiver.received[0]
        self.assertEqual(request['path'], '/ok')
        self.assertTrue(request['valid'], 'signed with the channel\'s secret')
        self.assertEqual(request['headers']['X-Gov-Event'], 'concern.statement')
        self.assertEqual(request['headers']['X-Gov-Delivery'], str(delivery_id))
        self.assertEqual(request['body'].decode('utf-8'), payload)
        self.assertEqual(json.loads(request['body'])['concern']['title'],
                         'Ferry service resumes on the Songhua River')
        # The thread records the delivery in its own committed transaction.
        query = "SELECT state, attempts, response_code FROM gov_concern_delivery WHERE id = %s"
        self.assertTrue(self.wait_for(lambda: self.committed(query, (delivery_id,))[0] == 'done'))
        self.assertEqual(self.committed(query, (delivery_id,)), ('done', 1, 200))
