# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, models

from odoo.addons.gov_solicitation.tools import local_date


class GovInteractionColumn(models.Model):
    _inherit = 'gov.interaction.column'

    def _gov_surveys(self):
        draft = self.env.ref('survey.stage_draft')
        return self.env['survey.survey'].sudo().search(
            [('gov_column_id', '=', self.id), ('stage_id', '!=', draft.id)],
            order='date_start desc, id desc')

    def _latest_items(self, limit=5):
        items = super(GovInteractionColumn, self)._latest_items(limit)
        if self.code != 'survey':
            return items
        surveys = self._gov_surveys().filtered(lambda s: s.gov_state in ('open', 'published'))
        return items + [{
            'title': survey.title,
            'url': survey.gov_results_url if survey.gov_state == 'published' else survey.gov_start_url,
            'date': local_date(survey.date_start or survey.create_date),
        } for survey in surveys[:limit]]

    def _portal_items(self, partner):
        items = super(GovInteractionColumn, self)._portal_items(partner)
        if self.code != 'survey':
            return items
        inputs = self.env['survey.user_input'].sudo().search(
            [('partner_id', '=', partner.id), ('survey_id.gov_column_id', '=', self.id),
             ('test_entry', '=', False)])
        return items + [{
            'title': user_input.survey_id.title,
            'url': user_input.survey_id.gov_results_url
            if user_input.survey_id.gov_state == 'published' else user_input.survey_id.gov_start_url,
            'date': local_date(user_input.date_create),
            'state': _('Answered') if user_input.state == 'done' else _('Not Finished'),
        } for user_input in inputs]

    def _survey_sections(self):
        surveys = self._gov_surveys()
        return {
            'open': surveys.filtered(lambda s: s.gov_state in ('open', 'upcoming')),
            'past': surveys.filtered(lambda s: s.gov_state in ('ended', 'published')),
        }
