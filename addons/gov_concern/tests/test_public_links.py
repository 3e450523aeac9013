# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The Atom feed of public concerns (5.4.3) over HTTP: the links media and
other sites follow are on the site's configured address, whatever Host or
X-Forwarded-Host a client sends, so a shared cache never keeps a forged copy."""
from lxml import etree

from odoo.addons.gov_interaction.tests.http_common import HttpTransactionCase

from .test_concern import ConcernCase

ATOM = '{http://www.w3.org/2005/Atom}'
BASE = 'https://www.hlj.gov.cn'
FORGED = ({'host': 'evil.example'}, {'headers': {'X-Forwarded-Host': 'evil.example'}})


class TestPublicLinks(HttpTransactionCase, ConcernCase):

    def test_5_4_3_feed_links_on_the_configured_address_whatever_the_host(self):
        self.env['ir.config_parameter'].sudo().set_param('web.base.url', BASE)
        concern = self.new_concern()
        concern.action_publish()
        update = self.new_update(concern)
        update.action_publish()
        for forged in FORGED:
            response = self.url_open('/interaction/concerns/feed.atom', **forged)
            self.assertEqual(response.status_code, 200)
            self.assertNotIn('evil.example', response.get_data(as_text=True))
            feed = etree.fromstring(response.get_data())
            links = [link.get('href') for link in feed.iter(ATOM + 'link')]
            links += [node.text for node in feed.iter(ATOM + 'id')]
            self.assertIn('%s/interaction/concerns/%s#update-%s' % (BASE, concern.id, update.id), links)
            for link in links:
                self.assertTrue(link.startswith(BASE + '/'), link)
            # The same body for every client, so a shared cache may keep it.
            self.assertIn('public', response.headers['Cache-Control'])
