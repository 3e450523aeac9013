# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Published letters in the JSON API (documented in this addon's
static/api/openapi.json)."""
from odoo import _, http
from odoo.http import request

from odoo.addons.gov_interaction.api import (
    API_ROOT,
    ApiError,
    api_route,
    query_int,
)

from .main import published_copy


class LetterPublicationApi(http.Controller):

    @api_route(API_ROOT + '/letters/published', auth='public')
    def published_letters(self):
        args = request.httprequest.args
        Publication = request.env['gov.letter.publication'].sudo()
        domain = Publication._website_search(
            args.get('q'), query_int('department', None, 1, 2 ** 31 - 1),
            query_int('category', None, 1, 2 ** 31 - 1))
        limit = query_int('limit', 20, 1, 100)
        offset = query_int('offset', 0, 0, 10 ** 9)
        copies = Publication.search(domain, limit=limit, offset=offset)
        return {'total': Publication.search_count(domain), 'offset': offset, 'limit': limit,
                'items': [copy._website_data() for copy in copies]}

    @api_route(API_ROOT + '/letters/published/<string:number>', auth='public')
    def published_letter(self, number):
        copy = published_copy(number)
        if not copy:
            raise ApiError('not_found', _("No published letter has this number."))
        return copy._website_data()
