# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

import werkzeug.exceptions

from odoo import _, models
from odoo.http import request

from ..api import error_response, is_api_request

# Errors whose message is meant for the user (a refusal, a wrong value).
EXPECTED_ERRORS = {'odoo.exceptions.%s' % name for name in (
    'UserError', 'ValidationError', 'AccessError', 'AccessDenied', 'MissingError', 'Warning',
    'RedirectWarning', 'except_orm')} | {'odoo.http.SessionExpiredException'}


class IrHttp(models.AbstractModel):
    _inherit = 'ir.http'

    @classmethod
    def _dispatch(cls):
        # Under /api/ an unknown path or method is a JSON error, not the
        # website's language redirects and HTML 404 page.
        if is_api_request():
            try:
                cls._find_handler()
            except werkzeug.exceptions.HTTPException as error:
                return cls._handle_exception(error)
        # Asked before the call: after a failed one the cursor may be unusable.
        hide = getattr(request, '_request_type', None) == 'json' and not cls._gov_internal_user()
        response = super(IrHttp, cls)._dispatch()
        if hide:
            cls._gov_hide_error_details(response)
        return response

    @classmethod
    def _handle_exception(cls, exception):
        if is_api_request():
            return error_response(exception)
        return super(IrHttp, cls)._handle_exception(exception)

    @classmethod
    def _serve_fallback(cls, exception):
        """A 404 raised by a route without ``website=True`` (a download, the
        interview host's console) is a plain 404: the website's fallback
        (its pages, its redirects) needs the website request that such a
        route has not, and failed with a server error instead."""
        if not getattr(request, 'website', None):
            return False
        return super(IrHttp, cls)._serve_fallback(exception)

    @classmethod
    def _postprocess_args(cls, arguments, rule):
        """A record named in the address (``<model(...)>``, Odoo's survey
        pages) that the user may not read answers 404, as one that does not
        exist, not 403: another department's records are not confirmed."""
        response = super(IrHttp, cls)._postprocess_args(arguments, rule)
        if getattr(response, 'status_code', getattr(response, 'code', None)) == 403:
            return cls._handle_exception(werkzeug.exceptions.NotFound())
        return response

    @classmethod
    def _gov_internal_user(cls):
        uid = request.session.uid
        return bool(uid) and not request.env['res.users'].sudo().browse(uid).share

    @classmethod
    def _gov_hide_error_details(cls, response):
        """A JSON-RPC error for a visitor or citizen: no traceback (it names
        the server's paths and code), and for an unexpected error no
        message either, only that it failed.  Staff keep the details."""
        data = response.get_data() if hasattr(response, 'get_data') else b''
        if b'"error"' not in data:
            return
        try:
            body = json.loads(data)
        except ValueError:
            return
        details = body.get('error', {}).get('data') if isinstance(body, dict) else None
        if not isinstance(details, dict):
            return
        details['debug'] = ''
        if details.get('name') not in EXPECTED_ERRORS:
            message = _("The server could not complete the request; please try again later.")
            details.update(message=message, arguments=[message], name='odoo.exceptions.except_orm',
                           exception_type='internal_error')
        response.set_data(json.dumps(body))
