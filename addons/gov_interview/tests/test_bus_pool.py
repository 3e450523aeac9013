# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The post_load hook of bus_pool.py: the connection pool is patched in the
gevent process only, once."""
from unittest.mock import patch

from odoo import sql_db
from odoo.modules.module import load_information_from_description_file
from odoo.tests.common import TransactionCase

from odoo.addons import gov_interview

from ..bus_pool import patch_pool


class TestBusPool(TransactionCase):

    def test_pool_waits_in_the_gevent_process_only(self):
        original = sql_db.ConnectionPool.borrow
        self.assertFalse(getattr(original, 'gov_waits', False), "patched outside the gevent process")
        with patch.object(sql_db.ConnectionPool, 'borrow', original), patch('odoo.evented', True):
            patch_pool()
            waiting = sql_db.ConnectionPool.borrow
            self.assertTrue(waiting.gov_waits)
            self.assertIs(waiting.__wrapped__, original)
            patch_pool()
            self.assertIs(sql_db.ConnectionPool.borrow, waiting, "the hook is idempotent")
        self.assertIs(sql_db.ConnectionPool.borrow, original)

    def test_declared_as_post_load_hook(self):
        """Odoo calls it when it loads the module (load_openerp_module), in
        every process, the gevent one included; nothing patches at import."""
        hook = load_information_from_description_file('gov_interview')['post_load']
        self.assertIs(getattr(gov_interview, hook), patch_pool)
