# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The notice download (5.3.7): read with the user's rights, so a draft
notice is the supervisors' and clerks' only, and no citizen gets any
(gov_interaction/tests/public_surface.py)."""
from odoo.addons.gov_interaction.tests import public_surface

ROUTES = {
    ('/gov_supervision/notice/<int:notice_id>/xlsx', 'ANY'): 'published',
}


class TestPublicSurface(public_surface.PublicSurfaceCase):

    ROUTES = ROUTES

    def probes(self):
        draft = self.env['gov.supervision.notice'].create({
            'name': 'Draft notice', 'date_from': '2026-01-01', 'date_to': '2026-01-31'})
        published = self.env['gov.supervision.notice'].search([('state', '=', 'published')], limit=1)
        url = '/gov_supervision/notice/%s/xlsx'
        probe = public_surface.probe
        return [
            probe(('/gov_supervision/notice/<int:notice_id>/xlsx', 'ANY'), url % draft.id,
                  'handler_env'),
            probe(('/gov_supervision/notice/<int:notice_id>/xlsx', 'ANY'), url % published.id,
                  'citizen'),
        ]
