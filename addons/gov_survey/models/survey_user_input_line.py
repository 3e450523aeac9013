# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from .survey_user_input import check_page_access


class SurveyUserInputLine(models.Model):
    """An answer: like its response, reached by citizens only through the
    survey pages, never over RPC (4.2 d)."""

    _inherit = 'survey.user_input_line'

    @api.model
    def check_access_rights(self, operation, raise_exception=True):
        if check_page_access(self, operation):
            return True
        return super(SurveyUserInputLine, self).check_access_rights(operation, raise_exception)
