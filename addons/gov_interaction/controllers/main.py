# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.exceptions import NotFound
from werkzeug.urls import url_encode

from odoo import http
from odoo.http import request

from odoo.addons.website.controllers.main import Website


def citizen_login_redirect(column=None):
    """None if the visitor may submit in ``column``, else a redirect to the
    site's single sign-in page that comes back here afterwards (4.1.3).

    Special channels exempt from the unified login are not checked.
    """
    if column is not None and not column._requires_unified_login():
        return None
    if not request.env.user._is_public():
        return None
    # full_path ends with a bare "?" when there is no query string.
    back = request.httprequest.full_path.rstrip('?')
    return request.redirect('/web/login?%s' % url_encode({'redirect': back}))


def signed_in_partner():
    """The signed-in user's partner, reading the user's partner_id alone:
    a page's ORM cache starts empty, and the user's whole row is read for
    any one field of it."""
    user = request.env.user
    return user.with_context(prefetch_fields=False).partner_id.with_env(user.env)


def _channel_values():
    columns = request.env['gov.interaction.column'].search([])
    return {
        'columns': columns.filtered(lambda c: not c.special),
        'special_columns': columns.filtered('special'),
    }


class PortalFront(Website):
    """The site's home page: the province's portal front with its 互动交流
    channel, instead of Odoo's empty page."""

    @http.route()
    def index(self, **kw):
        return request.render('gov_interaction.portal_front', _channel_values())


class InteractionChannel(http.Controller):
    """The public 互动交流 channel (4.1.1, 4.1.2)."""

    @http.route('/interaction', type='http', auth='public', website=True)
    def channel(self, **kwargs):
        return request.render('gov_interaction.channel_page', _channel_values())

    @http.route('/interaction/<string:slug>', type='http', auth='public', website=True)
    def column(self, slug, **kwargs):
        column = request.env['gov.interaction.column'].search([('slug', '=', slug)], limit=1)
        if not column:
            raise NotFound()
        return request.render('gov_interaction.column_page', {'column': column})
