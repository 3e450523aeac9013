# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""HTTP sessions in PostgreSQL, so that several Odoo servers on one
database share them (README, "Two servers, one database").

Odoo 11 keeps sessions as files under ``data_dir/sessions``: a citizen
signed in on one server would be signed out by the next request another
server answers.  Here the session store of ``odoo.http.root`` is a table of
the database the server serves (``gov_http_session``, created on first
use), read by primary key on every request and written only when the
session changed, as Odoo's own store does; its last use is the row's
``write_date`` (auth_session_timeout's inactivity timeout reads it instead
of a file's modification time, models/res_users_security.py).  A session is pickled as
Werkzeug's file store pickles it (Odoo keeps form data in it across a
sign-in); only the database role writes the table.  Files a form sent
before a sign-in stay in ``session_dir`` (Odoo's code puts them there), on
the filestore all servers share.  Sessions unused for a week are deleted,
as Odoo's own garbage collection does for files.
"""
import logging
import pickle
import random
from contextlib import closing

import psycopg2
import werkzeug.contrib.sessions

import odoo
from odoo import http
from odoo.tools import config

_logger = logging.getLogger(__name__)

TABLE = 'gov_http_session'
KEEP_DAYS = 7
GC_CHANCE = 0.001  # Odoo's own: one request in a thousand


class PostgresSessionStore(werkzeug.contrib.sessions.SessionStore):
    """Werkzeug's session store API (new, get, save, delete) on a table."""

    def __init__(self, dbname, session_class=None):
        super(PostgresSessionStore, self).__init__(session_class)
        self.dbname = dbname
        self.path = config.session_dir  # where Odoo's code puts a form's files
        self._table_ready = False

    def _cursor(self):
        cr = odoo.sql_db.db_connect(self.dbname).cursor()
        cr.autocommit(True)
        if not self._table_ready:
            cr.execute("""CREATE TABLE IF NOT EXISTS gov_http_session (
                              sid varchar(64) PRIMARY KEY,
                              data bytea NOT NULL,
                              write_date timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'))
                       """)
            self._table_ready = True
        return closing(cr)

    def save(self, session):
        data = pickle.dumps(dict(session), pickle.HIGHEST_PROTOCOL)
        with self._cursor() as cr:
            cr.execute("""INSERT INTO gov_http_session (sid, data) VALUES (%s, %s)
                          ON CONFLICT (sid) DO UPDATE
                          SET data = EXCLUDED.data, write_date = now() AT TIME ZONE 'UTC'
                       """, (session.sid, psycopg2.Binary(data)))

    def delete(self, session):
        with self._cursor() as cr:
            cr.execute('DELETE FROM gov_http_session WHERE sid = %s', (session.sid,))

    def get(self, sid):
        if not self.is_valid_key(sid):
            return self.new()
        with self._cursor() as cr:
            cr.execute('SELECT data FROM gov_http_session WHERE sid = %s', (sid,))
            row = cr.fetchone()
        try:
            data = pickle.loads(bytes(row[0])) if row else {}
        except Exception:  # a session written by another version: start anew
            _logger.warning("unreadable session %s…: starting a new one", sid[:8])
            data = {}
        return self.session_class(data, sid, False)

    def touch(self, sid):
        """The session was used now (auth_session_timeout's activity)."""
        with self._cursor() as cr:
            cr.execute("UPDATE gov_http_session SET write_date = now() AT TIME ZONE 'UTC' "
                       "WHERE sid = %s", (sid,))

    def last_used(self, sid):
        """When the session was last used (epoch seconds), or None for a
        session not saved yet."""
        with self._cursor() as cr:
            cr.execute("SELECT extract(epoch FROM write_date) FROM gov_http_session "
                       "WHERE sid = %s", (sid,))
            row = cr.fetchone()
        return float(row[0]) if row else None

    def vacuum(self):
        """Delete the sessions unused for KEEP_DAYS days."""
        with self._cursor() as cr:
            cr.execute("DELETE FROM gov_http_session "
                       "WHERE write_date < (now() AT TIME ZONE 'UTC') - %s * interval '1 day'",
                       (KEEP_DAYS,))


def _session_gc(session_store):
    if isinstance(session_store, PostgresSessionStore):
        if random.random() < GC_CHANCE:
            session_store.vacuum()
    else:
        _session_gc.odoo_session_gc(session_store)


def store_sessions_in_postgresql():
    """post_load: ``odoo.http.root`` keeps its sessions in the database the
    server serves (``-d``/``db_name``); without one (a multi-database
    server) Odoo's file store stays."""
    dbname = (config['db_name'] or '').split(',')[0].strip()
    if not dbname or isinstance(http.root.__dict__.get('session_store'), PostgresSessionStore):
        return
    http.root.session_store = PostgresSessionStore(dbname, session_class=http.OpenERPSession)
    if not hasattr(http.session_gc, 'odoo_session_gc'):
        _session_gc.odoo_session_gc = http.session_gc
        http.session_gc = _session_gc
    _logger.info("HTTP sessions stored in PostgreSQL (%s.%s)", dbname, TABLE)
