# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Re-posting (5.2.8) and the JSON API (4.1.4) over HTTP: the absolute
links other sites and apps follow are on the site's configured address,
whatever Host or X-Forwarded-Host a client sends."""
import json
import re
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta

from odoo import fields

from odoo.addons.gov_interaction.tests.http_common import HttpTransactionCase

ATOM = '{http://www.w3.org/2005/Atom}'
BASE = 'https://www.hlj.gov.cn'
FORGED = ({'host': 'evil.example'}, {'headers': {'X-Forwarded-Host': 'evil.example'}})
PNG = ('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==')


class TestPublicLinks(HttpTransactionCase):

    def setUp(self):
        super().setUp()
        self.env['ir.config_parameter'].sudo().set_param('web.base.url', BASE)
        handler = self.env.ref('gov_interaction.user_handler_edu')
        start = fields.Datetime.to_string(datetime.utcnow() + timedelta(days=2))
        self.interview = self.env['gov.interview'].sudo(handler).create({
            'name': '学前教育普惠发展', 'department_id': self.env.ref('gov_interaction.dept_edu').id,
            'date_start': start, 'video_url': 'https://media.example.gov.cn/live/edu.mp4',
            'guest_ids': [(0, 0, {'name': '王建华', 'title': '省教育厅副厅长'})]})
        self.interview.action_announce()
        self.interview.action_start()
        picture = self.env['ir.attachment'].create({
            'name': 'site.png', 'datas_fname': 'site.png', 'datas': PNG, 'mimetype': 'image/png'})
        self.env['gov.interview.post'].sudo(handler).create({
            'interview_id': self.interview.id, 'speaker': '王建华', 'body': '普惠园覆盖率稳步提高。',
            'image_ids': [(6, 0, picture.ids)]})

    def publish(self):
        self.interview.action_end()
        self.interview.action_build_transcript()
        self.interview.action_publish()

    def assert_only_configured_links(self, links):
        self.assertTrue(links)
        for link in links:
            self.assertTrue(link.startswith(BASE + '/'), link)

    def test_5_2_8_feed_links_on_the_configured_address_whatever_the_host(self):
        self.publish()
        for forged in FORGED:
            response = self.url_open('/interaction/interviews/feed.atom', **forged)
            self.assertEqual(response.status_code, 200)
            body = response.get_data(as_text=True)
            self.assertNotIn('evil.example', body)
            feed = ET.fromstring(response.get_data())
            links = [link.get('href') for link in feed.iter(ATOM + 'link')
                     if link.get('type') != 'video/mp4']
            self.assert_only_configured_links(links + [node.text for node in feed.iter(ATOM + 'id')])
            self.assertIn('%s/interaction/interviews/%s/embed' % (BASE, self.interview.id), links)
            # The same body for every client, so a shared cache may keep it.
            self.assertIn('public', response.headers['Cache-Control'])

    def test_5_2_8_embed_links_on_the_configured_address_whatever_the_host(self):
        for forged in FORGED:
            response = self.url_open('/interaction/interviews/%s/embed' % self.interview.id, **forged)
            self.assertEqual(response.status_code, 200)
            html = response.get_data(as_text=True)
            self.assertNotIn('evil.example', html)
            self.assert_only_configured_links(re.findall(r'<a href="([^"]+)"', html))

    def test_4_1_4_api_picture_links_on_the_configured_address_whatever_the_host(self):
        for forged in FORGED:
            response = self.url_open('/api/v1/interviews/%s' % self.interview.id, **forged)
            self.assertEqual(response.status_code, 200)
            self.assertNotIn('evil.example', response.get_data(as_text=True))
            pictures = json.loads(response.get_data())['posts'][0]['pictures']
            self.assertEqual(len(pictures), 1)
            self.assert_only_configured_links(pictures)
