# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The public surface: every route an anonymous visitor or a citizen can
reach (the site, the JSON API, the survey pages, the downloads), the guard
that keeps each record to those who may see it, and the requests that prove
the guard.

Each addon's ``tests/test_public_surface.py`` declares ``ROUTES`` (route ->
guard, see :data:`GUARDS`) and a :class:`PublicSurfaceCase` whose
``probes()`` are requests that must not show a record: an unpublished one,
someone else's, another department's.  Each answers 404 (an API error
``not_found``), or, for a list or a form page, answers without the record.
gov_interaction's test checks that the tables cover every route Odoo
routes under :data:`PREFIXES`, and that the README lists each one."""
import hashlib
import hmac
import importlib
import json
import time
from collections import namedtuple

import werkzeug.routing

import odoo
from odoo import http

from .http_common import HttpTransactionCase

PREFIXES = ('/interaction', '/api/', '/survey/', '/my/interaction', '/longpolling/gov_interview/',
            '/gov_')
GUARDS = {
    'none': "nothing private: the same for everyone",
    'account': "the signed-in user's own account",
    'published': "published records only",
    'owner': "the signed-in citizen's own records",
    'query code': "the letter's number with its query code (or the signed-in writer)",
    'token': "the response's secret token",
    'department': "staff of the record's department (record rules)",
    'role': "staff roles only",
}
# Guards that keep records apart: each such route needs a probe.
RECORD_GUARDS = ('published', 'owner', 'query code', 'token', 'department')

Probe = namedtuple('Probe', 'route login method url data absent status')


def probe(route, url, login=None, method='GET', data=None, absent=None, status=404):
    """A request to ``route`` (its key in ROUTES: ``(rule, method)``) that
    must not show a record: ``status`` (404), or, with ``absent``, 200
    without that text.  ``data``: a dict, sent as JSON to the API and as a
    form elsewhere."""
    return Probe(route, login, method, url, data, absent, status)


def route_key(rule):
    """``(path, method)`` of a werkzeug rule: GET, POST, DELETE or ANY."""
    methods = set(rule.methods or ()) - {'HEAD', 'OPTIONS'}
    return rule.rule, '/'.join(sorted(methods)) or 'ANY'


class AnyRecord(werkzeug.routing.BaseConverter):
    """Stands for Odoo's ``model`` converters, which need a request."""

    def __init__(self, url_map, *args, **kwargs):
        super().__init__(url_map)


def routing_map(env):
    """Odoo's routing map of the installed modules, without a request."""
    modules = [''] + odoo.conf.server_wide_modules + sorted(env.registry._init_modules - {'web'})
    converters = dict(type(env['ir.http'])._get_converters(), model=AnyRecord, models=AnyRecord)
    return http.routing_map(modules, False, converters=converters)


def registered_routes(env):
    """``{(path, method): auth}`` of the routes under PREFIXES."""
    return {route_key(rule): rule.endpoint.routing.get('auth')
            for rule in routing_map(env).iter_rules() if rule.rule.startswith(PREFIXES)}


def matched_route(urls, method, url):
    """The route key of the rule that serves ``method url`` (``urls``: a
    bound routing map)."""
    rule, _arguments = urls.match(url.split('?')[0], method=method, return_rule=True)
    return route_key(rule)


def route_tables(env):
    """``{module: ROUTES}`` of the installed addons' public surface tests."""
    tables = {}
    for module in sorted(env.registry._init_modules):
        if not module.startswith('gov_'):
            continue
        try:
            test_module = importlib.import_module('odoo.addons.%s.tests.test_public_surface' % module)
        except ImportError:
            continue
        tables[module] = test_module.ROUTES
    return tables


class PublicSurfaceCase(HttpTransactionCase):
    """Runs ``probes()`` against the routes of the addon's ``ROUTES``."""

    ROUTES = {}

    def probes(self):
        return []

    def check_unchanged(self):
        """After the probes: what they must not have changed (a refused
        write or action)."""

    def sign_in(self, login):
        """The test's session as ``login``; anonymous for None."""
        if login:
            self.authenticate(login, login)
            return
        self.session.uid = self.session.login = None
        self.session.context = {}
        odoo.http.root.session_store.save(self.session)

    def csrf_token(self):
        """Odoo's CSRF token of the test's session (http.WebRequest.csrf_token)."""
        max_ts = int(time.time() + 3600)
        secret = self.env['ir.config_parameter'].sudo().get_param('database.secret')
        digest = hmac.new(secret.encode('ascii'), ('%s%s' % (self.session.sid, max_ts)).encode(),
                          hashlib.sha1).hexdigest()
        return '%so%s' % (digest, max_ts)

    def send(self, item):
        self.sign_in(item.login)
        if item.url.startswith('/api/'):
            kwargs = {'data': json.dumps(item.data), 'content_type': 'application/json'} \
                if item.data is not None else {}
        else:
            data = dict(item.data or {})
            if item.method == 'POST':
                data['csrf_token'] = self.csrf_token()
            kwargs = {'data': data} if data else {}
        return self._open(item.method, item.url, **kwargs)

    def failure(self, item):
        """What is wrong with the answer to ``item``; None if it is refused."""
        response = self.send(item)
        body = response.get_data(as_text=True)
        if item.absent is not None:
            if response.status_code != 200 or item.absent in body:
                return 'status %s, %r shown: %s' % (response.status_code, item.absent, body[:300])
            return None
        if response.status_code != item.status:
            return 'status %s, not %s: %s' % (response.status_code, item.status, body[:300])
        if item.url.startswith('/api/') and item.status == 404 \
                and json.loads(body)['error']['code'] != 'not_found':
            return body
        return None

    def test_public_surface_guards_hold(self):
        """Every probe is refused, and every route of ROUTES whose guard
        keeps records apart has at least one probe."""
        probes = self.probes()
        # A page that succeeds keeps the website's asset bundles it built
        # (a failed request rolls them back): every 404 page after it reuses
        # them instead of building them again.
        self.sign_in(None)
        self.assertEqual(self.url_open('/interaction').status_code, 200)
        urls = routing_map(self.env).bind('localhost')
        for item in probes:
            self.assertEqual(matched_route(urls, item.method, item.url), item.route, item.url)
        failures = ['%s %s as %s: %s' % (item.method, item.url, item.login or 'anonymous', failure)
                    for item, failure in ((item, self.failure(item)) for item in probes) if failure]
        self.assertFalse(failures, '\n'.join(failures))
        self.check_unchanged()
        guarded = {route for route, guard in self.ROUTES.items() if guard in RECORD_GUARDS}
        self.assertEqual(guarded - {item.route for item in probes}, set(), 'routes without a probe')
