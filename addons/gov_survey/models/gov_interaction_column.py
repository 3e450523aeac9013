# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class GovInteractionColumn(models.Model):
    _inherit = 'gov.interaction.column'

    def _gov_surveys(self):
        draft = self.env.ref('survey.stage_draft')
        return self.env['survey.survey'].sudo().search(
            [('gov_column_id', '=', self.id), ('stage_id', '!=', draft.id)],
            order='date_start desc, id desc')

    def _survey_sections(self):
        surveys = self._gov_surveys()
        return {
            'open': surveys.filtered(lambda s: s.gov_state in ('open', 'upcoming')),
            'past': surveys.filtered(lambda s: s.gov_state in ('ended', 'published')),
        }
