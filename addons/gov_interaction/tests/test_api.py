# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Model-level behaviour of the JSON API (4.1.4): tokens, roles, the login
throttle, error codes and the OpenAPI document.  The routes themselves are
tested over HTTP in test_api_http.py."""
import re

import psycopg2
import werkzeug.exceptions

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.tests.common import TransactionCase

from .. import api

HTTP_METHODS = {'get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'}


class TestApi(TransactionCase):

    def setUp(self):
        super(TestApi, self).setUp()
        Users = self.env['res.users'].with_context(no_reset_password=True)
        self.citizen = Users.create({
            'name': 'API Citizen', 'login': 'api_citizen', 'email': 'api_citizen@example.invalid',
            'groups_id': [(6, 0, [self.env.ref('base.group_portal').id])]})
        self.other = Users.create({
            'name': 'Other Citizen', 'login': 'api_other',
            'groups_id': [(6, 0, [self.env.ref('base.group_portal').id])]})
        self.Tokens = self.env['gov.api.token']

    def _expire(self, token):
        # The model refuses a past expiry; age the token in the database.
        self.env.cr.execute("UPDATE gov_api_token SET expires = %s WHERE id = %s",
                            ('2001-01-01 00:00:00', token.id))
        token.invalidate_cache()

    def test_4_1_4_token_generate_authenticate_revoke(self):
        record, token = self.Tokens.sudo(self.citizen).generate('phone')
        self.assertTrue(token.startswith('gov_') and len(token) > 40)
        self.assertEqual(record.user_id, self.citizen)
        self.assertEqual(record.hint, token[:8])
        self.assertNotIn(token, record.token_digest)  # only the digest is kept
        self.assertEqual(self.Tokens._authenticate(token), self.citizen)
        self.assertTrue(record.last_used)
        for wrong in (None, '', 'gov_nope', token[4:], 'Bearer ' + token):
            self.assertFalse(self.Tokens._authenticate(wrong))
        record.sudo(self.citizen).revoke()
        self.assertFalse(self.Tokens._authenticate(token))

    def test_4_1_4_token_expired_or_user_archived_is_refused(self):
        record, token = self.Tokens.sudo(self.citizen).generate('phone', '2999-01-01 00:00:00')
        self.assertEqual(self.Tokens._authenticate(token), self.citizen)
        self._expire(record)
        self.assertFalse(self.Tokens._authenticate(token))
        _record, token = self.Tokens.sudo(self.citizen).generate('tablet')
        self.citizen.active = False
        self.assertFalse(self.Tokens._authenticate(token))

    def test_4_1_4_token_expiry_must_be_in_the_future(self):
        with self.assertRaises(ValidationError):
            self.Tokens.sudo(self.citizen).generate('phone', '2001-01-01 00:00:00')

    def test_4_1_4_token_owner_and_digest_are_locked(self):
        record, token = self.Tokens.sudo(self.citizen).generate('phone')
        mine = record.sudo(self.citizen)
        mine.name = 'old phone'
        for vals in ({'user_id': self.env.ref('base.user_root').id}, {'token_digest': 'x'},
                     {'expires': '2999-01-01 00:00:00'}):
            with self.assertRaises(AccessError):
                mine.write(vals)
        mine.revoke()
        with self.assertRaises(AccessError):
            mine.write({'active': True})  # revoked stays revoked
        self.assertFalse(self.Tokens._authenticate(token))

    def test_4_1_4_tokens_are_private_to_their_owner(self):
        record, _token = self.Tokens.sudo(self.other).generate('other phone')
        self.assertFalse(self.Tokens.sudo(self.citizen).search([('id', '=', record.id)]))
        with self.assertRaises(AccessError):
            record.sudo(self.citizen).revoke()
        admin = self.env['res.users'].with_context(no_reset_password=True).create({
            'name': 'Platform Admin', 'login': 'api_admin',
            'groups_id': [(6, 0, [self.env.ref('gov_interaction.group_gov_admin').id])]})
        self.assertEqual(self.Tokens.sudo(admin).search([('id', '=', record.id)]), record)

    def test_4_1_4_token_wizard_shows_the_token_once(self):
        user = self.env['res.users'].with_context(no_reset_password=True).create({
            'name': 'Clerk', 'login': 'api_clerk',
            'groups_id': [(6, 0, [self.env.ref('gov_interaction.group_gov_clerk').id])]})
        Wizard = self.env['gov.api.token.wizard'].sudo(user)
        action = Wizard.create({'name': 'CMS'}).action_generate()
        token = action['context']['default_token']
        self.assertEqual(self.Tokens._authenticate(token), user)
        shown = Wizard.with_context(**action['context']).default_get(['token', 'name'])
        self.assertEqual(shown, {'token': token, 'name': 'CMS'})
        self.assertFalse(Wizard.search([('token', '!=', False)]), "the token is never stored in clear")

    def test_4_1_4_role_codes(self):
        self.assertEqual(self.citizen._gov_role_codes(), ['citizen'])
        office = self.env['res.users'].with_context(no_reset_password=True).create({
            'name': 'Office', 'login': 'api_office',
            'groups_id': [(6, 0, [self.env.ref('gov_interaction.group_gov_office').id])]})
        self.assertEqual(office._gov_role_codes(), ['clerk', 'supervisor', 'office'])

    def test_4_1_4_auth_levels(self):
        public, employee = self.env.ref('base.public_user'), self.env.ref('base.user_demo')
        for user, level, code in [(public, 'citizen', 'unauthorized'), (public, 'user', 'unauthorized'),
                                  (self.citizen, 'user', 'forbidden')]:
            with self.assertRaises(api.ApiError) as caught:
                api.check_auth_level(user, level)
            self.assertEqual(caught.exception.code, code)
        allowed = [(public, 'public'), (self.citizen, 'citizen'), (employee, 'citizen'), (employee, 'user')]
        for user, level in allowed:
            api.check_auth_level(user, level)

    def test_4_1_4_errors_map_to_codes(self):
        concurrency = psycopg2.extensions.TransactionRollbackError()
        cases = [
            (api.ApiError('rate_limited'), 'rate_limited', 429),
            (werkzeug.exceptions.NotFound(), 'not_found', 404),
            (werkzeug.exceptions.MethodNotAllowed(['GET']), 'method_not_allowed', 405),
            (MissingError('gone'), 'not_found', 404),
            (AccessError('Document model: gov.api.token'), 'forbidden', 403),
            (UserError('Bad input'), 'validation_error', 422),
            (ValidationError('Bad input'), 'validation_error', 422),
            (http.SessionExpiredException('Session expired'), 'unauthorized', 401),
            (werkzeug.exceptions.BadRequest(), 'bad_request', 400),
        ]
        for exception, code, status in cases:
            error = api.as_api_error(exception)
            self.assertEqual((error.code, error.status), (code, status), exception)
        self.assertIsNone(api.as_api_error(KeyError('secret')), "internal errors are logged, not mapped")
        self.assertIsNone(api.as_api_error(concurrency), "only after Odoo's retries, by pgcode")
        self.assertIsNone(api.as_api_error(AccessError('x')).message, "the ORM's text names models")
        self.assertEqual(api.as_api_error(UserError('Bad input')).message, 'Bad input')

    def test_4_1_4_payload_fields(self):
        data = api.Payload({'name': ' ', 'expires': '2026-12-31T18:00:00+08:00', 'extra': 1},
                           ('name', 'expires'))
        self.assertIsNone(data.string('name', required=True))
        self.assertEqual(data.utc_datetime('expires'), '2026-12-31 10:00:00')
        self.assertEqual(sorted(data.errors), ['extra', 'name'])
        with self.assertRaises(api.ApiError) as caught:
            data.validate()
        self.assertEqual(caught.exception.details['fields'].keys(), {'extra', 'name'})
        data = api.Payload({'day': '2026-12-31', 'bad': 'tomorrow', 'long': 'x' * 5}, ('day', 'bad', 'long'))
        self.assertEqual(data.utc_datetime('day'), '2026-12-31 23:59:59')
        self.assertFalse(data.utc_datetime('bad'))
        data.string('long', max_length=4)
        self.assertEqual(sorted(data.errors), ['bad', 'long'])

    def test_4_1_4_openapi_document_covers_every_route(self):
        """Every /api/ route of every installed module is in the document,
        with the same methods, and the document has nothing more."""
        document = api.openapi_document(self.registry._init_modules)
        self.assertEqual(document['openapi'], '3.0.3')
        base = document['servers'][0]['url']
        documented = {(base + path, method.upper()) for path, item in document['paths'].items()
                      for method in item if method in HTTP_METHODS}
        modules = [''] + sorted(self.registry._init_modules)
        routing = http.routing_map(modules, False, converters=self.env['ir.http']._get_converters())
        routes = set()
        for rule in routing.iter_rules():
            if rule.rule.startswith(api.API_PREFIX):
                path = re.sub(r'<(?:[^:<>]+:)?([^<>]+)>', r'{\1}', rule.rule)
                routes.update((path, method) for method in (rule.methods or {'ANY'}) - {'HEAD', 'OPTIONS'})
        self.assertTrue(routes)
        self.assertEqual(routes, documented)
        error = document['components']['schemas']['Error']['properties']['error']
        self.assertEqual(set(error['properties']['code']['enum']), set(api.ERROR_STATUS))
