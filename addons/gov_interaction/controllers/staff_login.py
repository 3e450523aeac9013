# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The second sign-in step of staff (GB/T 22239-2019, 8.1.4.1 d): the
authenticator code, or setting up an authenticator when staff must have one
(models/res_users_security.py)."""
import base64
import logging

import pyotp
from werkzeug.urls import url_encode

from odoo import _, http
from odoo.http import request

from odoo.addons.auth_totp_password_security.controllers.main import AuthTotpPasswordSecurity

_logger = logging.getLogger(__name__)

SETUP_URL = '/gov/staff/mfa_setup'
SETUP_SECRET = 'gov_mfa_setup_secret'   # session key: the secret being set up


def _local(url):
    """``url`` if it stays on this site, else the back office."""
    return url if url and url.startswith('/') and not url.startswith('//') else '/web'


def _redirect(url, **query):
    query = {key: value for key, value in query.items() if value}
    return http.local_redirect('%s?%s' % (url, url_encode(query)) if query else url, keep_hash=True)


class StaffLogin(AuthTotpPasswordSecurity):

    @http.route()
    def web_login(self, *args, **kwargs):
        """A right password of staff without an authenticator while one is
        required: on to setting it up."""
        response = super(StaffLogin, self).web_login(*args, **kwargs)
        pending = request.env['res.users']._gov_second_factor_pending()
        if request.httprequest.method == 'POST' and pending and pending['setup']:
            return _redirect(SETUP_URL, redirect=request.params.get('redirect'))
        return response

    @http.route()
    def mfa_login_post(self, *args, **kwargs):
        """auth_totp's code step, counted by gov.throttle and finished
        without the password it can no longer find in the session."""
        Users = request.env['res.users'].sudo()
        pending = Users._gov_second_factor_pending()
        redirect = request.params.get('redirect')
        if not pending or pending['setup']:
            return _redirect('/web/login', redirect=redirect,
                             error=_("Please sign in with your password first."))
        if not Users._gov_accept_code(request.params.get('confirmation_code')):
            return _redirect('/auth_totp/login', redirect=redirect,
                             error=_("The code is wrong or too many codes were tried; "
                                     "wait a moment and use the newest code."))
        request.params.pop('remember_device', None)   # no device skips the code
        return super(StaffLogin, self).mfa_login_post(*args, **kwargs)

    @http.route(SETUP_URL, type='http', auth='public', methods=['GET'], website=True, sitemap=False)
    def mfa_setup(self, redirect=None, error=None, **kwargs):
        """The page that pairs an authenticator app: QR code and key."""
        pending = request.env['res.users']._gov_second_factor_pending()
        if not pending or not pending['setup']:
            return _redirect('/web/login', redirect=redirect)
        secret = request.session.get(SETUP_SECRET) or pyotp.random_base32(32)
        request.session[SETUP_SECRET] = secret
        company = request.env['res.users'].sudo().browse(pending['uid']).company_id.name
        uri = pyotp.TOTP(secret).provisioning_uri(name=pending['login'], issuer_name=company)
        png = request.env['ir.actions.report'].sudo().barcode('QR', uri, width=240, height=240)
        return request.render('gov_interaction.staff_mfa_setup', {
            'secret': ' '.join(secret[i:i + 4] for i in range(0, len(secret), 4)),
            'qr_src': 'data:image/png;base64,%s' % base64.b64encode(png).decode(),
            'login': pending['login'], 'redirect': redirect, 'error': error,
        })

    @http.route(SETUP_URL, type='http', auth='public', methods=['POST'], sitemap=False)
    def mfa_setup_post(self, confirmation_code=None, redirect=None, **kwargs):
        """Keep the authenticator whose first code is right, and sign in."""
        Users = request.env['res.users'].sudo()
        pending = Users._gov_second_factor_pending()
        secret = request.session.get(SETUP_SECRET)
        if not pending or not pending['setup'] or not secret:
            return _redirect('/web/login', redirect=redirect)
        if not Users._gov_pair_authenticator(secret, confirmation_code, _("Authenticator app")):
            return _redirect(SETUP_URL, redirect=redirect,
                             error=_("The code is wrong or too many codes were tried; "
                                     "check the phone's clock and use the newest code."))
        request.session.pop(SETUP_SECRET, None)
        request.session.authenticate(request.db, pending['login'], None)
        return http.redirect_with_hash(_local(redirect))
