# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.exceptions import Forbidden

from odoo import _, http
from odoo.http import request

from odoo.addons.gov_interaction.tools import Row, xlsx_response

GROUPS = ('gov_interaction.group_gov_office', 'gov_interaction.group_gov_supervisor',
          'gov_interaction.group_gov_dept_manager')
WIDTHS = [28, 10, 22, 10, 10, 10, 10, 16]


def compliance_sheet(Department, year):
    """The compliance table of ``year``: one row per government or
    department, in red when behind."""
    minimum = Department._interview_minimum_per_year()
    top = [Row([_('Online interviews held in %s') % year], 'title'),
           [_('Minimum per government: %s a year (5.2.2); every department at least one '
              '(5.2.1).') % minimum], []]
    headers = [_('Government or Department'), _('Level'), _('Government'), _('Interviews Held'),
               _('Minimum'), _('Missing'), _('Behind'), _('Plan for Next Year')]
    rows = [Row([row['name'], row['level'], row['government'], row['held'], row['minimum'],
                 row['missing'], _('Yes') if row['behind'] else _('No'), row['plan']],
                'alert' if row['behind'] else 'border')
            for row in Department._interview_compliance_rows(year)]
    return (str(year), headers, rows, {
        'top': top, 'widths': WIDTHS, 'header_style': 'header', 'freeze': (4, 1),
        'autofilter': True})


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
        # Names are written as text, never as formulas or links.
        return xlsx_response(_('interview-compliance-%s.xlsx') % year,
                             [compliance_sheet(Department, year)])
