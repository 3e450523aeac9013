# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The public surface of the 回应关切 column (5.4): a concern shows once
published, never as a draft (gov_interaction/tests/public_surface.py)."""
from odoo.addons.gov_interaction.tests import public_surface

from .test_concern import ConcernCase

ROUTES = {
    ('/interaction/concerns', 'GET'): 'published',
    ('/interaction/concerns/page/<int:page>', 'GET'): 'published',
    ('/interaction/concerns/<int:concern_id>', 'GET'): 'published',
    ('/interaction/concerns/feed.atom', 'GET'): 'published',
    ('/api/v1/concerns', 'GET'): 'published',
    ('/api/v1/concerns/<int:concern_id>', 'GET'): 'published',
}


class TestPublicSurface(public_surface.PublicSurfaceCase, ConcernCase):

    ROUTES = ROUTES

    def probes(self):
        title = 'Unpublished concern draft-7q'
        draft = self.new_concern(title=title)
        probe = public_surface.probe
        return [
            probe(('/interaction/concerns', 'GET'), '/interaction/concerns', absent=title),
            probe(('/interaction/concerns/page/<int:page>', 'GET'), '/interaction/concerns/page/1',
                  'citizen', absent=title),
            probe(('/interaction/concerns/<int:concern_id>', 'GET'),
                  '/interaction/concerns/%s' % draft.id),
            probe(('/interaction/concerns/<int:concern_id>', 'GET'),
                  '/interaction/concerns/%s' % draft.id, 'citizen'),
            probe(('/interaction/concerns/feed.atom', 'GET'), '/interaction/concerns/feed.atom',
                  absent=title),
            probe(('/api/v1/concerns', 'GET'), '/api/v1/concerns?limit=100', absent=title),
            probe(('/api/v1/concerns/<int:concern_id>', 'GET'), '/api/v1/concerns/%s' % draft.id),
            probe(('/api/v1/concerns/<int:concern_id>', 'GET'), '/api/v1/concerns/%s' % draft.id,
                  'citizen'),
        ]
