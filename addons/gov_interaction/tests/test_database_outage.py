# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""While PostgreSQL is unreachable every request is answered 503 with
Retry-After: JSON under /api/, a plain page elsewhere; never Werkzeug's 500
page, a 404 or a "please sign in" (issue 12, no letter lost)."""
import json
import unittest

import psycopg2
from werkzeug.test import EnvironBuilder

from odoo.exceptions import AccessDenied
from odoo.sql_db import PoolError

from ..models.ir_http_outage import _guarded_dispatch, is_database_unavailable


def _restart(*_args):
    raise psycopg2.OperationalError('server closed the connection unexpectedly')


class TestDatabaseOutage(unittest.TestCase):

    def answer(self, path, **kwargs):
        """What the guarded dispatch answers to ``path`` during a restart."""
        captured = {}

        def start_response(status, headers):
            captured.update(status=status, headers=dict(headers))

        environ = EnvironBuilder(path=path, **kwargs).get_environ()
        body = b''.join(_guarded_dispatch(_restart)(None, environ, start_response))
        return captured['status'], captured['headers'], body.decode('utf-8')

    def test_lost_connections_are_outages(self):
        self.assertTrue(is_database_unavailable(psycopg2.OperationalError('could not connect')))
        self.assertTrue(is_database_unavailable(psycopg2.InterfaceError('connection already closed')))
        self.assertTrue(is_database_unavailable(PoolError('The Connection Pool Is Full')))
        try:
            try:
                _restart()
            except psycopg2.OperationalError as error:
                raise AccessDenied() from error
        except AccessDenied as denied:
            self.assertTrue(is_database_unavailable(denied))
        self.assertFalse(is_database_unavailable(ValueError('bad input')))
        self.assertFalse(is_database_unavailable(AccessDenied()))

    def test_api_gets_a_json_503_in_chinese(self):
        status, headers, body = self.answer('/api/v1/letters', method='POST')
        self.assertTrue(status.startswith('503'))
        self.assertEqual(headers['Retry-After'], '5')
        error = json.loads(body)['error']
        self.assertEqual(error['code'], 'unavailable')
        self.assertRegex(error['message'], '[\u4e00-\u9fff]')

    def test_pages_get_a_plain_503_page(self):
        status, headers, body = self.answer('/interaction/letters/new', method='POST',
                                            headers={'Accept-Language': 'en-US,en'})
        self.assertTrue(status.startswith('503'))
        self.assertEqual(headers['Retry-After'], '5')
        self.assertTrue(headers['Content-Type'].startswith('text/html'))
        self.assertIn('Service briefly unavailable', body)
        self.assertNotIn('Traceback', body)

    def test_other_errors_are_not_hidden(self):
        def broken(*_args):
            raise ValueError('a bug')
        environ = EnvironBuilder(path='/web').get_environ()
        with self.assertRaises(ValueError):
            _guarded_dispatch(broken)(None, environ, lambda *a: None)
