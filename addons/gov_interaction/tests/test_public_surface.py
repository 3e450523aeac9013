# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The public surface of the channel and the API's accounts (4.1.3, 4.1.4),
and the check that the addons' tables cover every public route and that
the README lists each one with its guard (public_surface.py)."""
import os
import re

from odoo.addons.gov_interaction.tests import public_surface

ROUTES = {
    ('/interaction', 'ANY'): 'none',
    ('/interaction/<string:slug>', 'ANY'): 'published',
    ('/interaction/elder-mode', 'GET'): 'none',
    ('/api/v1/auth/login', 'POST'): 'none',
    ('/api/v1/auth/logout', 'POST'): 'account',
    ('/api/v1/me', 'GET'): 'account',
    ('/api/v1/tokens', 'GET'): 'owner',
    ('/api/v1/tokens', 'POST'): 'account',
    ('/api/v1/tokens/<int:token_id>', 'DELETE'): 'owner',
    ('/api/v1/channel', 'GET'): 'published',
    ('/api/v1/columns/<string:code>', 'GET'): 'published',
    ('/api/v1/openapi.json', 'GET'): 'none',
    # /my/interaction (the citizen's items of every column) is in
    # gov_letter's table, which proves it with a letter.
}


class TestPublicSurface(public_surface.PublicSurfaceCase):

    ROUTES = ROUTES

    def probes(self):
        column = self.env['gov.interaction.column'].create({
            'name': 'Archived column', 'code': 'archived_test', 'slug': 'archived-test',
            'active': False})
        record, _token = self.env['gov.api.token'].sudo(
            self.env.ref('gov_interaction.user_citizen')).generate('citizen phone')
        probe = public_surface.probe
        return [
            probe(('/interaction/<string:slug>', 'ANY'), '/interaction/%s' % column.slug),
            probe(('/api/v1/columns/<string:code>', 'GET'), '/api/v1/columns/%s' % column.code),
            probe(('/api/v1/channel', 'GET'), '/api/v1/channel?lang=en_US', absent='Archived column'),
            probe(('/api/v1/tokens', 'GET'), '/api/v1/tokens', 'citizen2', absent='citizen phone'),
            probe(('/api/v1/tokens/<int:token_id>', 'DELETE'), '/api/v1/tokens/%s' % record.id,
                  'citizen2', method='DELETE'),
        ]

    def test_every_public_route_has_a_guard_in_a_table(self):
        registered = public_surface.registered_routes(self.env)
        tables = public_surface.route_tables(self.env)
        declared = {}
        for module, routes in tables.items():
            for route, guard in routes.items():
                self.assertTrue(route[0].startswith(public_surface.PREFIXES), (module, route))
                self.assertIn(guard, public_surface.GUARDS, route)
                self.assertNotIn(route, declared, '%s declared twice' % (route,))
                declared[route] = guard
        self.assertEqual(set(registered) - set(declared), set(), 'routes missing from the tables')
        self.assertEqual(set(declared) - set(registered), set(), 'tables name routes Odoo has not')
        self.assertGreater(len(registered), 50)

    def test_readme_lists_every_public_route_with_its_guard(self):
        readme_path = os.path.join(os.path.dirname(__file__), '..', '..', '..', 'README.md')
        if not os.path.exists(readme_path):
            self.skipTest('no README.md beside the addons')
        with open(readme_path, encoding='utf-8') as readme:
            text = readme.read()
        section = text.split('### Public routes and their guards', 1)[1].split('\n## ', 1)[0]
        rows = {(path, method): guard for path, method, guard in re.findall(
            r'^\| `([^`]+)` \| (\w+(?:/\w+)?) \| [^|]+ \| ([\w ]+?) \|', section, re.M)}
        declared = self.all_declared()
        for route, guard in sorted(declared.items()):
            self.assertEqual(rows.get(route), guard, 'README row of %s %s' % route)
        self.assertEqual(set(rows) - set(declared), set(), 'README rows of no route')

    def all_declared(self):
        declared = {}
        for routes in public_surface.route_tables(self.env).values():
            declared.update(routes)
        return declared
