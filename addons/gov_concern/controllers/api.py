# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Public concerns in the JSON API (4.1.4, 5.4); documented in this addon's
static/api/openapi.json, merged into the served document."""
from odoo import _, http
from odoo.http import request

from odoo.addons.gov_interaction.api import API_ROOT, ApiError, api_route, query_int, record_id

from ..models.gov_concern import KINDS


class ConcernApi(http.Controller):

    @api_route(API_ROOT + '/concerns', auth='public')
    def concerns(self):
        """Published concerns, newest first; ``kind`` filters."""
        kind = request.httprequest.args.get('kind')
        if kind is not None and kind not in dict(KINDS):
            raise ApiError('validation_error', details={'fields': {
                'kind': _("Must be one of: %s.") % ', '.join(key for key, _label in KINDS)}})
        limit = query_int('limit', 20, 1, 100)
        offset = query_int('offset', 0, 0, 1000000)
        Concern = request.env['gov.concern'].sudo()
        domain = Concern._public_domain(kind)
        concerns = Concern.search(domain, limit=limit, offset=offset)
        return {
            'items': [concern._public_data() for concern in concerns],
            'total': Concern.search_count(domain),
            'limit': limit,
            'offset': offset,
        }

    @api_route(API_ROOT + '/concerns/<int:concern_id>', auth='public')
    def concern(self, concern_id):
        """A published concern: its statement and timeline, newest first."""
        Concern = request.env['gov.concern'].sudo()
        concern = Concern.search([('id', '=', record_id(concern_id))] + Concern._public_domain(), limit=1)
        if not concern:
            raise ApiError('not_found', _("There is no published concern with this number."))
        return concern._public_data(timeline=True)
