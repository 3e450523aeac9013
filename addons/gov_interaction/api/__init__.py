# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The JSON API framework for mobile and new-media clients (clause 4.1.4),
used by the controllers of every addon (``controllers/api.py``):

* routing.py: :func:`api_route` declares an endpoint under ``/api/v1``;
* auth.py: bearer tokens and session cookies, ``auth`` levels;
* lang.py: ``?lang=``, then ``Accept-Language``, then zh_CN;
* payload.py: JSON bodies, hostile input, :class:`Payload`;
* params.py: query and path parameters, record ids;
* errors.py: ``{"error": {"code", "message", "details"?}}`` answers;
* responses.py: JSON answers, ``no-store`` when authenticated;
* throttle.py: rate limits (429);
* openapi.py: the OpenAPI document, merged over the installed addons.
"""
from .auth import AUTH_LEVELS, authenticate, bearer_token, check_auth_level
from .errors import ERROR_STATUS, UNAVAILABLE_MESSAGES, ApiError, as_api_error, error_response
from .lang import DEFAULT_LANG, match_lang, set_request_lang, supported_langs
from .openapi import openapi_document
from .params import MAX_RECORD_ID, check_parameters, query_int, record_id
from .payload import (
    BODY_METHODS, MAX_JSON_DEPTH, Payload, check_strings, parse_json, read_payload, string_error)
from .responses import JSON_TYPE, json_response
from .routing import API_PREFIX, API_ROOT, api_route, is_api_path, is_api_request, read_api_bodies_as_json
from .throttle import check_throttle
