# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.http import request

from odoo.addons.bus.controllers.main import BusController

from .. import live_hub


class InterviewBusController(BusController):
    """The live room listens on the interview's channel.

    Pages ask with the option ``gov_interview_id``; the channels are added
    here, on the server, as tuples: Odoo 11's public ``/longpolling/send``
    publishes only on string channels, so nobody can forge a post.  Hosts
    also get the moderation channel (questions waiting for approval).
    """

    def _poll(self, dbname, channels, last, options):
        interview_id = options.get('gov_interview_id') if isinstance(options, dict) else None
        if isinstance(interview_id, int) and not isinstance(interview_id, bool) \
                and 0 < interview_id < 2 ** 31:
            interview = request.env['gov.interview'].sudo().browse(interview_id).exists()
            if interview and interview._is_public():
                channels = list(channels) + [interview._bus_channel()]
                if interview._can_host(request.env.user):
                    channels.append(interview._bus_channel(host=True))
        return super(InterviewBusController, self)._poll(dbname, channels, last, options)


class InterviewEventStream(http.Controller):

    @http.route('/longpolling/gov_interview/<int:interview_id>/events', type='http', auth='public',
                csrf=False, sitemap=False)
    def events(self, interview_id, last=None, **kwargs):
        """The live room as server-sent events (served by the longpolling
        process, as nginx routes /longpolling there); 503 elsewhere, and
        the page then polls /longpolling/poll."""
        interview = request.env['gov.interview'].sudo().browse(
            interview_id if 0 < interview_id < 2 ** 31 else 0).exists()
        if not interview or not interview._is_public():
            # A plain answer: the website's 404 page needs a website request.
            return http.Response('', status=404)
        if not live_hub.available():
            return http.Response('', status=503, headers=[('Retry-After', '5')])
        channels = [interview._bus_channel()]
        if interview._can_host(request.env.user):
            channels.append(interview._bus_channel(host=True))
        try:
            last = int(request.httprequest.headers.get('Last-Event-ID') or last or 0)
        except ValueError:
            last = 0
        if not last:
            last = interview._bus_newest()
        rooms = [live_hub.room(request.db, channel) for channel in channels]
        _release_request_cursor()
        return http.Response(live_hub.stream(rooms, last), headers=[
            ('Content-Type', 'text/event-stream; charset=utf-8'), ('Cache-Control', 'no-store'),
            ('X-Accel-Buffering', 'no')])


def _release_request_cursor():
    """Give the request's database connection back before the stream
    starts.  Odoo 11 keeps a request's cursor until its response is sent,
    and a stream is sent for minutes: every viewer would hold a connection
    (idle in transaction) and, past ``db_maxconn`` viewers per process, the
    room would stop for everyone ("The Connection Pool Is Full").  The
    stream itself reads nothing from the database (live_hub does, once per
    room); whatever touches ``request.env`` after this gets a new cursor."""
    cr = request._cr
    if cr:
        cr.close()  # the request only read: nothing to commit
        request._cr = None
        request._env = None
