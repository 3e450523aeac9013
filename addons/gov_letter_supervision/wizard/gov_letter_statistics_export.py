# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.urls import url_encode

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
        self.ensure_one()
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise UserError(_("The period must end after it starts."))
        params = {key: value for key, value in (
            ('date_from', self.date_from or ''), ('date_to', self.date_to or ''),
            ('department_ids', ','.join(str(i) for i in self.department_ids.ids))) if value}
        return {'type': 'ir.actions.act_url', 'target': 'self',
                'url': '/gov_letter_supervision/statistics.xlsx?' + url_encode(params)}
