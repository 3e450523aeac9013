# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.exceptions import NotFound

from odoo import _, http
from odoo.http import request

from odoo.addons.gov_interaction.api import MAX_RECORD_ID

from ..models.gov_concern import KINDS

PER_PAGE = 10
FEED_PATH = '/interaction/concerns/feed.atom'


def feed_link():
    return '<link rel="alternate" type="application/atom+xml" title="%s" href="%s"/>' % (
        _("Responses to Public Concerns"), FEED_PATH)


class ConcernWebsite(http.Controller):
    """The public pages of the 回应关切 column (5.4): the list, each
    statement with its timeline newest first, and the Atom feed (5.4.3)."""

    def _column(self):
        return request.env['gov.interaction.column']._get('gov_interaction.column_concern')

    @http.route(['/interaction/concerns', '/interaction/concerns/page/<int:page>'],
                type='http', auth='public', website=True, methods=['GET'])
    def concern_list(self, page=1, kind=None, **kwargs):
        kind = kind if kind in dict(KINDS) else None
        Concern = request.env['gov.concern'].sudo()
        domain = Concern._public_domain(kind)
        pager = request.website.pager(
            url='/interaction/concerns', total=Concern.search_count(domain), page=page,
            step=PER_PAGE, url_args={'kind': kind} if kind else None)
        concerns = Concern.search(domain, limit=PER_PAGE, offset=pager['offset'])
        return request.render('gov_interaction.column_page', {
            'column': self._column(),
            'concern_page': True,
            'concerns': concerns,
            'kind': kind,
            'kinds': Concern._fields['kind']._description_selection(request.env),
            'kind_names': dict(Concern._fields['kind']._description_selection(request.env)),
            'pager': pager,
            'head': feed_link(),
        })

    @http.route('/interaction/concerns/<int:concern_id>', type='http', auth='public',
                website=True, methods=['GET'])
    def concern_detail(self, concern_id, **kwargs):
        Concern = request.env['gov.concern'].sudo()
        if not 0 < concern_id <= MAX_RECORD_ID:
            raise NotFound()
        concern = Concern.search([('id', '=', concern_id)] + Concern._public_domain(), limit=1)
        if not concern:
            raise NotFound()
        return request.render('gov_concern.concern_page', {
            'column': self._column(),
            'concern': concern,
            'kind_names': dict(Concern._fields['kind']._description_selection(request.env)),
            'updates': concern._public_updates(),
        })

    @http.route(FEED_PATH, type='http', auth='public', methods=['GET'])
    def concern_feed(self, **kwargs):
        # Public caching is kept on purpose: the body depends on the data and
        # the configuration only (links on web.base.url, Chinese, the
        # company's name), never on the request's Host, X-Forwarded-Host or
        # language, so one cached copy is right for everyone.
        body = request.env['gov.concern'].sudo()._atom_feed()
        return request.make_response(body, headers=[
            ('Content-Type', 'application/atom+xml; charset=utf-8'),
            ('Cache-Control', 'public, max-age=60'),
        ])
