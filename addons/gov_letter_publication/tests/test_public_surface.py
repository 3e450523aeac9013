# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Published letters (5.3.8): the public sees a checked public copy only,
never a draft copy nor the original (gov_interaction/tests/
public_surface.py)."""
from odoo.addons.gov_interaction.tests import public_surface

ROUTES = {
    ('/interaction/letters/<string:number>', 'ANY'): 'published',
    ('/api/v1/letters/published', 'GET'): 'published',
    ('/api/v1/letters/published/<string:number>', 'GET'): 'published',
}


class TestPublicSurface(public_surface.PublicSurfaceCase):

    ROUTES = ROUTES

    def probes(self):
        Publication = self.env['gov.letter.publication']
        published = Publication.search([('website_published', '=', True)], limit=1)
        copy = Publication.search([('state', '=', 'checked'), ('id', '!=', published.id)], limit=1)
        # The original's title (in SQL: an edit of the letter would send its
        # copy back to be checked): only the checked copy shows.
        self.env.cr.execute("UPDATE gov_letter SET title = 'Original title o-44' WHERE id = %s",
                            (published.letter_id.id,))
        published.letter_id.invalidate_cache()
        copy.write({'title': 'Copy being redacted c-19'})  # an edit needs a new check
        self.assertFalse(copy.website_published)
        probe = public_surface.probe
        return [
            probe(('/interaction/<string:slug>', 'ANY'), '/interaction/letters', absent='o-44'),
            probe(('/api/v1/channel', 'GET'), '/api/v1/channel', absent='o-44'),
            probe(('/api/v1/letters/published/<string:number>', 'GET'),
                  '/api/v1/letters/published/%s' % published.number, absent='o-44'),
            probe(('/api/v1/letters/published', 'GET'), '/api/v1/letters/published?limit=100',
                  absent='c-19'),
            probe(('/interaction/<string:slug>', 'ANY'), '/interaction/letters', absent='c-19'),
            probe(('/api/v1/columns/<string:code>', 'GET'), '/api/v1/columns/letter?limit=50',
                  absent='c-19'),
            probe(('/api/v1/letters/published/<string:number>', 'GET'),
                  '/api/v1/letters/published/%s' % copy.number),
            probe(('/api/v1/letters/published/<string:number>', 'GET'),
                  '/api/v1/letters/published/%s' % copy.number, 'citizen'),
            # The letter page shows the checked copy only.
            probe(('/interaction/letters/<string:number>', 'ANY'),
                  '/interaction/letters/%s' % copy.number),
            probe(('/interaction/letters/<string:number>', 'ANY'),
                  '/interaction/letters/%s' % published.number, absent='o-44'),
        ]
