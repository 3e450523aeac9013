# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Failed sign-ins and query codes are counted in PostgreSQL (gov.throttle),
by account and by address, for every sign-in path and every worker: a
second database connection sees the same counts as the first."""
from odoo import SUPERUSER_ID, api
from odoo.tests.common import TransactionCase


class TestThrottle(TransactionCase):

    def setUp(self):
        super().setUp()
        self.Throttle = self.env['gov.throttle']
        self.keys = [('login', 'Throttle-Test@example.invalid'), ('login_address', '198.51.100.7')]
        self.addCleanup(self.forget)

    def forget(self):
        # The counts are committed on their own cursors, outside the test.
        with self.registry.cursor() as cr:
            cr.execute("DELETE FROM gov_throttle WHERE key LIKE %s OR key LIKE %s",
                       ('%@example.invalid', '198.51.100.%'))

    def test_4_1_4_failures_counted_per_account_and_address_across_connections(self):
        for _attempt in range(5):
            self.assertEqual(self.Throttle.retry_after(self.keys), 0)
            self.Throttle.failed(self.keys)
        wait = self.Throttle.retry_after([('login', 'throttle-test@EXAMPLE.invalid')])
        self.assertTrue(0 < wait <= 15 * 60, 'per account, case-insensitive: %s' % wait)
        # Another worker, on its own connection, sees the same count.
        with self.registry.cursor() as cr:
            other = api.Environment(cr, SUPERUSER_ID, {})['gov.throttle']
            self.assertGreater(other.retry_after([('login', 'throttle-test@example.invalid')]), 0)
        self.assertEqual(self.Throttle.retry_after([('login', 'someone-else@example.invalid')]), 0)
        # A success forgets the account's failures, not the address's.
        self.Throttle.record(self.keys, True)
        self.assertEqual(self.Throttle.retry_after(self.keys[:1]), 0)

    def test_4_1_4_address_limit_and_window_are_settings(self):
        params = self.env['ir.config_parameter'].sudo()
        params.set_param('gov_interaction.login_max_per_address', '3')
        for index in range(3):
            self.Throttle.failed([('login', 'user%s@example.invalid' % index),
                                  ('login_address', '198.51.100.8')])
        self.assertGreater(self.Throttle.retry_after([('login_address', '198.51.100.8')]), 0)
        params.set_param('gov_interaction.throttle_window_minutes', '0')
        self.assertEqual(self.Throttle.retry_after([('login_address', '198.51.100.8')]), 0,
                         'failures older than the window do not count')

    def test_4_1_4_every_sign_in_path_is_throttled_in_the_database(self):
        # res.users._login is what /web/login, /web/session/authenticate,
        # the API and XML-RPC all call.
        Users = self.registry['res.users']
        login = 'citizen'
        self.keys = [('login', login)]
        self.addCleanup(lambda: self.Throttle.record([('login', login)], True))
        self.assertTrue(Users._login(self.env.cr.dbname, login, 'citizen'))
        for _attempt in range(5):
            self.assertFalse(Users._login(self.env.cr.dbname, login, 'wrong password'))
        self.assertGreater(self.Throttle.retry_after([('login', login)]), 0)
        # Past the limit, even the right password is not tried.
        self.assertFalse(Users._login(self.env.cr.dbname, login, 'citizen'))
