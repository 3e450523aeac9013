# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fan-out of a live room's bus messages in the longpolling (gevent) process.

With Odoo's /longpolling/poll every viewer costs a full request per message
(session, registry check, two bus queries) and re-polls at once: 200
viewers of a live room saturate the process (bench/interview_live_room.py).
Here each room (a bus channel) has one greenlet that waits for the bus's
NOTIFY through Odoo's dispatcher, reads the new messages once, and wakes
every open event stream of the room, which writes them to its socket.
"""
import logging
import time
from collections import deque

import odoo

from odoo.addons.bus.models.bus import dispatch, hashable, json_dump

_logger = logging.getLogger(__name__)

BACKLOG = 200  # messages kept per room, for reconnecting browsers
BACKLOG_SECONDS = 600  # read at start: what a page rendered shortly before may miss
IDLE_SECONDS = 300  # a room without viewers stops after this
WAIT_SECONDS = 50

_rooms = {}


def available():
    """Streams need the gevent process (the HTTP workers serve one request
    at a time)."""
    return bool(odoo.evented and dispatch is not None)


def room(dbname, channel):
    key = (dbname, hashable(channel))
    current = _rooms.get(key)
    if current is None or current.stopped:
        current = _rooms[key] = Room(dbname, channel)
    return current


class Room:
    def __init__(self, dbname, channel):
        # No database access here: viewers connecting at the same time hold
        # their request's cursor, and a second one each could exhaust the
        # pool; the room's own greenlet reads the bus.
        import gevent
        import gevent.event
        self.dbname, self.channel = dbname, channel
        self.messages = deque(maxlen=BACKLOG)
        self.newest = 0
        self.listeners = 0
        self.idle_since = time.monotonic()
        self.stopped = False
        self.changed = gevent.event.Event()
        if not dispatch.started:
            dispatch.start()
        gevent.spawn(self._run)

    def _load(self, initial=False):
        with odoo.registry(self.dbname).cursor() as cr:
            if initial:
                cr.execute("SELECT id, message FROM bus_bus WHERE channel = %s "
                           "AND create_date > (now() at time zone 'UTC') - %s * interval '1 second' "
                           "ORDER BY id", (json_dump(self.channel), BACKLOG_SECONDS))
            else:
                cr.execute("SELECT id, message FROM bus_bus WHERE channel = %s AND id > %s ORDER BY id",
                           (json_dump(self.channel), self.newest))
            rows = cr.fetchall()
            if initial:
                cr.execute("SELECT coalesce(max(id), 0) FROM bus_bus")
                self.newest = max(cr.fetchone()[0], self.newest)
        for bus_id, message in rows:
            self.messages.append((bus_id, message))
            self.newest = max(self.newest, bus_id)
        if rows or initial:
            import gevent.event
            changed, self.changed = self.changed, gevent.event.Event()
            changed.set()

    def _run(self):
        initial = True
        while not self.stopped:
            event = dispatch.Event()
            # Registered before reading, so nothing committed in between is lost.
            dispatch.channels.setdefault(hashable(self.channel), []).append(event)
            try:
                self._load(initial)
                initial = False
            except Exception:  # pylint: disable=broad-except
                _logger.exception("Live room %s: reading the bus failed", self.channel)
            event.wait(timeout=1 if initial else WAIT_SECONDS)
            if not self.listeners and time.monotonic() - self.idle_since > IDLE_SECONDS:
                self.stopped = True

    def since(self, last):
        return [(bus_id, message) for bus_id, message in self.messages if bus_id > last]


def stream(rooms, last):
    """Server-sent events: the rooms' messages newer than ``last`` (a bus
    id), then each new one as it comes; a comment every 25 s keeps proxies
    from closing the connection."""
    import gevent
    seen = {id(current): last for current in rooms}
    for current in rooms:
        current.listeners += 1
    try:
        yield 'retry: 3000\n\n'
        while True:
            sent = False
            for current in rooms:
                for bus_id, message in current.since(seen[id(current)]):
                    seen[id(current)] = bus_id
                    sent = True
                    yield 'id: %d\ndata: %s\n\n' % (bus_id, message)
            if not sent:
                if not gevent.wait([current.changed for current in rooms], timeout=25, count=1):
                    yield ': ping\n\n'
    finally:
        for current in rooms:
            current.listeners -= 1
            current.idle_since = time.monotonic()
