# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A client's retry of POST /api/v1/letters with the same Idempotency-Key
never creates a second letter (issue 12: no letter lost, none twice)."""
import json
import threading
import uuid

import psycopg2
from psycopg2 import errorcodes

from odoo import SUPERUSER_ID, api, sql_db
from odoo.service.model import PG_CONCURRENCY_ERRORS_TO_RETRY

from odoo.addons.gov_interaction.tests.http_common import HttpTransactionCase

from ..models.gov_letter_idempotency import KeyInUse

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

    def test_a_key_is_claimed_in_one_statement_and_once(self):
        Keys = self.env['gov.letter.idempotency'].sudo()
        partner = self.env.ref('gov_interaction.user_citizen').partner_id
        queries = self.cr.sql_log_count
        claim = Keys._claim(partner, KEY)
        self.assertEqual(self.cr.sql_log_count - queries, 1)
        self.assertEqual(Keys._find(partner, KEY), claim)
        with self.assertRaises(KeyInUse):
            Keys._claim(partner, KEY)

    def test_a_key_in_use_waits_for_the_first_request_then_runs_again(self):
        """Two requests with one key at once: the second waits at its claim
        until the first commits, then is refused as a serialization failure,
        which Odoo answers by running it again (and _find then answers the
        first letter)."""
        partner_id = self.env.ref('gov_interaction.user_citizen').partner_id.id
        key, refused = str(uuid.uuid4()), {}
        # two transactions of their own (the test's cursor is shared by its requests)
        first, second = [sql_db.db_connect(self.cr.dbname).cursor() for _index in range(2)]

        def claim(cr):
            with api.Environment.manage():
                env = api.Environment(cr, SUPERUSER_ID, {})
                env['gov.letter.idempotency']._claim(env['res.partner'].browse(partner_id), key)

        def claim_second():
            try:
                claim(second)
            except psycopg2.OperationalError as error:
                refused['code'] = error.pgcode

        try:
            claim(first)
            second.execute('SELECT 1')  # its snapshot: before the first commits
            waiting = threading.Thread(target=claim_second)
            waiting.start()
            waiting.join(0.5)
            self.assertTrue(waiting.is_alive())  # held by the first
            first.commit()
            waiting.join(10)
            self.assertEqual(refused.get('code'), errorcodes.SERIALIZATION_FAILURE)
            self.assertIn(errorcodes.SERIALIZATION_FAILURE, PG_CONCURRENCY_ERRORS_TO_RETRY)
        finally:
            second.rollback()
            second.close()
            digest = self.env['gov.letter.idempotency']._key_digest(self.env['res.partner'].browse(
                partner_id), key)
            first.execute('DELETE FROM gov_letter_idempotency WHERE key_digest = %s', [digest])
            first.commit()
            first.close()
