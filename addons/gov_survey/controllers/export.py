# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""XLSX download of a survey's results (5.1.5); the back office's button
writes the same file in the background."""
from odoo import http

from odoo.addons.gov_interaction.tools import readable, refused, xlsx_response


class SurveyExport(http.Controller):

    @http.route('/gov_survey/export/<int:survey_id>', type='http', auth='user')
    def export_results(self, survey_id, **kwargs):
        survey = readable('survey.survey', survey_id)
        if not survey:
            return refused()
        return xlsx_response('survey-%s.xlsx' % survey.id, survey._xlsx_sheets())
