# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A client's retry of POST /api/v1/letters with the same Idempotency-Key
never creates a second letter (issue 12: no letter lost, none twice)."""
import json

from odoo.addons.gov_interaction.tests.http_common import HttpTransactionCase

KEY = '0f8fad5b-d9cb-469f-a165-70867728950e'
LETTER = {'title': '小区供暖不达标', 'content': '室温长期低于18度，请督促供热公司整改。', 'category': 'd'}


class TestLetterIdempotency(HttpTransactionCase):

    def setUp(self):
        super().setUp()
        self.authenticate('citizen', 'citizen')
        self.Letter = self.env['gov.letter'].sudo()

    def post(self, body, key=KEY):
        headers = {'Content-Type': 'application/json'}
        if key is not None:
            headers['Idempotency-Key'] = key
        response = self._open('POST', '/api/v1/letters', headers=headers, data=json.dumps(body))
        return response.status_code, response.headers, json.loads(response.get_data())

    def test_retry_with_the_same_key_answers_the_first_letter(self):
        before = self.Letter.search_count([])
        status, _headers, first = self.post(LETTER)
        self.assertEqual(status, 201, first)
        status, headers, again = self.post(LETTER)
        self.assertEqual(status, 200, again)
        self.assertEqual(headers.get('Idempotent-Replayed'), 'true')
        self.assertEqual((again['number'], again['query_code']), (first['number'], first['query_code']))
        self.assertEqual(self.Letter.search_count([]), before + 1)
        letter = self.Letter._find_by_query(first['number'], again['query_code'])
        self.assertEqual(letter.title, LETTER['title'])

    def test_the_key_does_not_keep_the_code_in_clear(self):
        _status, _headers, first = self.post(LETTER)
        self.env.cr.execute("SELECT * FROM gov_letter_idempotency")
        stored = json.dumps(self.env.cr.fetchall(), default=str)
        self.assertNotIn(first['query_code'], stored)
        self.assertNotIn(KEY, stored)

    def test_the_same_key_for_another_letter_is_refused(self):
        self.post(LETTER)
        before = self.Letter.search_count([])
        status, _headers, error = self.post(dict(LETTER, title='另一件事'))
        self.assertEqual((status, error['error']['code']), (422, 'validation_error'))
        self.assertEqual(self.Letter.search_count([]), before)

    def test_a_malformed_key_is_refused_and_nothing_is_written(self):
        before = self.Letter.search_count([])
        status, _headers, error = self.post(LETTER, key='short')
        self.assertEqual((status, error['error']['code']), (422, 'validation_error'))
        self.assertIn('Idempotency-Key', error['error']['message'])
        self.assertEqual(self.Letter.search_count([]), before)

    def test_without_a_key_each_request_is_a_letter(self):
        before = self.Letter.search_count([])
        self.post(LETTER, key=None)
        self.post(LETTER, key=None)
        self.assertEqual(self.Letter.search_count([]), before + 2)
