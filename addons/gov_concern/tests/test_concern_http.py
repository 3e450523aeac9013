# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Responses to public concerns (回应关切, 5.4) over real HTTP: the public
pages, the Atom feed, the JSON API (4.1.4), and a webhook delivered right
after the publication is committed (5.4.3)."""
import hashlib
import hmac
import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import requests
from gov_http import call, error_of, odoo_env
from lxml import etree

ATOM = '{http://www.w3.org/2005/Atom}'
FLOOD = '关于宾县强降雨引发洪涝灾害情况的通报'


def demo_id(xmlid):
    with odoo_env() as env:
        return env.ref(xmlid).id


def published_concern(**values):
    """A new concern published (and committed) as a clerk would: its id."""
    with odoo_env() as env:
        clerk = env.ref('gov_interaction.user_clerk')
        vals = {'title': '测试关切 %s' % uuid.uuid4().hex[:6], 'kind': 'hot_topic',
                'department_id': env.ref('gov_interaction.dept_env').id,
                'statement': '<p>权威声明正文。</p>'}
        vals.update(values)
        concern = env['gov.concern'].sudo(clerk).create(vals)
        concern.sudo(clerk).action_publish()
        return concern.id


def test_4_1_4_api_concerns_list_and_detail(odoo_server):
    offset = odoo_server.log_size()
    listing = call(odoo_server, 'GET', '/concerns', params={'limit': 100})
    assert listing.status_code == 200, listing.text
    data = listing.json()
    items = data['items']
    assert data['total'] >= 3 and data['limit'] == 100 and data['offset'] == 0
    published = [item['date_published'] for item in items]
    assert published == sorted(published, reverse=True)
    assert {item['state'] for item in items} <= {'published', 'closed'}
    flood = next(item for item in items if item['title'] == FLOOD)
    assert (flood['kind'], flood['kind_name']) == ('emergency', '重大突发事件')
    assert flood['responding_body'] == '宾县人民政府'
    assert flood['update_count'] == 4 and flood['url'].endswith('/interaction/concerns/%s' % flood['id'])
    hot = call(odoo_server, 'GET', '/concerns', params={'kind': 'hot_topic', 'lang': 'en_US'}).json()['items']
    assert hot and {item['kind_name'] for item in hot} == {'Hot Topic'}

    bad = error_of(call(odoo_server, 'GET', '/concerns', params={'kind': 'rumour', 'limit': 0}),
                   422, 'validation_error')
    assert set(bad['details']['fields']) == {'kind'}
    bad = error_of(call(odoo_server, 'GET', '/concerns', params={'limit': 0}), 422, 'validation_error')
    assert set(bad['details']['fields']) == {'limit'}

    detail = call(odoo_server, 'GET', '/concerns/%s' % flood['id']).json()
    assert '1260人' in detail['statement']['text']
    titles = [update['title'] for update in detail['timeline']]
    assert titles[0] == '灾后防疫消杀与救助资金下拨' and titles[-1] == '防汛应急响应提升至Ⅱ级'
    dates = [update['date'] for update in detail['timeline']]
    assert dates == sorted(dates, reverse=True)
    # Drafts (a response still awaited) and unknown numbers are not found.
    draft = demo_id('gov_concern.concern_afterschool')
    error_of(call(odoo_server, 'GET', '/concerns/%s' % draft), 404, 'not_found')
    error_of(call(odoo_server, 'GET', '/concerns/99999999999'), 404, 'not_found')
    assert all(item['id'] != draft for item in items)
    assert odoo_server.errors_since(offset) == []


def test_5_4_1_public_pages_escape_text_and_hide_drafts(odoo_server):
    offset = odoo_server.log_size()
    concern_id = published_concern(title='<script>alert(1)</script>停水通知', region='<b>道里区</b>',
                                   statement='<p>今晚恢复供水。</p><script>alert(2)</script>')
    page = requests.get(odoo_server.url + '/interaction/concerns/%s' % concern_id, timeout=30)
    assert page.status_code == 200
    assert '<script>alert(1)' not in page.text and '&lt;script&gt;alert(1)' in page.text
    assert '<b>道里区</b>' not in page.text and 'alert(2)' not in page.text
    assert '今晚恢复供水' in page.text
    assert 'application/atom+xml' in page.text  # the feed is discoverable
    listing = requests.get(odoo_server.url + '/interaction/concerns', timeout=30)
    assert listing.status_code == 200 and '&lt;script&gt;alert(1)' in listing.text
    assert '<script>alert(1)' not in listing.text
    draft = demo_id('gov_concern.concern_afterschool')
    for path in ('/interaction/concerns/%s' % draft, '/interaction/concerns/0',
                 '/interaction/concerns/99999999999'):
        assert requests.get(odoo_server.url + path, timeout=30).status_code == 404, path
    filtered = requests.get(odoo_server.url + '/interaction/concerns?kind=emergency', timeout=30)
    assert FLOOD in filtered.text and '关于2026—2027年采暖期供热收费' not in filtered.text
    assert odoo_server.errors_since(offset) == []


def test_5_4_3_atom_feed_over_http(odoo_server):
    response = requests.get(odoo_server.url + '/interaction/concerns/feed.atom', timeout=30)
    assert response.status_code == 200
    assert response.headers['Content-Type'].startswith('application/atom+xml')
    feed = etree.fromstring(response.content)
    assert feed.tag == ATOM + 'feed'
    titles = [entry.findtext(ATOM + 'title') for entry in feed.findall(ATOM + 'entry')]
    assert FLOOD in titles and FLOOD + '：灾后防疫消杀与救助资金下拨' in titles
    assert not any('课后服务' in title for title in titles)  # a draft


class _Receiver(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802
        body = self.rfile.read(int(self.headers['Content-Length']))
        self.server.received.append((dict(self.headers), body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_5_4_3_webhook_delivered_right_after_the_publication_commits():
    server = ThreadingHTTPServer(('127.0.0.1', 0), _Receiver)
    server.received = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with odoo_env() as env:
            channel = env['gov.concern.channel'].create({
                'name': '测试媒体', 'url': 'http://127.0.0.1:%s/hook' % server.server_address[1]})
            channel_id, secret = channel.id, channel.secret
        concern_id = published_concern(title='提交后立即推送')
        deadline = time.time() + 15
        while not server.received and time.time() < deadline:
            time.sleep(0.1)
        assert server.received, 'sent without waiting for the cron'
        headers, body = server.received[0]
        expected = 'sha256=' + hmac.new(secret.encode(), headers['X-Gov-Timestamp'].encode() + b'.' + body,
                                        hashlib.sha256).hexdigest()
        assert hmac.compare_digest(headers['X-Gov-Signature'], expected)
        assert json.loads(body)['concern']['id'] == concern_id
        state = None
        while state != 'done' and time.time() < deadline:
            time.sleep(0.1)
            with odoo_env() as env:
                delivery = env['gov.concern.delivery'].search([('channel_id', '=', channel_id)])
                state, code = delivery.state, delivery.response_code
        assert (state, code) == ('done', 204)
    finally:
        with odoo_env() as env:
            env['gov.concern.channel'].browse(channel_id).write({'active': False})
        server.shutdown()
        server.server_close()
