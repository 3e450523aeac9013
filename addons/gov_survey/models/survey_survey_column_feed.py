# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Surveys feed the 网上调查 column (4.1.1, 4.2 d): the open and published
ones are its items; a citizen's answers are its items under /my (4.1.3)."""
from odoo import _, api, models

from odoo.addons.gov_interaction.tools import local_date


class SurveySurvey(models.Model):
    _name = 'survey.survey'
    _inherit = ['survey.survey', 'gov.column.feed']

    @api.model
    def _column_latest_items(self, column, limit=5):
        items = super(SurveySurvey, self)._column_latest_items(column, limit)
        surveys = column._gov_surveys().filtered(lambda s: s.gov_state in ('open', 'published'))
        return items + [{
            'title': survey.title,
            'url': survey.gov_results_url if survey.gov_state == 'published' else survey.gov_start_url,
            'date': local_date(self.env, survey.date_start or survey.create_date),
        } for survey in surveys[:limit]]

    @api.model
    def _column_portal_items(self, column, partner):
        items = super(SurveySurvey, self)._column_portal_items(column, partner)
        inputs = self.env['survey.user_input'].sudo().search(
            [('partner_id', '=', partner.id), ('survey_id.gov_column_id', '=', column.id),
             ('test_entry', '=', False)])
        return items + [{
            'title': user_input.survey_id.title,
            'url': user_input.survey_id.gov_results_url
            if user_input.survey_id.gov_state == 'published' else user_input.survey_id.gov_start_url,
            'date': local_date(self.env, user_input.date_create),
            'state': _('Answered') if user_input.state == 'done' else _('Not Finished'),
        } for user_input in inputs]
