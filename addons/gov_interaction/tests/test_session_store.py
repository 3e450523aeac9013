# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""HTTP sessions in PostgreSQL (several servers, one database): what one
server saves another reads, a deleted or unknown session is a new one, and
week-old sessions are deleted."""
from unittest import TestCase

from odoo import http
from odoo.tests.common import get_db_name

from ..models.ir_http_session import TABLE, PostgresSessionStore


class TestSessionStore(TestCase):

    def setUp(self):
        super().setUp()
        # Two stores as two servers would have, on the same database.
        self.one = PostgresSessionStore(get_db_name(), session_class=http.OpenERPSession)
        self.other = PostgresSessionStore(get_db_name(), session_class=http.OpenERPSession)

    def test_the_server_keeps_its_sessions_in_postgresql(self):
        self.assertIsInstance(http.root.session_store, PostgresSessionStore)

    def test_a_session_saved_by_one_server_is_read_by_the_other(self):
        session = self.one.new()
        session.update({'login': 'citizen', 'uid': 7, 'context': {'lang': 'zh_CN'}})
        self.one.save(session)
        read = self.other.get(session.sid)
        self.assertEqual((read.sid, read['uid'], read['context']), (session.sid, 7, {'lang': 'zh_CN'}))
        self.assertFalse(read.new)
        self.other.delete(read)
        self.assertIsNone(self.one.get(session.sid)['uid'])  # signed out

    def test_an_unknown_or_forged_session_id_gets_a_new_session(self):
        self.assertIsNone(self.one.get('0' * 40)['uid'])
        forged = self.one.get("x' OR '1'='1")
        self.assertTrue(forged.new)
        self.assertNotEqual(forged.sid, "x' OR '1'='1")

    def test_sessions_unused_for_a_week_are_deleted(self):
        old, recent = self.one.new(), self.one.new()
        for session in (old, recent):
            session['uid'] = 7
            self.one.save(session)
        with self.one._cursor() as cr:
            cr.execute("UPDATE {t} SET write_date = write_date - interval '8 days' WHERE sid = %s"
                       .format(t=TABLE), (old.sid,))
        self.one.vacuum()
        self.assertIsNone(self.other.get(old.sid)['uid'])
        self.assertEqual(self.other.get(recent.sid)['uid'], 7)
        self.one.delete(recent)
