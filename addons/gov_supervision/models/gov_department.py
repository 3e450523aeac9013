# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class GovDepartment(models.Model):
    """Counts of the department dashboard: items by service level over
    every model with service levels, and open supervisions."""

    _inherit = 'gov.department'

    sla_warning_count = fields.Integer('Warning', compute='_compute_sla_counts')
    sla_due_count = fields.Integer('Due Today', compute='_compute_sla_counts')
    sla_overdue_count = fields.Integer('Overdue', compute='_compute_sla_counts')
    supervision_open_count = fields.Integer('Open Supervisions', compute='_compute_sla_counts')

    @api.multi
    def _compute_sla_counts(self):
        counts = {}
        Mixin = self.env['gov.sla.mixin']
        for name in Mixin._sla_models():
            Model = self.env[name].sudo()
            field = Model._sla_department_field
            if field not in Model._fields or name == 'gov.supervision':
                continue
            for group in Model.read_group(
                    [(field, 'in', self.ids), ('sla_level', 'in', ('warning', 'due', 'overdue'))],
                    [field, 'sla_level'], [field, 'sla_level'], lazy=False):
                key = (group[field][0], group['sla_level'])
                counts[key] = counts.get(key, 0) + group['__count']
        open_supervisions = {
            group['department_id'][0]: group['department_id_count']
            for group in self.env['gov.supervision'].sudo().read_group(
                [('department_id', 'in', self.ids), ('state', '=', 'open')],
                ['department_id'], ['department_id'])}
        for department in self:
            department.sla_warning_count = counts.get((department.id, 'warning'), 0)
            department.sla_due_count = counts.get((department.id, 'due'), 0)
            department.sla_overdue_count = counts.get((department.id, 'overdue'), 0)
            department.supervision_open_count = open_supervisions.get(department.id, 0)

    @api.multi
    def action_open_supervisions(self):
        self.ensure_one()
        action = self.env.ref('gov_supervision.action_gov_supervision').read()[0]
        action['domain'] = [('department_id', '=', self.id)]
        action['context'] = {'search_default_open': 1}
        return action
