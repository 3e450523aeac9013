# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The public surface of the 意见征集 column (4.2 a–c, 5.1): a solicitation
shows once opened, never as a draft; its documents only, never a citizen's
upload; exports for the department's staff (gov_interaction/tests/
public_surface.py)."""
import base64

from odoo.addons.gov_interaction.tests import public_surface

PAGE = '/interaction/solicitations/<int:solicitation_id>'
API = '/api/v1/solicitations/<int:solicitation_id>'
ROUTES = {
    (PAGE, 'GET'): 'published',
    (PAGE + '/page/<int:page>', 'GET'): 'published',
    (PAGE + '/opinion', 'POST'): 'published',
    (PAGE + '/documents/<int:attachment_id>', 'GET'): 'published',
    ('/gov_solicitation/export/<int:solicitation_id>', 'ANY'): 'department',
    ('/api/v1/solicitations', 'GET'): 'published',
    (API, 'GET'): 'published',
    (API + '/opinions', 'GET'): 'published',
    (API + '/opinions', 'POST'): 'published',
}


class TestPublicSurface(public_surface.PublicSurfaceCase):

    ROUTES = ROUTES

    def attachment(self, name, **values):
        return self.env['ir.attachment'].create(dict(
            values, name=name, datas_fname=name, datas=base64.b64encode(b'%PDF-1.4 test')))

    def probes(self):
        Solicitation = self.env['gov.solicitation']
        edu = self.env.ref('gov_interaction.dept_edu')
        draft = Solicitation.search([('state', '=', 'draft')], limit=1)
        draft.write({'name': 'Unpublished solicitation s-41',
                     'attachment_ids': [(4, self.attachment('draft.pdf').id)]})
        shown = Solicitation.search([('state', '=', 'open'), ('department_id', '=', edu.id)], limit=1)
        other = Solicitation.search([('state', '=', 'published')], limit=1)
        other.attachment_ids = [(4, self.attachment('other.pdf').id)]
        opinion = self.env['gov.solicitation.opinion'].create({
            'solicitation_id': shown.id, 'content': 'My opinion',
            'partner_id': self.env.ref('gov_interaction.user_citizen').partner_id.id})
        upload = self.attachment('citizen.pdf', res_model=opinion._name, res_id=opinion.id)
        opinion.attachment_id = upload
        page, api = '/interaction/solicitations/%s' % draft.id, '/api/v1/solicitations/%s' % draft.id
        documents = '/interaction/solicitations/%s/documents/%s'
        probe = public_surface.probe
        self.draft = draft
        return [
            probe((PAGE, 'GET'), page),
            probe((PAGE, 'GET'), page, 'citizen'),
            probe((PAGE + '/page/<int:page>', 'GET'), page + '/page/2'),
            probe((PAGE + '/opinion', 'POST'), page + '/opinion', 'citizen', 'POST',
                  {'content': 'An opinion on a draft'}),
            probe((PAGE + '/documents/<int:attachment_id>', 'GET'),
                  documents % (draft.id, draft.attachment_ids[:1].id)),
            probe((PAGE + '/documents/<int:attachment_id>', 'GET'),
                  documents % (shown.id, other.attachment_ids[:1].id)),
            probe((PAGE + '/documents/<int:attachment_id>', 'GET'),
                  documents % (shown.id, upload.id), 'citizen2'),
            probe(('/gov_solicitation/export/<int:solicitation_id>', 'ANY'),
                  '/gov_solicitation/export/%s' % shown.id, 'handler_env'),
            probe(('/gov_solicitation/export/<int:solicitation_id>', 'ANY'),
                  '/gov_solicitation/export/%s' % shown.id, 'citizen'),
            probe(('/api/v1/solicitations', 'GET'), '/api/v1/solicitations?limit=100',
                  absent='s-41'),
            # The column page (gov_interaction's route) lists them too.
            probe(('/interaction/<string:slug>', 'ANY'), '/interaction/solicitations', absent='s-41'),
            probe((API, 'GET'), api),
            probe((API + '/opinions', 'GET'), api + '/opinions'),
            probe((API + '/opinions', 'POST'), api + '/opinions', 'citizen', 'POST',
                  {'content': 'An opinion on a draft'}),
        ]

    def check_unchanged(self):
        self.assertFalse(self.draft.sudo().opinion_ids)
