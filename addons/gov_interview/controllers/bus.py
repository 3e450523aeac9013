# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.http import request

from odoo.addons.bus.controllers.main import BusController


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
