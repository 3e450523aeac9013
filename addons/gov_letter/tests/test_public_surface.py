# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The public surface of the 咨询投诉 column (4.4, 5.3): a letter is shown
to its writer only, by the signed-in account or by its number with the
query code; to everyone only once its reply is published (5.3.8, 5.3.9)
(gov_interaction/tests/public_surface.py)."""
from odoo.addons.gov_interaction.tests import public_surface

ROUTES = {
    ('/interaction/letters/new', 'GET'): 'account',
    ('/interaction/letters/new', 'POST'): 'account',
    ('/interaction/letters/received/<string:number>', 'GET'): 'owner',
    ('/interaction/letters/query', 'GET'): 'owner',
    ('/interaction/letters/query', 'POST'): 'query code',
    ('/api/v1/letters', 'POST'): 'account',
    ('/api/v1/letters/query', 'POST'): 'query code',
    ('/api/v1/letters/mine', 'GET'): 'owner',
    # The portal page of the base addon lists the citizen's own items of
    # every column (_portal_items(partner)): proved here with a letter.
    ('/my/interaction', 'ANY'): 'owner',
    # 答复函 as PDF: by number and query code, or to the signed-in writer.
    ('/interaction/letters/reply.pdf', 'POST'): 'query code',
    ('/my/interaction/letters/<string:number>/reply.pdf', 'GET'): 'owner',
}
TITLE = 'Letter of citizen l-58'


class TestPublicSurface(public_surface.PublicSurfaceCase):

    ROUTES = ROUTES

    def citizen_letter(self):
        """A replied letter of the demo citizen, not published."""
        letter = self.env['gov.letter'].search([
            ('partner_id', '=', self.env.ref('gov_interaction.user_citizen').partner_id.id),
            ('state', '=', 'replied')], limit=1)
        letter.write({'title': TITLE, 'publish_reply': False})
        return letter

    def probes(self):
        number = self.citizen_letter().number
        wrong = {'number': number, 'code': 'WRONGCODE1'}
        probe = public_surface.probe
        return [
            probe(('/interaction/letters/query', 'GET'), '/interaction/letters/query?number=%s' % number,
                  'citizen2', absent=TITLE),
            probe(('/interaction/letters/query', 'POST'), '/interaction/letters/query', None, 'POST',
                  wrong, absent=TITLE),
            probe(('/interaction/letters/query', 'POST'), '/interaction/letters/query', 'citizen2',
                  'POST', {'number': number}, absent=TITLE),
            # The published-letter page is gov_letter_publication's: a letter
            # itself never shows there.
            probe(('/interaction/letters/<string:number>', 'ANY'), '/interaction/letters/%s' % number),
            probe(('/interaction/letters/<string:number>', 'ANY'), '/interaction/letters/%s' % number,
                  'citizen'),
            probe(('/interaction/letters/received/<string:number>', 'GET'),
                  '/interaction/letters/received/%s' % number, 'citizen2'),
            probe(('/api/v1/letters/query', 'POST'), '/api/v1/letters/query', None, 'POST', wrong),
            probe(('/api/v1/letters/query', 'POST'), '/api/v1/letters/query', 'citizen2', 'POST',
                  wrong),
            probe(('/api/v1/letters/mine', 'GET'), '/api/v1/letters/mine', 'citizen2', absent=TITLE),
            probe(('/my/interaction', 'ANY'), '/my/interaction', 'citizen2', absent=TITLE),
            probe(('/interaction/letters/reply.pdf', 'POST'), '/interaction/letters/reply.pdf', None,
                  'POST', wrong),
            probe(('/my/interaction/letters/<string:number>/reply.pdf', 'GET'),
                  '/my/interaction/letters/%s/reply.pdf' % number, 'citizen2'),
        ]
