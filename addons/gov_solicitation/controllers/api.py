# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Solicitations in the JSON API (4.1.4); documented in this addon's
static/api/openapi.json."""
from odoo import _, http
from odoo.http import request

from odoo.addons.gov_interaction.api import (
    API_ROOT,
    ApiError,
    Payload,
    api_route,
    json_response,
    query_int,
    record_id,
)

STATES = ('open', 'closed', 'published')


def _solicitation(solicitation_id):
    solicitation = request.env['gov.solicitation'].sudo().browse(
        record_id(solicitation_id)).exists()
    if not solicitation or solicitation.state == 'draft':
        raise ApiError('not_found')
    return solicitation


class SolicitationApi(http.Controller):

    @api_route(API_ROOT + '/solicitations', auth='public')
    def list_solicitations(self):
        args = request.httprequest.args
        state = args.get('state')
        if state is not None and state not in STATES:  # an empty one too
            raise ApiError('validation_error', details={'fields': {
                'state': _("Must be one of: %s.") % ', '.join(STATES)}})
        domain = [('state', '=', state)] if state else [('state', 'in', STATES)]
        limit = query_int('limit', 20, 1, 100)
        offset = query_int('offset', 0, 0, 10 ** 6)
        Solicitation = request.env['gov.solicitation'].sudo()
        records = Solicitation.search(domain, limit=limit, offset=offset)
        return {'total': Solicitation.search_count(domain), 'limit': limit, 'offset': offset,
                'items': [record._public_summary() for record in records]}

    @api_route(API_ROOT + '/solicitations/<int:solicitation_id>', auth='public')
    def get_solicitation(self, solicitation_id):
        return _solicitation(solicitation_id)._public_detail()

    @api_route(API_ROOT + '/solicitations/<int:solicitation_id>/opinions', auth='public')
    def list_opinions(self, solicitation_id):
        """The published adoption status of each opinion (4.2 b)."""
        solicitation = _solicitation(solicitation_id)
        limit = query_int('limit', 50, 1, 200)
        offset = query_int('offset', 0, 0, 10 ** 6)
        items = solicitation._public_opinions(offset, limit)
        total = solicitation.opinion_count if solicitation.state == 'published' \
            and solicitation.publish_adoption else 0
        return {'total': total, 'limit': limit, 'offset': offset, 'items': items}

    @api_route(API_ROOT + '/solicitations/<int:solicitation_id>/opinions', methods=['POST'])
    def submit_opinion(self, solicitation_id, payload):
        solicitation = _solicitation(solicitation_id)
        data = Payload(payload, ('content',))
        content = data.string('content', required=True)
        data.validate()
        opinion, errors = solicitation._submit_opinion(
            request.env.user.partner_id, content, channel='api')
        if 'solicitation' in errors:
            raise ApiError('validation_error', errors['solicitation'])
        if errors:
            raise ApiError('validation_error', details={'fields': errors})
        return json_response({'id': opinion.id, 'solicitation_id': solicitation.id,
                              'content': opinion.content,
                              'date': opinion._public_data()['date_submitted']}, status=201)
