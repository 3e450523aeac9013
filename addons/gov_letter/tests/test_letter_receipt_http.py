# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The receipt of the letter form (5.3.1, Post/Redirect/Get): the query
code reaches the receipt page once, in a cookie only that page gets, signed
for the writer's session; a cookie altered, of another letter or of another
session shows no code."""
import re

import odoo

from odoo.addons.gov_interaction.tests.http_common import HttpTransactionCase

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
TOKEN = re.compile(r'name="submission_token" value="([^"]+)"')
COOKIE = 'gov_letter_receipt'


class TestLetterReceipt(HttpTransactionCase):

    def setUp(self):
        super().setUp()
        self.authenticate('citizen', 'citizen')

    def submit(self):
        """(number, the receipt cookie's Set-Cookie header) of a new letter."""
        page = self.url_open('/interaction/letters/new').get_data(as_text=True)
        response = self._open('POST', '/interaction/letters/new', data={
            'csrf_token': CSRF.search(page).group(1), 'submission_token': TOKEN.search(page).group(1),
            'category': 'b', 'title': '孩子入学需要哪些材料',
            'content': '户口在南岗区，小学报名需要哪些材料？'})
        self.assertEqual(response.status_code, 303)
        number = response.headers['Location'].rsplit('/', 1)[1]
        cookie, = [header for header in response.headers.getlist('Set-Cookie')
                   if header.startswith(COOKIE + '=')]
        return number, cookie

    def receipt(self, number, cookie):
        response = self._open('GET', '/interaction/letters/received/%s' % number,
                              cookies={COOKIE: cookie})
        self.assertEqual(response.status_code, 200)
        return response

    def test_5_3_1_the_receipt_page_shows_the_code_once(self):
        number, header = self.submit()
        for attribute in ('HttpOnly', 'Path=/interaction/letters/received/', 'SameSite=Strict',
                          'Max-Age=600'):
            self.assertIn(attribute, header)
        value = header.split(';')[0].split('=', 1)[1]
        code = value.split('.')[1]
        letter = self.env['gov.letter'].sudo().search([('number', '=', number)])
        self.assertTrue(letter._check_query_code(code))
        response = self.receipt(number, value)
        self.assertIn('>%s<' % code, response.get_data(as_text=True))
        # the page forgets it: a reload shows that it was shown
        self.assertTrue(any(header.startswith(COOKIE + '=;')
                            for header in response.headers.getlist('Set-Cookie')))

    def test_5_3_1_an_altered_or_foreign_receipt_cookie_shows_no_code(self):
        number, header = self.submit()
        value = header.split(';')[0].split('=', 1)[1]
        _number, code, signature = value.split('.')
        for forged in ('%s.ABCDEFGH.%s' % (number, signature), '%s.%s.%s' % (number, code, '0' * 64),
                       '%s.%s' % (number, code), ''):
            page = self.receipt(number, forged).get_data(as_text=True)
            self.assertNotIn(code, page)
            self.assertIn('o_gov_letter_code_shown', page)
        # the writer's other session (another browser): the cookie is not its own
        store = odoo.http.root.session_store
        self.session = store.new()
        self.session.db = self.cr.dbname
        self.addCleanup(store.delete, self.session)
        self.authenticate('citizen', 'citizen')
        self.assertNotIn(code, self.receipt(number, value).get_data(as_text=True))
