# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""JSON-RPC errors tell a visitor or a citizen that the call failed, never
the server's traceback, paths or code; staff keep the details."""
from .http_common import HttpTransactionCase


class TestRpcErrors(HttpTransactionCase):

    def assert_no_details(self, answer):
        error = answer['error']
        text = str(error)
        self.assertEqual(error['data']['debug'], '')
        for leak in ('Traceback', 'site-packages', '.py', 'File "'):
            self.assertNotIn(leak, text)

    def test_4_1_4_visitor_gets_no_traceback(self):
        answer = self.call_kw('gov.no.such.model', 'search_read', [[]])
        self.assert_no_details(answer)
        self.assertNotIn('gov.no.such.model', answer['error']['data']['message'])

    def test_4_1_4_citizen_gets_the_reason_but_no_traceback(self):
        self.authenticate('citizen', 'citizen')
        answer = self.call_kw('gov.api.token', 'create', [{'name': 'x', 'user_id': 1}])
        self.assert_no_details(answer)
        answer = self.call_kw('res.partner', 'search_read', [[]], {'fields': ['name'], 'limit': 'x'})
        self.assert_no_details(answer)

    def test_4_1_4_staff_keep_the_details(self):
        self.authenticate('clerk', 'clerk')
        answer = self.call_kw('gov.no.such.model', 'search_read', [[]])
        self.assertIn('Traceback', answer['error']['data']['debug'])
