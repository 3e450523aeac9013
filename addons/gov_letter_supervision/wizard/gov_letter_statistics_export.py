# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class GovLetterStatisticsExport(models.TransientModel):
    """Choose the period and departments of the XLSX statistics."""

    _name = 'gov.letter.statistics.export'
    _description = 'Export Letter Statistics'

    date_from = fields.Date('From')
    date_to = fields.Date('To')
    department_ids = fields.Many2many('gov.department', string='Departments',
                                      help="Empty: every department you may see.")

    @api.multi
    def action_export(self):
        """4.2 b, 5.1.5: the XLSX statistics, written in the background
        (gov.export.job): the user watches its progress and gets the file."""
        self.ensure_one()
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise UserError(_("The period must end after it starts."))
        Statistics = self.env['gov.letter.statistics']
        domain = Statistics._export_domain(self.date_from, self.date_to, self.department_ids.ids)
        name = _('Letter Statistics')
        return self.env['gov.export.job']._start(name, '%s.xlsx' % name, Statistics._name,
                                                 '_export_xlsx', domain=domain)
