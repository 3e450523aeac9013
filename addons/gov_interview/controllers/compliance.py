# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io

import xlsxwriter
from werkzeug.exceptions import Forbidden

from odoo import _, http
from odoo.http import content_disposition, request

from odoo.addons.gov_supervision.xlsx import TEXT_ONLY

GROUPS = ('gov_interaction.group_gov_office', 'gov_interaction.group_gov_supervisor',
          'gov_interaction.group_gov_dept_manager')


class InterviewCompliance(http.Controller):

    @http.route('/gov_interview/compliance.xlsx', type='http', auth='user')
    def compliance_xlsx(self, year=None, **kwargs):
        """The compliance table (5.2.1, 5.2.2) as an XLSX workbook."""
        user = request.env.user
        if not any(user.has_group(group) for group in GROUPS):
            raise Forbidden()
        Department = request.env['gov.department']
        try:
            year = int(year) if year else Department._interview_year()
        except ValueError:
            year = Department._interview_year()
        rows = Department._interview_compliance_rows(year)
        output = io.BytesIO()
        # Names are written as text, never as formulas or links (TEXT_ONLY).
        workbook = xlsxwriter.Workbook(output, dict(TEXT_ONLY, in_memory=True))
        sheet = workbook.add_worksheet(str(year))
        bold = workbook.add_format({'bold': True, 'bg_color': '#DDEBF7', 'border': 1})
        behind = workbook.add_format({'font_color': '#C00000', 'border': 1})
        normal = workbook.add_format({'border': 1})
        title = workbook.add_format({'bold': True, 'font_size': 14})
        sheet.write(0, 0, _('Online interviews held in %s') % year, title)
        minimum = Department._interview_minimum_per_year()
        sheet.write(1, 0, _('Minimum per government: %s a year (5.2.2); every department at least one '
                            '(5.2.1).') % minimum)
        headers = [_('Government or Department'), _('Level'), _('Government'), _('Interviews Held'),
                   _('Minimum'), _('Missing'), _('Behind'), _('Plan for Next Year')]
        for column, header in enumerate(headers):
            sheet.write(3, column, header, bold)
        for index, row in enumerate(rows, start=4):
            style = behind if row['behind'] else normal
            values = [row['name'], row['level'], row['government'], row['held'], row['minimum'],
                      row['missing'], _('Yes') if row['behind'] else _('No'), row['plan']]
            for column, value in enumerate(values):
                sheet.write(index, column, value, style)
        sheet.set_column(0, 0, 28)
        sheet.set_column(1, 1, 10)
        sheet.set_column(2, 2, 22)
        sheet.set_column(3, 6, 10)
        sheet.set_column(7, 7, 16)
        sheet.freeze_panes(4, 1)
        sheet.autofilter(3, 0, 3 + len(rows), len(headers) - 1)
        workbook.close()
        filename = _('interview-compliance-%s.xlsx') % year
        return request.make_response(output.getvalue(), headers=[
            ('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
            ('Content-Disposition', content_disposition(filename))])
