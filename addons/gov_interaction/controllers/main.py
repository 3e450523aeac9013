# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.exceptions import NotFound
from werkzeug.urls import url_encode

from odoo import http
from odoo.http import request


def citizen_login_redirect(column=None):
    """None if the visitor may submit in ``column``, else a redirect to the
    site's single sign-in page that comes back here afterwards (4.1.3).

    Special channels exempt from the unified login are not checked.
    """
    if column is not None and not column.unified_login:
        return None
    if not request.env.user._is_public():
        return None
    query = url_encode({'redirect': request.httprequest.full_path})
    return request.redirect('/web/login?%s' % query)


class InteractionChannel(http.Controller):
    """The public 互动交流 channel (4.1.1, 4.1.2)."""

    @http.route('/interaction', type='http', auth='public', website=True)
    def channel(self, **kwargs):
        columns = request.env['gov.interaction.column'].search([])
        return request.render('gov_interaction.channel_page', {
            'columns': columns.filtered(lambda c: not c.special),
            'special_columns': columns.filtered('special'),
        })

    @http.route('/interaction/<string:slug>', type='http', auth='public', website=True)
    def column(self, slug, **kwargs):
        column = request.env['gov.interaction.column'].search([('slug', '=', slug)], limit=1)
        if not column:
            raise NotFound()
        return request.render('gov_interaction.column_page', {'column': column})
