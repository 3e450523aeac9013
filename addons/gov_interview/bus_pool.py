# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Live rooms under load: in the longpolling (gevent) process a full
connection pool makes the borrower wait instead of failing.

Every viewer of a live room holds a long poll; when the host posts, all of
them wake at once and each opens cursors (Odoo's bus reads its table once
per poll, and every request checks the registry and the session).  Odoo
11's pool raises PoolError beyond ``db_maxconn`` (64) connections: the
polls then fail with a 500 and browsers retry seconds later (measured by
bench/interview_live_room.py).  In the gevent process only, borrowing waits
cooperatively for a free connection, up to ``WAIT_SECONDS``; the prefork
HTTP workers, one request at a time each, are left as they are.
"""
import logging
import time

from psycopg2.pool import PoolError

import odoo
from odoo import sql_db

_logger = logging.getLogger(__name__)

WAIT_SECONDS = 30


def patch_pool():
    """post_load hook (__manifest__.py): wrap
    ``odoo.sql_db.ConnectionPool.borrow`` in the gevent process.

    Symptom without it: when a host posts in a busy live room, the woken
    long polls exhaust the connection pool and fail with a 500 (PoolError
    "The Connection Pool Is Full"), and viewers see the room stall until
    their browsers retry.  Idempotent, and nothing outside the gevent
    process: the hook runs once per process and registry load."""
    borrow = sql_db.ConnectionPool.borrow
    if not odoo.evented or getattr(borrow, 'gov_waits', False):
        return
    import gevent

    def waiting_borrow(self, connection_info):
        deadline = time.monotonic() + WAIT_SECONDS
        delay = 0.005
        while True:
            try:
                return borrow(self, connection_info)
            except PoolError:
                if time.monotonic() > deadline:
                    raise
                gevent.sleep(delay)
                delay = min(delay * 2, 0.1)

    waiting_borrow.gov_waits = True
    waiting_borrow.__wrapped__ = borrow
    sql_db.ConnectionPool.borrow = waiting_borrow
    _logger.info("gevent: a full connection pool makes borrowers wait up to %ss", WAIT_SECONDS)
