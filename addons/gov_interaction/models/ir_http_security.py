# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Browser hardening headers on every response Odoo serves, and the session
cookie's attributes.

nginx (deploy/nginx.conf.template) adds the same headers to what it answers
itself and to what Odoo did not decorate (static files); this covers direct
access to the Odoo port.  A header a controller has already set is never
replaced: the embeddable interview summary keeps its own frame-ancestors.
"""
import logging

import werkzeug.http

from odoo import http, models
from odoo.http import request
from odoo.tools import config

_logger = logging.getLogger(__name__)

# What Odoo 11's website, website editor and back office run under: their
# scripts and styles are partly inline (and the web client evaluates
# templates), so 'unsafe-inline' and 'unsafe-eval' stay.  Interview videos
# come from the stream's own https address (<video> or a player <iframe>),
# and pages may show images from elsewhere.  Keep it identical to
# deploy/nginx.conf.template (tests/test_security_headers.py compares them).
CONTENT_SECURITY_POLICY = '; '.join([
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "media-src 'self' blob: https:",
    "frame-src 'self' https:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
])
STRICT_TRANSPORT_SECURITY = 'max-age=31536000'
SESSION_COOKIE_MAX_AGE = 7 * 24 * 60 * 60   # Odoo 11: 90 days


def is_tls(httprequest):
    """Whether the browser reached us over TLS: directly, or through a proxy
    that says so (X-Forwarded-Proto, trusted only with proxy_mode)."""
    if httprequest.scheme == 'https':
        return True
    forwarded = httprequest.headers.get('X-Forwarded-Proto', '')
    return bool(config.get('proxy_mode')) and forwarded.split(',')[0].strip().lower() == 'https'


def add_security_headers(headers, tls):
    """Add the hardening headers ``headers`` lacks; never replace one."""
    own_csp = headers.get('Content-Security-Policy')
    if own_csp is None:
        headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY
    # A response with its own frame-ancestors (the interview embed) decides
    # who frames it: X-Frame-Options would forbid what the policy allows in
    # browsers that read only that header.
    if 'X-Frame-Options' not in headers and 'frame-ancestors' not in (own_csp or ''):
        headers['X-Frame-Options'] = 'SAMEORIGIN'
    headers.setdefault('X-Content-Type-Options', 'nosniff')
    headers.setdefault('Referrer-Policy', 'strict-origin-when-cross-origin')
    if tls:
        headers.setdefault('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY)


class IrHttp(models.AbstractModel):
    # Apart from ir_http.py (the API's errors) on purpose: one concern a file.
    _inherit = 'ir.http'  # pylint: disable=consider-merging-classes-inherited

    @classmethod
    def _dispatch(cls):
        response = super(IrHttp, cls)._dispatch()
        if isinstance(response, (bytes, str)):
            # What Root.get_response would make of it, so it gets headers.
            response = http.Response(response, mimetype='text/html')
        headers = getattr(response, 'headers', None)
        if headers is not None:
            add_security_headers(headers, is_tls(request.httprequest))
        return response


def _secure_session_cookie(response, httprequest):
    """Set the session_id cookie Odoo just set again, with HttpOnly,
    SameSite=Lax, Secure under TLS and a 7-day lifetime."""
    headers = getattr(response, 'headers', None)
    if headers is None:
        return response
    cookies = headers.getlist('Set-Cookie')
    sids = [werkzeug.http.parse_cookie(c).get('session_id') for c in cookies if c.startswith('session_id=')]
    if not sids:
        return response
    headers.remove('Set-Cookie')
    for cookie in cookies:
        if not cookie.startswith('session_id='):
            headers.add('Set-Cookie', cookie)
    response.set_cookie('session_id', sids[-1], max_age=SESSION_COOKIE_MAX_AGE, httponly=True,
                        secure=is_tls(httprequest), samesite='Lax')
    return response


def harden_session_cookie():
    """post_load hook (__manifest__.py): wrap odoo.http.Root.get_response.

    Odoo 11 sets the session cookie there, on every response, valid for 90
    days and without SameSite or Secure: a stolen or cross-site-sent session
    would stay usable for three months and travel over plain HTTP behind a
    TLS proxy.  The wrapper rewrites that one Set-Cookie.  Idempotent: the
    hook runs once per process and registry load."""
    root = http.Root
    if getattr(root.get_response, '_gov_secure_cookie', False):
        return
    original = root.get_response

    def get_response(self, httprequest, result, explicit_session):
        response = original(self, httprequest, result, explicit_session)
        return _secure_session_cookie(response, httprequest)

    get_response._gov_secure_cookie = True
    get_response.__wrapped__ = original
    root.get_response = get_response
    _logger.debug('session cookie: HttpOnly, SameSite=Lax, Secure under TLS, %ss', SESSION_COOKIE_MAX_AGE)
