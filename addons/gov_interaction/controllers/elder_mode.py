# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""长者模式 (适老化, GB/T 37668-2019): larger type, higher contrast and bigger
targets on every public page, switched in the header and remembered in a
cookie (views/elder_mode_templates.xml, static/src/less/accessibility.less)."""
from werkzeug.urls import url_parse

from odoo import http
from odoo.http import request

ELDER_COOKIE = 'gov_elder'
ONE_YEAR = 365 * 24 * 3600


def local_referrer():
    """The page the visitor came from, on this site only; else the home page."""
    referrer = url_parse(request.httprequest.referrer or '')
    if referrer.netloc != request.httprequest.host or not referrer.path.startswith('/') \
            or referrer.path.startswith('//'):
        return '/'
    return referrer.path + ('?' + referrer.query if referrer.query else '')


class ElderMode(http.Controller):

    @http.route('/interaction/elder-mode', type='http', auth='public', methods=['GET'],
                website=True, sitemap=False)
    def switch(self, on=None, **kwargs):
        """Switch the mode on (``on=1``) or off, back to the page shown."""
        response = request.redirect(local_referrer())
        if on == '1':
            response.set_cookie(ELDER_COOKIE, '1', max_age=ONE_YEAR, httponly=True, samesite='Lax')
        else:
            response.delete_cookie(ELDER_COOKIE)
        return response
