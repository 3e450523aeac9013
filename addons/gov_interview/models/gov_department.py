# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import Counter

from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.gov_interaction.tools import Row, local_today, write_xlsx

GOVERNMENT_LEVELS = ('province', 'city', 'county')
# Who exports the compliance table (5.2.1, 5.2.2).
COMPLIANCE_GROUPS = ('gov_interaction.group_gov_office', 'gov_interaction.group_gov_supervisor',
                     'gov_interaction.group_gov_dept_manager')
COMPLIANCE_WIDTHS = [28, 10, 22, 10, 10, 10, 10, 16]


class GovDepartment(models.Model):
    """Interview compliance per government and department (5.2.1, 5.2.2):
    interviews held in the year against the minimum."""

    _inherit = 'gov.department'

    interview_government_id = fields.Many2one(
        'gov.department', 'Government', compute='_compute_interview_government_id',
        help="The government this department belongs to: itself for a government.")
    interview_held_count = fields.Integer('Interviews Held', compute='_compute_interview_compliance')
    interview_minimum = fields.Integer('Minimum', compute='_compute_interview_compliance')
    interview_missing = fields.Integer('Missing', compute='_compute_interview_compliance')
    interview_behind = fields.Boolean('Behind', compute='_compute_interview_compliance',
                                      search='_search_interview_behind')
    interview_plan_state = fields.Char('Plan for Next Year', compute='_compute_interview_compliance')

    def _compute_interview_government_id(self):
        for department in self:
            government = department.sudo()
            while government and government.level not in GOVERNMENT_LEVELS:
                government = government.parent_id
            department.interview_government_id = government

    @api.model
    def _interview_year(self):
        return self.env.context.get('interview_year') or local_today(self.env).year

    @api.model
    def _interview_minimum_per_year(self):
        return int(self.env['ir.config_parameter'].sudo().get_param(
            'gov_interview.minimum_per_year', '12') or 12)

    @api.model
    def _interview_counts(self, year):
        """(interviews held per government, per department) in ``year``."""
        interviews = self.env['gov.interview'].sudo().search(
            self.env['gov.interview']._year_held_domain(year))
        per_department = Counter(interviews.mapped(lambda i: i.department_id.id))
        per_government = Counter()
        departments = self.sudo().browse(list(per_department))
        for department in departments:
            per_government[department.interview_government_id.id] += per_department[department.id]
        return per_government, per_department

    def _compute_interview_compliance(self):
        year = self._interview_year()
        per_government, per_department = self._interview_counts(year)
        minimum = self._interview_minimum_per_year()
        plans = self.env['gov.interview.plan'].sudo().search(
            [('year', '=', year + 1), ('department_id', 'in', self.ids)])
        plan_of = {plan.department_id.id: plan for plan in plans}
        states = dict(self.env['gov.interview.plan']._fields['state']._description_selection(self.env))
        for department in self:
            if department.level in GOVERNMENT_LEVELS:
                held, wanted = per_government[department.id], minimum
            else:
                held, wanted = per_department[department.id], 1  # 5.2.1: every department, each year
            department.interview_held_count = held
            department.interview_minimum = wanted
            department.interview_missing = max(wanted - held, 0)
            department.interview_behind = held < wanted
            plan = plan_of.get(department.id)
            department.interview_plan_state = (states[plan.state] + (_(' (late)') if plan.late else '')) \
                if plan else _('None')

    @api.model
    def _search_interview_behind(self, operator, value):
        # A few hundred governments and departments at most.
        departments = self.sudo().search([])  # pylint: disable=no-search-all
        behind = departments.filtered('interview_behind')
        positive = (operator == '=') == bool(value)
        return [('id', 'in' if positive else 'not in', behind.ids)]

    @api.model
    def _interview_compliance_rows(self, year=None):
        """The compliance table (5.2.1, 5.2.2), governments first, as dicts."""
        year = year or self._interview_year()
        departments = self.with_context(interview_year=year).search([('active', '=', True)])
        levels = dict(self._fields['level']._description_selection(self.env))
        rows = []
        for department in departments.sorted(
                lambda d: (d.level not in GOVERNMENT_LEVELS, d.parent_left)):
            rows.append({
                'name': department.name,
                'level': levels.get(department.level, ''),
                'government': department.interview_government_id.name or '',
                'held': department.interview_held_count,
                'minimum': department.interview_minimum,
                'missing': department.interview_missing,
                'behind': department.interview_behind,
                'plan': department.interview_plan_state,
            })
        return rows

    @api.model
    def action_interview_compliance_xlsx(self):
        """5.2.1, 5.2.2: this year's compliance table, written in the
        background (gov.export.job)."""
        if not any(self.env.user.has_group(group) for group in COMPLIANCE_GROUPS):
            raise AccessError(_("Only the general office, supervisors and department managers "
                                "export the interview compliance table."))
        year = self._interview_year()
        filename = _('interview-compliance-%s.xlsx') % year
        return self.env['gov.export.job']._start(filename, filename, self._name,
                                                 '_export_xlsx_interview_compliance', year=year)

    @api.model
    def _export_xlsx_interview_compliance(self, path, progress=None, year=None):
        return write_xlsx(path, [self._interview_compliance_sheet(year or self._interview_year())],
                          progress)

    @api.model
    def _interview_compliance_sheet(self, year):
        """The compliance table of ``year``: one row per government or
        department, in red when behind; names written as text."""
        minimum = self._interview_minimum_per_year()
        top = [Row([_('Online interviews held in %s') % year], 'title'),
               [_('Minimum per government: %s a year (5.2.2); every department at least one '
                  '(5.2.1).') % minimum], []]
        headers = [_('Government or Department'), _('Level'), _('Government'),
                   _('Interviews Held'), _('Minimum'), _('Missing'), _('Behind'),
                   _('Plan for Next Year')]
        yes, no = _('Yes'), _('No')  # here: _() finds the language in this frame only
        rows = [Row([row['name'], row['level'], row['government'], row['held'], row['minimum'],
                     row['missing'], yes if row['behind'] else no, row['plan']],
                    'alert' if row['behind'] else 'border')
                for row in self._interview_compliance_rows(year)]
        return (str(year), headers, rows, {
            'top': top, 'widths': COMPLIANCE_WIDTHS, 'header_style': 'header',
            'freeze': (4, 1), 'autofilter': True})
