# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The writer's rating of the reply (5.3.4): only the writer rates, signed in or with
the query code; the statistics are for staff (gov_interaction/tests/
public_surface.py)."""
from odoo.addons.gov_interaction.tests import public_surface

ROUTES = {
    ('/interaction/letters/rate', 'POST'): 'query code',
    ('/api/v1/letters/<string:number>/rating', 'POST'): 'query code',
    ('/gov_letter_supervision/statistics.xlsx', 'ANY'): 'role',
    # Aggregates only, the same for everyone (test_letter_statistics_public_http).
    ('/interaction/letters/statistics', 'GET'): 'none',
    ('/interaction/letters/statistics.csv', 'GET'): 'none',
    ('/api/v1/letters/statistics', 'GET'): 'none',
}
TITLE = 'Letter of citizen r-31'


class TestPublicSurface(public_surface.PublicSurfaceCase):

    ROUTES = ROUTES

    def probes(self):
        self.letter = self.env['gov.letter'].search([
            ('partner_id', '=', self.env.ref('gov_interaction.user_citizen').partner_id.id),
            ('state', '=', 'replied'), ('rating', '=', False)], limit=1)
        self.letter.title = TITLE
        number = self.letter.number
        rate = {'number': number, 'rating': 'unsatisfied', 'comment': 'Rated by someone else'}
        api = '/api/v1/letters/%s/rating' % number
        probe = public_surface.probe
        return [
            probe(('/interaction/letters/rate', 'POST'), '/interaction/letters/rate', 'citizen2',
                  'POST', rate, absent=TITLE),
            probe(('/interaction/letters/rate', 'POST'), '/interaction/letters/rate', None, 'POST',
                  dict(rate, code='WRONGCODE1'), absent=TITLE),
            probe(('/api/v1/letters/<string:number>/rating', 'POST'), api, 'citizen2', 'POST',
                  {'rating': 'unsatisfied'}),
            probe(('/api/v1/letters/<string:number>/rating', 'POST'), api, None, 'POST',
                  {'rating': 'unsatisfied', 'code': 'WRONGCODE1'}),
            probe(('/gov_letter_supervision/statistics.xlsx', 'ANY'),
                  '/gov_letter_supervision/statistics.xlsx', 'citizen', status=403),
        ]

    def check_unchanged(self):
        self.letter.invalidate_cache()
        self.assertFalse(self.letter.rating)
