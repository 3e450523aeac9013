# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Endpoints of the API (4.1.4): every one lives under ``/api/v1`` and is
declared with :func:`api_route`; Odoo's own CSRF token check is off (the
JSON content type is the defence, see payload.py)."""
import functools
import inspect

from odoo import http
from odoo.http import request

from .auth import AUTH_LEVELS, authenticate
from .lang import set_request_lang
from .params import check_parameters
from .payload import read_payload
from .responses import json_response

API_PREFIX = '/api/'
API_ROOT = '/api/v1'


def is_api_path(path):
    """Whether ``path`` is under /api/."""
    return path == API_PREFIX.rstrip('/') or path.startswith(API_PREFIX)


def is_api_request():
    return is_api_path(request.httprequest.path)


def api_route(route, methods=('GET',), auth='citizen'):
    """Declare a JSON API endpoint.

    The handler receives the route's arguments, and ``payload`` (the JSON
    body) if it has such a parameter.  It returns JSON data (200), ``None``
    (204) or a response from :func:`json_response`, and raises
    :class:`ApiError` or the ORM's exceptions for errors.
    """
    assert auth in AUTH_LEVELS, auth

    def decorator(func):
        wants_payload = 'payload' in inspect.signature(func).parameters

        # Odoo's auth='public' only loads the session's user; ours is checked here.
        @http.route(route, type='http', auth='public', methods=list(methods), csrf=False)
        @functools.wraps(func)
        def endpoint(self, /, **params):  # positional: a query parameter may be called "self"
            set_request_lang()
            check_parameters(params)
            authenticate(auth)
            payload = read_payload()
            arguments = {key: params[key] for key in request.endpoint_arguments or ()}
            if wants_payload:
                arguments['payload'] = payload
            result = func(self, **arguments)
            return result if isinstance(result, http.Response) else json_response(result)
        return endpoint
    return decorator


def read_api_bodies_as_json():
    """post_load hook (gov_interaction/__init__.py): wrap
    ``odoo.http.Root.get_request``.

    Odoo 11 takes every ``application/json`` request for JSON-RPC.  Symptom
    without the wrapper: no API call with a body (which must be
    ``application/json``) reaches its endpoint; a JSON object is answered
    with a JSON-RPC "Odoo Server Error" envelope (status 200, and an ERROR
    "Function declared as capable of handling request of type 'http' but
    called with a request of type 'json'" in the log), invalid JSON with
    Werkzeug's HTML 400 page, any other JSON value with a 500.  Under /api/
    the request is now a plain HTTP one, whose body :func:`read_payload`
    reads.  Idempotent: the hook runs once per process and registry load."""
    root = http.Root
    if getattr(root.get_request, '_gov_api_json', False):
        return
    original = root.get_request

    def get_request(self, httprequest):
        if is_api_path(httprequest.path):
            return http.HttpRequest(httprequest)
        return original(self, httprequest)

    get_request._gov_api_json = True
    get_request.__wrapped__ = original
    root.get_request = get_request
