# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.exceptions import Forbidden

from odoo import _, http
from odoo.http import request

from odoo.addons.gov_interaction.tools import xlsx_response

from ..models.gov_department import COMPLIANCE_GROUPS


class InterviewCompliance(http.Controller):

    @http.route('/gov_interview/compliance.xlsx', type='http', auth='user')
    def compliance_xlsx(self, year=None, **kwargs):
        """The compliance table (5.2.1, 5.2.2) as an XLSX workbook; the
        back office's menu writes the same file in the background."""
        user = request.env.user
        if not any(user.has_group(group) for group in COMPLIANCE_GROUPS):
            raise Forbidden()
        Department = request.env['gov.department']
        try:
            year = int(year) if year else Department._interview_year()
        except ValueError:
            year = Department._interview_year()
        return xlsx_response(_('interview-compliance-%s.xlsx') % year,
                             [Department._interview_compliance_sheet(year)])
